// Bundles the CLI, the language server and the VS Code extension with esbuild.
// nodejieba stays external: it finds its native binary and dictionaries relative
// to its own folder, which a bundle cannot carry (see NOTES on nodejieba).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { asciiOnly } from './ascii-only.mjs';
import { buildDictionaries } from './build-dict.mjs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Small bundles for the VSIX and the npm package: minified, with the source
  // maps written beside them for debugging but not linked or shipped. Without
  // keepNames: it wraps every function the code creates in a call that
  // redefines the function's name, closures made per line and per report
  // included (about 30 µs of each keystroke in a 40 KB draft); nothing reads
  // function names, and the source maps give them back for debugging.
  minify: true,
  sourcemap: 'external',
  logLevel: 'warning',
  // re2js is a file of its own beside the bundles (dist/re2js.js, below), loaded
  // on a user's first pattern: inside them it cost every start its compilation
  // (about 1.3 MB of the server's memory) for the few users who write patterns.
  external: ['nodejieba', 're2js'],
};

/** Node's module wrapper; the loader (server/src/lsp/loader.ts) checks that the bundle is one. */
const MODULE_WRAPPER = ['(function (exports, require, module, __filename, __dirname) {', '\n});'];

const entries = [
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js', bin: true },
  // The server's entry is a small loader that runs the bundle with a V8 code cache (server/src/lsp/loader.ts).
  { in: 'server/src/lsp/loader.ts', out: 'dist/server.js', bin: true },
  // Written as the function the loader compiles (its module wrapper), so the
  // loader compiles the file's text as it is read, not a wrapped copy of it.
  { in: 'server/src/lsp/main.ts', out: 'dist/server-main.js', wrapped: true },
  { in: 'server/src/segmenter/worker.ts', out: 'dist/segmenter-worker.js' },
  { in: 'client/src/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
  // engine/safe-regex.ts requires it from beside the bundle that runs.
  { in: 'node_modules/re2js/build/index.cjs', out: 'dist/re2js.js' },
];

await Promise.all(
  entries
    .filter((e) => existsSync(e.in))
    .map((e) =>
      build({
        ...common,
        entryPoints: [e.in],
        outfile: e.out,
        external: [...common.external, ...(e.external ?? [])],
        banner: e.bin ? { js: '#!/usr/bin/env node' } : e.wrapped ? { js: MODULE_WRAPPER[0] } : undefined,
        footer: e.wrapped ? { js: MODULE_WRAPPER[1] } : undefined,
      }),
    ),
);
// One byte per character in the memory of the process that runs them (ascii-only.mjs).
for (const e of entries) if (existsSync(e.out)) asciiOnly(e.out);

// The trimmed segmentation dictionaries the segmenter loads (dist/dict/).
buildDictionaries();
