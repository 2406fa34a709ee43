/**
 * The npm package installs where nodejieba cannot be built (no compiler, no
 * prebuilt binary): nodejieba and its installer are optional dependencies, and
 * the package carries everything the CLI and the server need to run with the
 * portable segmenter. (Measured by hand: `npm install zongjie-0.1.0.tgz` with
 * no compiler on PATH succeeds without nodejieba, and `zongjie check --verbose`
 * reports the portable segmenter.)
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

test('nodejieba and its installer are optional dependencies, nothing native is required', () => {
  assert.equal(manifest.dependencies.nodejieba, undefined);
  assert.equal(manifest.dependencies['@mapbox/node-pre-gyp'], undefined);
  assert.ok(manifest.optionalDependencies.nodejieba);
  assert.ok(manifest.optionalDependencies['@mapbox/node-pre-gyp']);
});

test('npm pack carries the bundles, the segmenter worker and the dictionaries, and no sources', () => {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const files: string[] = JSON.parse(r.stdout)[0].files.map((f: { path: string }) => f.path);
  for (const need of ['dist/cli.js', 'dist/server.js', 'dist/server-main.js', 'dist/segmenter-worker.js', 'dist/dict/jieba.dict.utf8', 'dist/dict/user.dict.utf8', 'dist/dict/hmm_model.utf8', 'package.json', 'README.md']) {
    assert.ok(files.includes(need), `${need} in ${files.join(', ')}`);
  }
  for (const f of files) assert.doesNotMatch(f, /\.(ts|map)$|^(server|client|test|out)\//, f);
  // The bins point at packaged files.
  for (const bin of Object.values(manifest.bin) as string[]) assert.ok(files.includes(bin.replace(/^\.\//, '')), bin);
});
