/**
 * No bundle wraps a CommonJS module in esbuild's interop object. A module
 * imported as a namespace (`import * as fs from 'node:fs'`), by default, or
 * with named imports from a bundled CommonJS package gets a wrapper that copies
 * every export as a getter when the bundle starts; for the server that was
 * about 1 MB of resident memory at initialize. Such modules are imported with
 * `import x = require(…)`, or with named imports from Node's own modules.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { buildSync } from 'esbuild';

const ROOT = path.resolve(__dirname, '../../..');

/** esbuild's __toESM helper, minified or not: it is emitted only when some import needs it. */
const INTEROP_WRAPPER = /\.__esModule\s*\?\s*[\w$]+\([\w$]+,\s*"default",\s*\{\s*value:\s*[\w$]+,\s*enumerable:\s*(?:!0|true)\s*\}\)/;

function bundle(code: string, minify: boolean): string {
  const out = buildSync({ stdin: { contents: code, loader: 'ts', resolveDir: ROOT }, bundle: true, platform: 'node', format: 'cjs', minify, write: false });
  return out.outputFiles[0].text;
}

describe('CommonJS interop in the bundles', () => {
  test('the pattern finds the wrapper esbuild writes for a namespace import, and not for require or named imports of Node modules', () => {
    for (const minify of [false, true]) {
      assert.match(bundle("import * as fs from 'node:fs'; console.log(fs.existsSync('x'));", minify), INTEROP_WRAPPER);
      assert.match(bundle("import { createConnection } from 'vscode-languageserver/node'; console.log(createConnection);", minify), INTEROP_WRAPPER);
      assert.doesNotMatch(bundle("import fs = require('node:fs'); import { join } from 'node:path'; console.log(fs.existsSync(join('a', 'b')));", minify), INTEROP_WRAPPER);
    }
  });

  test('no bundle the build writes holds it', () => {
    for (const f of ['dist/server.js', 'dist/server-main.js', 'dist/cli.js', 'dist/extension.js', 'dist/segmenter-worker.js']) {
      assert.doesNotMatch(fs.readFileSync(path.join(ROOT, f), 'utf8'), INTEROP_WRAPPER, `${f} wraps a CommonJS module (see this test's comment)`);
    }
  });
});
