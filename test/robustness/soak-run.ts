/**
 * The long run of the soak and abuse suite, on demand (issue 17's acceptance
 * figures):
 *
 *   npm run soak                      (all scenarios; about 10 minutes on 2 cores)
 *   npm run soak -- patterns longline  (only the named ones)
 *
 * Scenarios: patterns, longline, wideline, markdown, edits, bursts, framing,
 * files, fixes. Each prints its figures and whether the issue's bound holds;
 * the exit code is 1 when one does not. Bounded in count and time; the
 * servers it starts are ended when it ends.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { draftOfSize } from '../../bench/drafts';
import { CLI_PATH, atEnd, bursts, commaLine, corruptStream, corruptStreams, draft41k, fixedLines, hostilePatterns, tempDir, typing } from './soak';

let failures = 0;
function check(what: string, ok: boolean, figures: string): void {
  if (!ok) failures++;
  console.log(`${ok ? 'ok  ' : 'FAIL'}  ${what}: ${figures}`);
}

const mb = (n: number) => `${n.toFixed(0)} MB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;

/** A CLI run under /usr/bin/time: time, peak memory, output. */
function timedCli(args: string[], timeoutMs = 120_000): { code: number | null; ms: number; peakMB: number; err: string } {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, CLI_PATH, ...args], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 });
  const lines = (r.stderr ?? '').trim().split('\n');
  const kb = Number(lines[lines.length - 1]);
  return { code: r.status, ms: performance.now() - t, peakMB: kb / 1024, err: lines.slice(0, -1).join('\n') };
}

const SCENARIOS: Record<string, () => Promise<void>> = {
  async patterns() {
    const f = await hostilePatterns(true);
    check(
      `patterns .*.*.*X, (.*){5}X, (a|a?)+b from settings, ^(a+)+$ in a profile, on ${f.draft}`,
      f.firstDiagnosticsMs < 1000 && f.cliMs < f.cliBaselineMs * 1.5 + 300,
      `first diagnostics ${ms(f.firstDiagnosticsMs)} (${f.diagnostics}); CLI ${ms(f.cliMs)} with the profile, ${ms(f.cliBaselineMs)} without; messages: ${JSON.stringify(f.messages)}`,
    );
  },

  async longline() {
    const text = commaLine(345_000);
    const size = `${(Buffer.byteLength(text) / 1024 / 1024).toFixed(2)} MB`;
    const f = await typing(text, { edits: 12, pauseMs: 400, at: atEnd, segmenter: true, every: 1, settle: true });
    check(
      `one ${size} line with half-width commas, 12 edits at its end, 400 ms pauses`,
      f.p95 <= 100 && f.peakMB <= 300,
      `edit p50 ${ms(f.p50)}, p95 ${ms(f.p95)}, max ${ms(f.max)}; peak ${mb(f.peakMB)}; RSS per edit ${f.curve.map((x) => x.toFixed(0)).join(' ')}; open: first diagnostics ${ms(f.openMs)}, full ${ms(f.settledMs)}`,
    );
    // For the record: typing at once, into the open's first full check (words of the whole line being cut).
    const g = await typing(text, { edits: 12, pauseMs: 400, at: atEnd, segmenter: true, every: 1 });
    console.log(`      typing at once after the open: edit p50 ${ms(g.p50)}, p95 ${ms(g.p95)}, max ${ms(g.max)}; peak ${mb(g.peakMB)}`);
  },

  async wideline() {
    const f = await typing(commaLine(690_000), { edits: 300, pauseMs: 150, at: atEnd, segmenter: true, every: 30, settle: true });
    check('a 690,000-character line typed into 300 times', f.peakMB < 500, `peak ${mb(f.peakMB)}; edit p50 ${ms(f.p50)}, p95 ${ms(f.p95)}; RSS every 30 edits ${f.curve.map((x) => x.toFixed(0)).join(' ')}`);
  },

  async markdown() {
    const text = '# 2024年意识形态工作总结\n' + '__ '.repeat(50_000);
    const f = await typing(text, { edits: 12, pauseMs: 100, at: atEnd, every: 1, languageId: 'markdown' });
    check('a 150 KB Markdown line of `__ `, 12 keystrokes', f.p95 < 1000, `edit p50 ${ms(f.p50)}, p95 ${ms(f.p95)}; peak ${mb(f.peakMB)}`);
    const dir = tempDir();
    const file = path.join(dir, 'underscores.md');
    fs.writeFileSync(file, '# 2024年意识形态工作总结\n' + '__ '.repeat(100_000));
    const r = timedCli(['check', file]);
    check('the CLI on a 300 KB Markdown line of `__ `', r.ms < 5000, `${ms(r.ms)}, peak ${mb(r.peakMB)}`);
    fs.rmSync(dir, { recursive: true, force: true });
  },

  async edits() {
    const { text, name } = draft41k(true);
    const lines = text.split('\n').length;
    const f = await typing(text, {
      edits: 20_000,
      pauseMs: 0,
      segmenter: true,
      every: 1000,
      // Keystrokes spread over the draft: a character typed, then taken back, line after line.
      at: (d, i) => d.offsetAt({ line: (Math.floor(i / 2) * 7) % lines, character: 3 }),
      insert: (i) => (i % 2 ? '' : '的'),
      remove: (i) => (i % 2 ? 1 : 0),
    });
    const first = f.curve[0];
    const last = f.curve[f.curve.length - 1];
    check(`20,000 edits into the ${name}`, last <= first * 1.1, `RSS floor of each 1,000 edits ${f.curve.map((x) => x.toFixed(0)).join(' ')} MB (end ${((last / first - 1) * 100).toFixed(1)}% from after the first 1,000); edit p50 ${ms(f.p50)}, p95 ${ms(f.p95)}`);
  },

  async bursts() {
    const r = await bursts(2000, 20_000);
    for (const k of r.kinds) {
      check(`burst of ${k.count} ${k.kind}`, k.errors === 0 && (k.kind !== 'checkAsReport' || k.maxReplyBytes < 200), `${ms(k.ms)}, largest answer ${k.maxReplyBytes} bytes, ${k.errors} errors`);
    }
    console.log(`      server peak ${mb(r.peakMB)}`);
  },

  async framing() {
    for (const c of corruptStreams()) {
      const r = await corruptStream(c.bytes, 30_000);
      check(`corrupt stream: ${c.name}`, r !== 'alive' && r.exit === 1, r === 'alive' ? 'still running after 30 s' : `exit ${r.exit} after ${ms(r.ms)}`);
    }
  },

  async files() {
    const dir = tempDir();
    const big = path.join(dir, 'big.txt');
    fs.closeSync(fs.openSync(big, 'w'));
    fs.truncateSync(big, 200 * 1024 * 1024);
    let r = timedCli(['check', big]);
    check('the CLI given a 200 MB file', r.ms < 10_000 && r.peakMB < 1024, `${ms(r.ms)}, peak ${mb(r.peakMB)}: ${r.err.split('\n')[0]}`);
    fs.rmSync(big);
    const sixty = path.join(dir, 'sixty.txt');
    fs.writeFileSync(sixty, draftOfSize(7.5 * 1024 * 1024));
    r = timedCli(['check', sixty]);
    check('the CLI given a 7.5 MB draft (the largest it reads)', r.ms < 60_000 && r.peakMB < 1024, `${ms(r.ms)}, peak ${mb(r.peakMB)}`);
    const pipe = path.join(dir, 'pipe.txt');
    spawnSync('mkfifo', [pipe]);
    r = timedCli(['check', pipe, '/dev/zero'], 20_000);
    check('the CLI given a FIFO and /dev/zero', r.code === 2 && /不是普通文件/.test(r.err), `${ms(r.ms)}: ${r.err.replace(/\n/g, ' | ')}`);
    const pipeProfile = path.join(dir, 'profile.json');
    spawnSync('mkfifo', [pipeProfile]);
    r = timedCli(['check', '--profile', pipeProfile, sixty], 20_000);
    check('a FIFO as the profile', r.code === 2 && /不是普通文件/.test(r.err), `${ms(r.ms)}: ${r.err.split('\n')[0]}`);
    // fix --dry-run on 30,000 fixed lines (the diff is linear).
    const many = path.join(dir, 'many.txt');
    fs.writeFileSync(many, fixedLines(30_000));
    r = timedCli(['fix', '--dry-run', many], 120_000);
    check('fix --dry-run on 30,000 fixed lines', r.ms < 5000 && r.peakMB < 300, `${ms(r.ms)}, peak ${mb(r.peakMB)}`);
    fs.rmSync(dir, { recursive: true, force: true });
  },

  async fixes() {
    // Fix on look-alike content, read-only files and hard links: the fix suites own these cases.
    const files = ['cli-fix-lookalike.test.js', 'cli-fix.test.js', 'fix-all.test.js'].map((f) => path.resolve(__dirname, '../fixes', f));
    const r = spawnSync(process.execPath, ['--test', ...files], { encoding: 'utf8', timeout: 300_000 });
    const pass = /# pass (\d+)/.exec(r.stdout)?.[1];
    const fail = /# fail (\d+)/.exec(r.stdout)?.[1];
    check('fix on look-alike drafts, read-only files, hard links (test/fixes)', r.status === 0, `${pass} passed, ${fail} failed`);
  },
};

async function main(): Promise<void> {
  const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const chosen = names.length ? names : Object.keys(SCENARIOS);
  for (const name of chosen) {
    const run = SCENARIOS[name];
    if (!run) {
      console.log(`unknown scenario ${name}; known: ${Object.keys(SCENARIOS).join(', ')}`);
      failures++;
      continue;
    }
    const t = performance.now();
    console.log(`== ${name}`);
    try {
      await run();
    } catch (e) {
      failures++;
      console.log(`FAIL  ${name}: ${e instanceof Error ? e.stack : String(e)}`);
    }
    console.log(`   (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  }
  console.log(failures ? `${failures} bound(s) not met` : 'all bounds met');
  process.exit(failures ? 1 : 0);
}

void main();
