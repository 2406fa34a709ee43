/**
 * Built-in genres are the JSON files of server/src/profiles: the build
 * generates the index that imports them, so no code names a genre.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { builtInProfileIds, getProfile } from '../../server/src/engine/profile';

const ROOT = path.resolve(__dirname, '../../..');
const DIR = path.join(ROOT, 'server/src/profiles');
const jsonFiles = () => fs.readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

describe('built-in profiles', () => {
  test('every JSON file of server/src/profiles is a built-in profile, named by its id', () => {
    const ids = jsonFiles().map((f) => JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')).id);
    assert.deepEqual([...builtInProfileIds()].sort(), [...ids].sort());
    for (const f of jsonFiles()) assert.equal(getProfile(f.replace(/\.json$/, '')).id, f.replace(/\.json$/, ''), `${f}: the file is named after its id`);
  });

  test('the generated index is up to date (scripts/gen-profiles.mjs --check)', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/gen-profiles.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });
});
