/**
 * The server's modules take values from vscode-languageserver through
 * server/src/lsp/languageserver.ts alone, and types with `import type`: in
 * the bundle, every module importing values from that CommonJS package gets a
 * wrapper of its own, which costs memory at start-up (see languageserver.ts).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const ROOT = [path.join(__dirname, '..', '..', '..'), path.join(__dirname, '..', '..')].find((d) => fs.existsSync(path.join(d, 'server', 'src', 'lsp', 'languageserver.ts')))!;
const SERVER_SRC = path.join(ROOT, 'server', 'src');
const GATEWAY = path.join(SERVER_SRC, 'lsp', 'languageserver.ts');

function sources(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) sources(file, out);
    else if (entry.name.endsWith('.ts')) out.push(file);
  }
  return out;
}

test('only lsp/languageserver.ts imports values from vscode-languageserver', () => {
  const offenders: string[] = [];
  for (const file of sources(SERVER_SRC)) {
    if (file === GATEWAY) continue;
    const text = fs.readFileSync(file, 'utf8');
    // Statements (import or export) that take something from the package itself, not `import type`.
    for (const m of text.matchAll(/^(import|export)(?!\s+type\b)[^;]*?from\s+'vscode-languageserver'/gm)) {
      offenders.push(`${path.relative(ROOT, file)}: ${m[0].split('\n')[0]}`);
    }
  }
  assert.deepEqual(offenders, []);
});
