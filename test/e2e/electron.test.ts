/**
 * The in-VS-Code suite (test/e2e/suite) under @vscode/test-electron, in a
 * desktop VS Code with the packaged VSIX as the extension under development.
 *
 * test-electron needs a desktop VS Code: $VSCODE_EXECUTABLE_PATH, or one it
 * downloads into .vscode-test/ (or found there from an earlier download).
 * Machines without internet access have neither, and then this test is
 * SKIPPED with the reason — never passed silently. The same suite runs in
 * code-server's extension host in code-server.test.ts, which needs no download.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import * as fx from './fixtures';
import { E2E_HOME, REPO, log, makeRunDirs } from './harness';
import type { SuiteResult } from './suite';

async function findVSCode(): Promise<{ executable: string } | { skip: string }> {
  const explicit = process.env.VSCODE_EXECUTABLE_PATH;
  if (explicit) {
    return fs.existsSync(explicit) ? { executable: explicit } : { skip: `VSCODE_EXECUTABLE_PATH=${explicit} does not exist` };
  }
  try {
    // Reuses .vscode-test/ when a download happened before; otherwise downloads (about 150 MB).
    return { executable: await downloadAndUnzipVSCode({ cachePath: path.join(REPO, '.vscode-test'), timeout: 30_000 }) };
  } catch (e) {
    return {
      skip:
        `SKIPPED: no desktop VS Code available — @vscode/test-electron could not download one ` +
        `(${e instanceof Error ? e.message : String(e)}) and .vscode-test/ holds none. ` +
        'Set VSCODE_EXECUTABLE_PATH to run this suite here; the same suite runs in code-server (code-server.test.ts).',
    };
  }
}

/** Electron needs an X display: $DISPLAY, or Xvfb to start one. Checked before anything is downloaded. */
function displayPlan(): { xvfb: string | null } | { skip: string } {
  if (process.platform !== 'linux' || process.env.DISPLAY) return { xvfb: null };
  const xvfb = spawnSync('sh', ['-c', 'command -v Xvfb'], { encoding: 'utf8' }).stdout.trim();
  if (!xvfb) return { skip: 'SKIPPED: desktop VS Code needs a display: no $DISPLAY and no Xvfb (Debian package xvfb)' };
  return { xvfb };
}

function startDisplay(xvfb: string | null): { env: NodeJS.ProcessEnv; stop: () => void } {
  if (!xvfb) return { env: {}, stop: () => undefined };
  const display = ':' + (90 + Math.floor(Math.random() * 9));
  const child = spawn(xvfb, [display, '-screen', '0', '1280x800x24'], { stdio: 'ignore', detached: true });
  return { env: { DISPLAY: display }, stop: () => child.kill('SIGTERM') };
}

test('the in-VS-Code suite under @vscode/test-electron (desktop VS Code)', { timeout: 15 * 60_000 }, async (t) => {
  if (process.env.ZONGJIE_E2E === 'skip') {
    t.skip('ZONGJIE_E2E=skip');
    return;
  }
  const plan = displayPlan();
  if ('skip' in plan) {
    log(plan.skip);
    t.skip(plan.skip);
    return;
  }
  const found = await findVSCode();
  if ('skip' in found) {
    log(found.skip);
    t.skip(found.skip);
    return;
  }
  const display = startDisplay(plan.xvfb);
  try {
    const dirs = makeRunDirs('electron');
    const vsix = path.join(dirs.root, 'zongjie.vsix');
    const { packageVsix } = await import(pathToFileURL(path.join(REPO, 'client', 'scripts', 'package-vsix.mjs')).href);
    const packaged = await packageVsix(vsix);
    assert.deepEqual(packaged.problems, []);

    // Install the VSIX with VS Code's own CLI; the folder it unpacks to is the extension under test.
    const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(found.executable);
    const unpacked = path.join(dirs.root, 'unpacked');
    const install = spawnSync(cli, [...cliArgs, '--extensions-dir', unpacked, '--install-extension', vsix], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(install.status, 0, install.stderr);
    const [folder] = fs.readdirSync(unpacked).filter((f) => f.startsWith('zongjie.zongjie-'));
    const extensionPath = path.join(unpacked, folder);

    fs.writeFileSync(path.join(dirs.workspace, fx.DRAFT_NAME), fx.DRAFT);
    fs.writeFileSync(path.join(dirs.workspace, fx.SKELETON_NAME), '');
    fs.writeFileSync(path.join(dirs.workspace, fx.NOTE_NAME), fx.NOTE);
    fs.writeFileSync(path.join(dirs.workspace, fx.FIXABLE_NAME), fx.FIXABLE);
    const resultFile = path.join(dirs.root, 'suite-result.json');
    await runTests({
      vscodeExecutablePath: found.executable,
      extensionDevelopmentPath: extensionPath,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      // test-electron starts VS Code with process.env plus this, so DISPLAY reaches Electron too.
      extensionTestsEnv: { ...display.env, ZONGJIE_SUITE_RESULT: resultFile },
      launchArgs: [dirs.workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions],
    }).catch((e) => {
      // runTests rejects when the suite fails; its result file says why.
      if (!fs.existsSync(resultFile)) throw e;
    });
    const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as SuiteResult;
    log(`suite ran in VS Code ${result.vscodeVersion} from ${result.extensionPath} (${path.relative(E2E_HOME, dirs.root)})`);
    for (const s of result.steps) log(`  ${s.ok ? '✔' : '✖'} ${s.name} (${s.ms} ms)${s.note ? ` — ${s.note}` : ''}${s.error ? `\n${s.error}` : ''}`);
    assert.equal(result.failed, 0);
  } finally {
    display.stop();
  }
});
