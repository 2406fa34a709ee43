/**
 * Runs a real VS Code for the end-to-end test: code-server (VS Code's server and
 * web workbench) with the packaged extension installed, driven through Debian's
 * Chromium by playwright-core. Everything lives under .e2e/ (git-ignored) or
 * $ZONGJIE_E2E_HOME; nothing is written to the home directory.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

export const REPO = [path.join(__dirname, '..', '..', '..'), path.join(__dirname, '..', '..')].find((d) =>
  fs.existsSync(path.join(d, 'test', 'e2e', 'setup-code-server.sh')),
)!;
export const CODE_SERVER_VERSION = '4.99.4';
export const E2E_HOME = process.env.ZONGJIE_E2E_HOME ?? path.join(REPO, '.e2e');
const PREFIX = path.join(E2E_HOME, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER_ENTRY = path.join(PREFIX, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.ZONGJIE_CHROMIUM ?? '/usr/bin/chromium';

export function log(line: string): void {
  process.stdout.write(`[e2e] ${line}\n`);
}

export function isCodeServerReady(): boolean {
  return fs.existsSync(path.join(PREFIX, '.ready')) && fs.existsSync(CODE_SERVER_ENTRY) && fs.existsSync(CHROMIUM);
}

/** Runs test/e2e/setup-code-server.sh (idempotent); throws with its output's tail when it fails. */
export function ensureCodeServer(timeoutMs: number): void {
  if (isCodeServerReady()) return;
  log('code-server is not installed yet: running test/e2e/setup-code-server.sh (2–3 minutes)');
  const r = spawnSync('bash', [path.join(REPO, 'test', 'e2e', 'setup-code-server.sh')], {
    cwd: REPO,
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: timeoutMs,
    env: { ...process.env, ZONGJIE_E2E_HOME: E2E_HOME },
  });
  if (r.status !== 0 || !isCodeServerReady()) {
    throw new Error(
      `setup-code-server.sh failed (exit ${r.status ?? r.signal}); see its output above. ` +
        'On a machine that cannot install Debian packages, ZONGJIE_E2E=skip skips the end-to-end tests.',
    );
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunDirs {
  root: string;
  userData: string;
  extensions: string;
  workspace: string;
  config: string;
}

/** A fresh directory tree for one run: user data, extensions, workspace. */
export function makeRunDirs(name: string): RunDirs {
  const root = path.join(E2E_HOME, 'runs', name);
  fs.rmSync(root, { recursive: true, force: true });
  const dirs: RunDirs = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    workspace: path.join(root, 'workspace'),
    config: path.join(root, 'config.yaml'),
  };
  for (const d of [dirs.userData, dirs.extensions, dirs.workspace, ...['home', 'xdg-config', 'xdg-data', 'xdg-cache'].map((h) => path.join(root, h))]) {
    fs.mkdirSync(d, { recursive: true });
  }
  return dirs;
}

/**
 * A home of the run's own for code-server and Chromium: besides their explicit
 * directories they write small things under the home directory (device id,
 * crash-report database, dconf), which must not land in the user's.
 */
export function homeEnv(dirs: RunDirs): NodeJS.ProcessEnv {
  return {
    HOME: path.join(dirs.root, 'home'),
    XDG_CONFIG_HOME: path.join(dirs.root, 'xdg-config'),
    XDG_DATA_HOME: path.join(dirs.root, 'xdg-data'),
    XDG_CACHE_HOME: path.join(dirs.root, 'xdg-cache'),
  };
}

function codeServerEnv(dirs: RunDirs, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra, CI: 'true', ...homeEnv(dirs) };
}

function baseArgs(dirs: RunDirs, extensionsDir = dirs.extensions): string[] {
  return ['--config', dirs.config, '--user-data-dir', dirs.userData, '--extensions-dir', extensionsDir];
}

/** `code-server --install-extension VSIX` (into `extensionsDir`, by default the run's); returns its output. */
export function installExtension(dirs: RunDirs, vsix: string, extensionsDir = dirs.extensions): string {
  const r = spawnSync(process.execPath, [CODE_SERVER_ENTRY, ...baseArgs(dirs, extensionsDir), '--install-extension', vsix], {
    env: codeServerEnv(dirs),
    encoding: 'utf8',
    timeout: 120_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  if (r.status !== 0) throw new Error(`--install-extension failed (exit ${r.status ?? r.signal}):\n${out}`);
  return out;
}

export interface CodeServer {
  url: string;
  process: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
}

/**
 * Starts code-server in its own process group (so that stopping it also stops
 * the extension host and the language server it started) and waits for /healthz.
 * `env` is added to its environment, which its extension hosts inherit.
 */
export async function startCodeServer(dirs: RunDirs, env: NodeJS.ProcessEnv = {}): Promise<CodeServer> {
  const port = await freePort();
  const logFile = path.join(dirs.root, 'code-server.log');
  const out = fs.openSync(logFile, 'w');
  const child = spawn(
    process.execPath,
    [
      CODE_SERVER_ENTRY,
      ...baseArgs(dirs),
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
    ],
    { env: codeServerEnv(dirs, env), stdio: ['ignore', out, out], detached: true },
  );
  fs.closeSync(out);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
    // The extension host and language server share the group; make sure none outlives the test.
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // the group is empty
    }
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}); log:\n${fs.readFileSync(logFile, 'utf8')}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer /healthz within 60 s; log:\n${fs.readFileSync(logFile, 'utf8')}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, process: child, logFile, stop };
}

/** Writes the user settings that keep the workbench quiet and predictable for the test. */
export function writeUserSettings(dirs: RunDirs, settings: Record<string, unknown>): void {
  const dir = path.join(dirs.userData, 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}

/**
 * Processes of a process group whose command line contains `needle`, read from
 * /proc (the end-to-end test runs on Linux). The test uses it to find the
 * language server that its own code-server started.
 */
export function processesInGroup(pgid: number, needle: string): { pid: number; cmdline: string }[] {
  const out: { pid: number; cmdline: string }[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the parenthesised command name: state ppid pgrp …
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
      if (cmdline.includes(needle)) out.push({ pid: Number(entry), cmdline });
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

/**
 * Prints the tail of the run's extension-host logs (the Zongjie output channel
 * among them). Called when a step fails: CI shows only the test's output, and
 * these say what the client and the server did.
 */
export function dumpLogs(dirs: RunDirs, maxLinesPerFile = 60): void {
  const logs: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/^(Zongjie|remoteexthost|exthost|remoteagent)\.log$/.test(entry.name)) logs.push(p);
    }
  };
  try {
    walk(path.join(dirs.userData, 'logs'));
  } catch {
    log('no extension-host logs were written');
    return;
  }
  for (const file of logs.sort()) {
    const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
    log(`--- ${path.relative(dirs.root, file)} (last ${Math.min(lines.length, maxLinesPerFile)} of ${lines.length} lines)`);
    for (const l of lines.slice(-maxLinesPerFile)) log(`    ${l.slice(0, 400)}`);
  }
}
