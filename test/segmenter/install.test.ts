/**
 * The npm package installs where nodejieba cannot be built (no compiler, no
 * prebuilt binary): nodejieba and its installer are optional dependencies, and
 * the package carries everything the CLI and the server need to run with the
 * portable segmenter. The last test installs the package `npm pack` makes on a
 * PATH with Node and npm but no compiler, make or Python, where nodejieba's
 * prebuilt binary cannot be downloaded either, and runs the installed CLI.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
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

/**
 * A folder for the install that no nodejieba is found from: Node looks for
 * modules in node_modules of every folder above, and a machine may have one in
 * /tmp/node_modules (this one has).
 */
function baseWithoutNodejieba(): string | undefined {
  for (const base of [os.tmpdir(), '/var/tmp', os.homedir()]) {
    let d = path.resolve(base);
    let found = false;
    for (;;) {
      if (fs.existsSync(path.join(d, 'node_modules', 'nodejieba'))) found = true;
      const up = path.dirname(d);
      if (up === d) break;
      d = up;
    }
    if (!found) return base;
  }
  return undefined;
}

test('npm install of the packed package on a machine that cannot build nodejieba succeeds, and the CLI checks with the portable segmenter', { timeout: 240_000 }, (t) => {
  const base = baseWithoutNodejieba();
  if (!base) {
    t.skip('every candidate folder has a nodejieba in a node_modules above it');
    return;
  }
  const dir = fs.mkdtempSync(path.join(base, 'zongjie-install-'));
  try {
    const packed = spawnSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(packed.status, 0, packed.stderr);
    const tarball = path.join(dir, packed.stdout.trim().split('\n').pop()!);
    // A PATH with Node, npm and a shell for install scripts, and nothing to build a native addon with.
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    for (const b of ['node', 'npm', 'npx', 'sh']) {
      const found = spawnSync('sh', ['-c', `command -v ${b}`], { encoding: 'utf8' }).stdout.trim();
      assert.ok(found, `${b} is not on PATH`);
      fs.symlinkSync(found, path.join(bin, b));
    }
    const cache = spawnSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).stdout.trim();
    const env = {
      HOME: path.join(dir, 'home'),
      PATH: bin,
      // The user's npm cache (filled by npm ci): the dependencies come from it where they can.
      npm_config_cache: cache,
      // No prebuilt binary either (as on a platform nodejieba publishes none for): node-pre-gyp's download fails at once.
      npm_config_nodejieba_binary_host_mirror: 'http://127.0.0.1:9/',
    };
    const prefix = path.join(dir, 'project');
    fs.mkdirSync(prefix);
    const install = spawnSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball], { cwd: dir, env, encoding: 'utf8', timeout: 200_000 });
    assert.equal(install.status, 0, `${install.stdout}\n${install.stderr}`);
    assert.ok(!fs.existsSync(path.join(prefix, 'node_modules', 'nodejieba', 'build', 'Release', 'nodejieba.node')), 'nodejieba was built or downloaded after all');
    const draft = path.join(dir, '草稿.txt');
    fs.writeFileSync(draft, '2024年意识形态工作总结\n一、主要工作开展情况\n全年召开会议X次，坚持持学习。\n');
    const cli = spawnSync(path.join(prefix, 'node_modules', '.bin', 'zongjie'), ['check', '--verbose', draft], { cwd: dir, env, encoding: 'utf8' });
    assert.match(cli.stderr, /分词：内置分词程序（/);
    assert.equal(cli.status, 1, cli.stderr);
    assert.match(cli.stdout, /placeholder/);
    // A finding that needs word segmentation.
    assert.match(cli.stdout, /duplicated-char/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
