/**
 * The import arrows point one way: front ends (cli, lsp, client) → features →
 * rules → the model (engine, with its data and profiles). This test reads the
 * imports of every source file and fails on an arrow that points up or sideways
 * between front ends, and on any import cycle.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';

const ROOT = path.resolve(__dirname, '../../..');

/** Folder (relative to the repository) → layer; a file may import its own layer and those below. */
const LAYERS: [string, number][] = [
  ['server/src/data', 0],
  ['server/src/profiles', 0],
  ['server/src/protocol', 0],
  ['server/src/engine', 1],
  // Reading Word files into paragraphs is input, like source text: it imports nothing of the engine.
  ['server/src/docx', 1],
  ['server/src/rules', 2],
  ['server/src/features', 3],
  ['server/src/segmenter', 3],
  // A team's .zongjie.json, read alike by the CLI and the language server.
  ['server/src/config', 3],
  ['server/src/cli', 4],
  ['server/src/lsp', 4],
  ['client/src', 4],
];

/** Front ends are peers: none imports another. */
const FRONT_ENDS = ['server/src/cli', 'server/src/lsp', 'client/src'];

function folderOf(file: string): string | undefined {
  return LAYERS.map(([f]) => f).find((f) => file === f + '.ts' || file.startsWith(f + '/'));
}

function layerOf(file: string): number | undefined {
  const folder = folderOf(file);
  return LAYERS.find(([f]) => f === folder)?.[1];
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return out;
  for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** The repository-relative targets of a file's relative imports (static, dynamic, require, export from). */
export function importsOf(file: string, text: string): string[] {
  const specs: string[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) specs.push(m[1]);
  const out: string[] = [];
  for (const spec of specs) {
    if (!spec.startsWith('.')) continue;
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
    const candidates = [target + '.ts', target + '/index.ts', target];
    const hit = candidates.find((c) => fs.existsSync(path.join(ROOT, c)));
    out.push(hit ?? target + '.ts');
  }
  return out;
}

const FILES = [...sourceFiles('server/src'), ...sourceFiles('client/src')];
const GRAPH = new Map(FILES.map((f) => [f, importsOf(f, fs.readFileSync(path.join(ROOT, f), 'utf8')).filter((t) => t.endsWith('.ts'))]));

describe('layers', () => {
  test('every source file belongs to a layer', () => {
    assert.deepEqual(FILES.filter((f) => layerOf(f) === undefined), []);
  });

  test('no import points to a higher layer, or from one front end to another', () => {
    const wrong: string[] = [];
    for (const [file, targets] of GRAPH) {
      const from = layerOf(file)!;
      for (const t of targets) {
        const to = layerOf(t);
        if (to === undefined) continue;
        const sideways = FRONT_ENDS.includes(folderOf(file)!) && FRONT_ENDS.includes(folderOf(t)!) && folderOf(file) !== folderOf(t);
        if (to > from || sideways) wrong.push(`${file} → ${t}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  test('no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, 'open');
      stack.push(f);
      for (const t of GRAPH.get(f) ?? []) {
        if (!GRAPH.has(t)) continue;
        if (state.get(t) === 'open') cycles.push([...stack.slice(stack.indexOf(t)), t].join(' → '));
        else if (!state.has(t)) visit(t);
      }
      stack.pop();
      state.set(f, 'done');
    };
    for (const f of GRAPH.keys()) if (!state.has(f)) visit(f);
    assert.deepEqual(cycles, []);
  });

  test('the check sees a back arrow and a cycle (it can fail)', () => {
    assert.deepEqual(importsOf('server/src/engine/x.ts', "import { a } from '../rules/rule';\nimport type { B } from './parse';"), ['server/src/rules/rule.ts', 'server/src/engine/parse.ts']);
    assert.ok(layerOf('server/src/rules/rule.ts')! > layerOf('server/src/engine/parse.ts')!);
  });
});

/**
 * The code of a file without its comments and without the `docs` block of a
 * rule: documentation (examples of a report) may name parts; logic may not.
 */
export function codeOnly(text: string): string {
  const noDocs = text.replace(/^(\s*)docs: \{[\s\S]*?^\1\},?$/gm, '');
  return noDocs.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

describe('genre-neutral code', () => {
  // What a genre is lives in its profile (server/src/profiles/*.json); the code names none.
  const GENRE_WORDS = ['achievements', 'next-steps', 'situation', '意识形态', '存在的问题', '下一步', '主要工作', '研判'];
  test('no TypeScript file outside the tests names a genre word in its code', () => {
    const found: string[] = [];
    for (const f of FILES) {
      const text = codeOnly(fs.readFileSync(path.join(ROOT, f), 'utf8'));
      for (const w of GENRE_WORDS) if (text.includes(w)) found.push(`${f}: ${w}`);
    }
    assert.deepEqual(found, []);
  });

  test('comments and rule docs are set aside, code is kept', () => {
    const sample = "const a = 'x'; // 存在的问题\n/* 下一步 */\nexport const r = {\n  id: 'r',\n  docs: {\n    title: '主要工作',\n  },\n  slot: 'achievements',\n};";
    const code = codeOnly(sample);
    assert.ok(!code.includes('存在的问题') && !code.includes('下一步') && !code.includes('主要工作'));
    assert.ok(code.includes("slot: 'achievements'"));
  });
});
