/**
 * scripts/build-dict.mjs's HMM model: the engine cuts without HMM, so the
 * product ships the model's start and transition lines with one emission entry
 * per state. It must stay a model nodejieba accepts (the other tests in this
 * folder cut with it) and keep those lines exactly.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

const REPO = path.resolve(__dirname, '../../..');

test('the shipped HMM model keeps start and transition lines whole and one emission entry per state', async () => {
  const { minimalHmmModel } = (await import(pathToFileURL(path.join(REPO, 'scripts', 'build-dict.mjs')).href)) as { minimalHmmModel: (text: string) => string };
  const full = fs.readFileSync(path.join(REPO, 'node_modules', 'nodejieba', 'submodules', 'cppjieba', 'dict', 'hmm_model.utf8'), 'utf8');
  const data = (text: string) => text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const small = minimalHmmModel(full);
  assert.deepEqual(data(small).slice(0, 5), data(full).slice(0, 5));
  assert.equal(data(small).length, 9);
  for (const [i, line] of data(small).slice(5).entries()) {
    assert.match(line, /^.:-?[\d.e-]+$/u, `emission line ${i + 1}`);
    assert.ok(data(full)[5 + i].startsWith(line + ','));
  }
  assert.ok(small.length < 2000, `${small.length} characters`);
  // What npm run build put in dist/dict is this model.
  assert.equal(fs.readFileSync(path.join(REPO, 'dist', 'dict', 'hmm_model.utf8'), 'utf8'), small);
});
