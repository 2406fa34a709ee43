// What a VSIX holds and whether it is complete. Shared by the package script
// (client/scripts/package-vsix.mjs) and the end-to-end test, which both check
// the file VS Code will install rather than vsce's idea of it.
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

/**
 * Entries of a zip file from its central directory; zip64 is not needed for a VSIX.
 * Each has its name, sizes, where its local header starts, and the length of the
 * extra fields in its central record (Open VSX refuses a package with any).
 */
export function listZip(file) {
  const buf = readFileSync(file);
  const EOCD = 0x06054b50;
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: broken central directory`);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    const offset = buf.readUInt32LE(at + 42);
    entries.push({ name, size, compressed, offset, extraLength });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The bytes of one entry of a zip file (stored or deflated), or undefined when it has no such entry. */
export function readZipEntry(file, name) {
  const entry = listZip(file).find((e) => e.name === name);
  if (!entry) return undefined;
  const buf = readFileSync(file);
  const at = entry.offset;
  if (buf.readUInt32LE(at) !== 0x04034b50) throw new Error(`${file}: broken local header of ${name}`);
  const method = buf.readUInt16LE(at + 8);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const data = buf.subarray(start, start + entry.compressed);
  if (method === 0) return Buffer.from(data);
  if (method === 8) return inflateRawSync(data);
  throw new Error(`${file}: ${name} is compressed with method ${method}`);
}

/** Lengths of the extra fields in the local header of each entry (Open VSX looks at these too). */
export function localExtraLengths(file) {
  const buf = readFileSync(file);
  return listZip(file).map((e) => ({ name: e.name, extraLength: buf.readUInt16LE(e.offset + 28) }));
}

/** Files the extension cannot work without (paths inside the VSIX). */
export const REQUIRED = [
  'extension/package.json',
  'extension/package.nls.json',
  'extension/package.nls.zh-cn.json',
  'extension/dist/extension.js',
  'extension/dist/server.js',
  // The server's bundle, which dist/server.js loads.
  'extension/dist/server-main.js',
  // The linear-time engine of users' patterns, which the server loads on the first one.
  'extension/dist/re2js.js',
  'extension/snippets/plaintext.json',
  'extension/snippets/markdown.json',
  // VS Code validates the user's .zongjie/profiles/*.json with it (contributes.jsonValidation).
  'extension/schemas/profile.schema.json',
  // The marketplaces' icon.
  'extension/images/icon.png',
  // Completion and validation of a team's .zongjie.json.
  'extension/schemas/zongjie.schema.json',
];

/**
 * nodejieba, which the server loads at run time where it can (the bundle keeps
 * it external): optional, since the portable segmenter stands in for it, but
 * all of these or none (a loader without its binary would only cost a failed load).
 */
export const NODEJIEBA = [
  'extension/node_modules/nodejieba/package.json',
  'extension/node_modules/nodejieba/index.js',
  'extension/node_modules/nodejieba/build/Release/nodejieba.node',
];

/** What must not ship: sources, tests, maps, build output of tsc, other packages. */
const FORBIDDEN = [
  [/\.ts$/, 'TypeScript sources'],
  [/\.map$/, 'source maps'],
  [/^extension\/(server|client|test|out|scripts|bench|examples|\.e2e|\.ci)\//, 'sources, tests or build output'],
  [/^extension\/node_modules\/(?!nodejieba\/)/, 'a package other than nodejieba'],
  [/^extension\/node_modules\/nodejieba\/(submodules|lib|test|node_modules|build\/Release\/obj\.target)\//, 'nodejieba build inputs or its own dictionaries'],
];

/**
 * Problems with the entries of a VSIX, in English for the developer. `distFiles`
 * are runtime files found in dist/ (segmenter worker, dictionaries) that must be
 * in the package too.
 */
export function vsixProblems(entries, distFiles = []) {
  const names = new Set(entries.map((e) => e.name));
  const problems = [];
  for (const r of [...REQUIRED, ...distFiles.map((f) => `extension/dist/${f}`)]) if (!names.has(r)) problems.push(`missing ${r}`);
  const jieba = NODEJIEBA.filter((f) => names.has(f));
  if (jieba.length > 0 && jieba.length < NODEJIEBA.length) for (const f of NODEJIEBA) if (!names.has(f)) problems.push(`missing ${f} (nodejieba is packaged in part)`);
  for (const e of entries) {
    for (const [re, what] of FORBIDDEN) if (re.test(e.name)) problems.push(`${e.name}: ${what} must not be packaged`);
  }
  return problems;
}

/** One line per top-level folder of the extension: files and bytes. */
export function summarize(entries) {
  const groups = new Map();
  for (const e of entries) {
    const parts = e.name.split('/');
    const key = parts[0] !== 'extension' ? parts[0] : parts.length > 3 && parts[1] === 'node_modules' ? parts.slice(0, 3).join('/') : parts.length > 2 ? parts.slice(0, 2).join('/') + '/' : e.name;
    const g = groups.get(key) ?? { files: 0, bytes: 0 };
    g.files++;
    g.bytes += e.size;
    groups.set(key, g);
  }
  return [...groups.entries()].sort((a, b) => b[1].bytes - a[1].bytes).map(([k, g]) => `${k.padEnd(44)} ${String(g.files).padStart(4)} files ${(g.bytes / 1024).toFixed(1).padStart(9)} KB`);
}
