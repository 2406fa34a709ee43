/**
 * End to end in a real VS Code: code-server 4.99.4 (VS Code's own server and
 * web workbench, from npm) with the packaged VSIX installed, driven through
 * Debian's Chromium by playwright-core, the way a writer uses it:
 *
 *  1. package the VSIX (npm run package's code) and check its contents;
 *  2. install it with --install-extension, open a folder with a draft;
 *  3. wait for the language mode, read the squiggles, the Problems panel and
 *     the status bar item: exactly the draft's four placeholders, and the draft's genre;
 *  4. type a line with a new placeholder, then fill one with 「跳到下一个占位符」:
 *     the Problems list follows both edits; kill the language server and see
 *     the client restart it and the new server find a doubled character (a
 *     check that needs nodejieba, shipped in the VSIX);
 *  5. type a snippet prefix in an empty file, accept the suggestion, and find
 *     the skeleton's parts in the Outline view;
 *  6. take a screenshot for the README;
 *  7. run the in-VS-Code suite (test/e2e/suite, the vscode-API version of these
 *     scenarios that @vscode/test-electron would run) in code-server's own
 *     extension host, with the installed VSIX as the extension under development.
 *
 * The code-server install is made by test/e2e/setup-code-server.sh when it is
 * missing (a few minutes, once; root and apt are needed for the Debian
 * packages). ZONGJIE_E2E=skip skips this test on a machine that cannot run it.
 * The screenshot goes to the run folder; ZONGJIE_UPDATE_SCREENSHOT=1 (or a
 * missing docs/images/zongjie-vscode.png) also writes the README's copy.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { Browser, Page, chromium } from 'playwright-core';
import { analyzeText } from '../../server/src/features/analyze';
import { analyzeWord, readWordDraft } from '../../server/src/features/word';
import { draftDocx } from '../docx/drafts';
import { expandSnippet } from '../snippets/expand';
import * as fx from './fixtures';
import { CHROMIUM, CodeServer, E2E_HOME, REPO, dumpLogs, ensureCodeServer, homeEnv, installExtension, log, makeRunDirs, processesInGroup, startCodeServer, writeUserSettings } from './harness';
import type { SuiteResult } from './suite';

const SCREENSHOT = path.join(REPO, 'docs', 'images', 'zongjie-vscode.png');
const SCREENSHOT_MAX_BYTES = 300 * 1024;
/** The genre the status bar names for the draft and the skeleton (both 意识形态工作总结, detected from their titles). */
const GENRE = '意识形态工作总结';

/** The status bar item's element id: publisher.name.itemId. */
const STATUS_ITEM = '#zongjie\\.zongjie\\.zongjie\\.report';

const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  // The run folder sits inside this repository: keep the Git extension quiet about it.
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'chat.commandCenter.enabled': false,
  'outline.collapseItems': 'alwaysExpand',
  'editor.minimap.enabled': false,
};

/** A Problems panel row of one marker, as VS Code renders it: message / source / code / [Ln, Col]. */
interface ProblemRow {
  message: string;
  source: string;
  code: string;
  line: number;
  column: number;
}

async function problemRows(page: Page): Promise<ProblemRow[]> {
  const texts = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
  const rows: ProblemRow[] = [];
  for (const t of texts) {
    const m = /^(.*)\n(\S+)\n(\S+)\n\[Ln (\d+), Col (\d+)\]$/s.exec(t.trim());
    if (m) rows.push({ message: m[1], source: m[2], code: m[3], line: Number(m[4]), column: Number(m[5]) });
  }
  return rows;
}

async function statusItem(page: Page): Promise<string> {
  const item = page.locator(STATUS_ITEM);
  if ((await item.count()) === 0 || !(await item.isVisible())) return '';
  // The workbench may take the item out between the check and the read: that is one empty
  // reading for `until` to poll past, not a 30-second wait inside a single read.
  return (await item.innerText({ timeout: 2_000 }).catch(() => '')).trim();
}

/** Waits until `read` returns a value `ok` accepts; fails with the last value seen. */
async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 250));
    last = await read();
  }
  return last;
}

async function runCommand(page: Page, label: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget .quick-input-box input').first().waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.insertText(label);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ timeout: 10_000 });
  await row.click();
}

async function openFile(page: Page, name: string): Promise<void> {
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).click();
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 20_000 });
}

const SKIP = process.env.ZONGJIE_E2E === 'skip' ? 'ZONGJIE_E2E=skip' : false;
const T0 = Date.now();
const since = () => `${((Date.now() - T0) / 1000).toFixed(1)} s`;
const saw = (line: string) => log(`${since().padStart(7)}  ${line}`);
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * The extension's activation time in a real VS Code, as VS Code recorded it
 * and the suite read it, goes into bench/results.json under `activation` (the
 * benchmark keeps it and prints it: it cannot start a VS Code of its own).
 * Activation starts the language client, not the segmenter, so the runs with
 * and without nodejieba's binary should show about the same.
 */
function recordActivation(segmenter: 'nodejieba' | 'portable', result: SuiteResult): void {
  const a = result.activation;
  assert.ok(a, 'the suite measured no activation');
  assert.match(a.event, /^onLanguage:/);
  saw(
    `activation (${segmenter}, VS Code's figures): load ${a.loadCodeMs} ms + activate() ${a.callActivateMs} ms + until the client runs ${a.finishActivateMs} ms = ${a.totalMs} ms (${a.event}); ` +
      `opening the draft → first diagnostics ${a.openToFirstDiagnosticsMs} ms`,
  );
  const file = path.join(REPO, 'bench', 'results.json');
  let results: Record<string, unknown> = {};
  try {
    results = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    // no benchmark run yet: the file starts with this
  }
  const previous = (results.activation ?? {}) as Record<string, unknown>;
  results.activation = {
    ...previous,
    [segmenter]: { ...a, vscode: `code-server, VS Code ${result.vscodeVersion}`, cpus: os.cpus().length, date: new Date().toISOString(), by: 'npm run test:e2e' },
  };
  fs.writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
}

describe('Zongjie in a real VS Code (code-server + Chromium)', { skip: SKIP, timeout: 30 * 60_000 }, () => {
  /** The VSIX as npm run package makes it, built once for both tests. */
  let vsixPath = '';

  before(async () => {
    ensureCodeServer(20 * 60_000);
    saw(`code-server ready in ${E2E_HOME}`);
    const dir = path.join(E2E_HOME, 'runs');
    fs.mkdirSync(dir, { recursive: true });
    vsixPath = path.join(dir, 'zongjie.vsix');
    const { packageVsix } = await import(pathToFileURL(path.join(REPO, 'client', 'scripts', 'package-vsix.mjs')).href);
    const vsix = await packageVsix(vsixPath);
    saw(`VSIX ${(vsix.bytes / 1024).toFixed(0)} KB, ${vsix.entries.length} files, ${vsix.target ? `target ${vsix.target}` : 'one for every platform'}`);
    assert.deepEqual(vsix.problems, []);
  });

  after(() => saw(`done; total ${since()}`));

  test('a writer’s session: squiggles, Problems, typing, the next-placeholder command, a skeleton snippet, the Outline', { timeout: 10 * 60_000 }, async () => {
    // 2. Install the VSIX, write the workspace.
    const dirs = makeRunDirs('code-server');
    const installed = installExtension(dirs, vsixPath);
    saw(`--install-extension: ${installed.split('\n').pop()}`);
    assert.match(installed, /was successfully installed/);
    fs.writeFileSync(path.join(dirs.workspace, fx.DRAFT_NAME), fx.DRAFT);
    fs.writeFileSync(path.join(dirs.workspace, fx.SKELETON_NAME), '');
    writeUserSettings(dirs, SETTINGS);

    let server: CodeServer | undefined;
    let browser: Browser | undefined;
    try {
      server = await startCodeServer(dirs);
      saw(`code-server listening at ${server.url}`);
      browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, env: { ...process.env, ...homeEnv(dirs) } });
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.setDefaultTimeout(30_000);
      await page.goto(`${server.url}/?folder=${encodeURIComponent(dirs.workspace)}`);
      await page.locator('.monaco-workbench .explorer-folders-view').waitFor({ timeout: 120_000 });
      saw('workbench loaded');

      // 3. The draft: language mode, squiggles, Problems, status bar.
      await openFile(page, fx.DRAFT_NAME);
      const mode = await until('the language mode', async () => (await page.locator('#status\\.editor\\.mode').innerText().catch(() => '')).trim(), (m) => m === 'Plain Text', 60_000);
      saw(`language mode: ${mode}`);
      const status = await until('the Zongjie status bar item', () => statusItem(page), (s) => s === `占位符 ${fx.DRAFT_PLACEHOLDERS.length} · 问题 0 · ${GENRE}`, 90_000);
      saw(`status bar: ${status}`);
      const squiggles = await until(
        'the squiggles',
        () => page.locator('.editor-instance .monaco-editor .squiggly-error').count(),
        (n) => n === fx.DRAFT_PLACEHOLDERS.length,
      );
      saw(`squiggles (error): ${squiggles}`);

      if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
      const rows = await until('the Problems panel', () => problemRows(page), (r) => r.length === fx.DRAFT_PLACEHOLDERS.length);
      for (const r of rows) saw(`  problem: [Ln ${r.line}, Col ${r.column}] ${r.source}(${r.code}) ${r.message}`);
      assert.deepEqual(
        rows.map((r) => [r.line, r.column, r.source, r.code]),
        fx.DRAFT_PLACEHOLDERS.map((p) => [p.line, p.column, 'zongjie', 'placeholder']),
      );
      const problemsStatus = await page.locator('#status\\.problems').getAttribute('aria-label');
      saw(`status bar problems: ${problemsStatus}`);
      assert.match(problemsStatus ?? '', new RegExp(`Errors: ${fx.DRAFT_PLACEHOLDERS.length}\\b`));

      // 4. Type a new placeholder; the Problems list follows.
      await page.locator('.editor-instance .monaco-editor .view-lines').click();
      await page.keyboard.press('Control+End');
      await page.keyboard.insertText(fx.TYPED_LINE);
      const afterTyping = await until('the typed placeholder in Problems', () => problemRows(page), (r) => r.length === fx.DRAFT_PLACEHOLDERS.length + 1);
      const typed = afterTyping.find((r) => r.line === fx.TYPED_PLACEHOLDER.line);
      saw(`typed 「${fx.TYPED_LINE}」: ${afterTyping.length} problems, new one at [Ln ${typed?.line}, Col ${typed?.column}]; status bar: ${await statusItem(page)}`);
      assert.deepEqual([typed?.column, typed?.code], [fx.TYPED_PLACEHOLDER.column, 'placeholder']);

      // …and fill the first one via 「跳到下一个占位符」: from the end of the text it wraps to line 5.
      await runCommand(page, 'Zongjie: Go to Next Placeholder');
      const selection = await until('the selection on the placeholder', async () => (await page.locator('#status\\.editor\\.selection').innerText()).trim(), (s) => s.includes('selected'));
      saw(`Go to Next Placeholder → ${selection}`);
      assert.equal(selection, `Ln ${fx.DRAFT_PLACEHOLDERS[0].line}, Col ${fx.DRAFT_PLACEHOLDERS[0].column + 1} (1 selected)`);
      await page.keyboard.insertText(fx.FILL);
      const afterFill = await until('the filled placeholder to leave Problems', () => problemRows(page), (r) => r.length === fx.DRAFT_PLACEHOLDERS.length);
      saw(`filled it with 「${fx.FILL}」: ${afterFill.length} problems at ${afterFill.map((r) => `${r.line}:${r.column}`).join(' ')}; status bar: ${await statusItem(page)}`);
      assert.ok(!afterFill.some((r) => r.line === fx.DRAFT_PLACEHOLDERS[0].line));
      await until('the status bar after the fill', () => statusItem(page), (s) => s === `占位符 ${fx.DRAFT_PLACEHOLDERS.length} · 问题 0 · ${GENRE}`);

      // The language server dies: the client starts a new one, which checks the next edit,
      // word segmentation (nodejieba from the VSIX) included.
      const [lsp] = processesInGroup(server.process.pid!, path.join('dist', 'server.js'));
      assert.ok(lsp, 'no language server process found under code-server');
      process.kill(lsp.pid, 'SIGKILL');
      const restarted = await until(
        'a new language server',
        async () => processesInGroup(server!.process.pid!, path.join('dist', 'server.js')).map((p) => p.pid),
        (pids) => pids.length === 1 && pids[0] !== lsp.pid,
        60_000,
      );
      saw(`killed the language server (pid ${lsp.pid}); the client restarted it (pid ${restarted[0]})`);
      await page.locator('.editor-instance .monaco-editor .view-lines').click();
      await page.keyboard.press('Control+End');
      await page.keyboard.insertText('\n' + fx.SEGMENTED_LINE);
      const afterRestart = await until(
        'the segmenter finding from the restarted server',
        () => problemRows(page),
        (r) => r.length === fx.DRAFT_PLACEHOLDERS.length + 1 && r.some((x) => x.code === fx.SEGMENTED_FINDING.code),
        60_000,
      );
      const dup = afterRestart.find((r) => r.code === fx.SEGMENTED_FINDING.code)!;
      saw(`typed 「${fx.SEGMENTED_LINE}」: [Ln ${dup.line}, Col ${dup.column}] ${dup.source}(${dup.code}) ${dup.message}; status bar: ${await statusItem(page)}`);
      assert.deepEqual([dup.line, dup.column], [fx.SEGMENTED_FINDING.line, fx.SEGMENTED_FINDING.column]);
      await until('the status bar after the restart', () => statusItem(page), (s) => s === `占位符 ${fx.DRAFT_PLACEHOLDERS.length} · 问题 1 · ${GENRE}`);

      // 5. A skeleton from its prefix, and its parts in the Outline view.
      await openFile(page, fx.SKELETON_NAME);
      // An empty file is no report: no status bar item.
      await until('the status bar item to hide', () => statusItem(page), (s) => s === '');
      await page.locator('.editor-instance .monaco-editor .view-lines').click();
      await page.keyboard.type(fx.SKELETON_PREFIX);
      await page.keyboard.press('Control+Space');
      const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: fx.SKELETON_SNIPPET }).first();
      await suggestion.waitFor({ timeout: 20_000 });
      saw(`suggestions for 「${fx.SKELETON_PREFIX}」: ${JSON.stringify(await page.locator('.suggest-widget .monaco-list-row').allInnerTexts())}`);
      await suggestion.click();
      await page.keyboard.press('Escape');
      // The skeleton leaves its fact fields (X, XX单位) as placeholders on purpose: the engine tells how many.
      const snippets = JSON.parse(fs.readFileSync(path.join(REPO, 'snippets', 'plaintext.json'), 'utf8')) as Record<string, { prefix: string; body: string[] }>;
      const skeletonText = expandSnippet(snippets[fx.SKELETON_SNIPPET].body).text;
      const expectedFindings = analyzeText(skeletonText).findings;
      assert.ok(expectedFindings.every((f) => f.code === 'placeholder'));
      const skeletonStatus = await until('the skeleton to be checked', () => statusItem(page), (s) => s === `占位符 ${expectedFindings.length} · 问题 0 · ${GENRE}`, 60_000);
      saw(`skeleton inserted; status bar: ${skeletonStatus}`);

      // Give the Outline the whole side bar: collapse the folder section above it.
      await runCommand(page, 'Explorer: Focus on Outline View');
      const folderHeader = page.locator('.pane-header', { hasText: /^workspace$/i }).first();
      if ((await folderHeader.getAttribute('aria-expanded')) === 'true') await folderHeader.click();
      const outline = await until(
        'the skeleton in the Outline view',
        () => page.locator('.outline-pane .monaco-list-row .label-name').allInnerTexts(),
        (names) => fx.SKELETON_PARTS.every((p) => names.includes(p)),
        60_000,
      );
      saw(`outline: ${outline.join(' | ')}`);
      assert.match(outline[0], new RegExp(`年度意识形态工作总结$`));

      // 6. The README's screenshot: the draft with its squiggles, a hover, Problems and Outline.
      await page.keyboard.press('Control+S');
      await page.locator('.tabs-container .tab.active:not(.dirty)', { hasText: fx.SKELETON_NAME }).waitFor({ timeout: 20_000 });
      await page.keyboard.press('Control+W');
      await page.locator('.tabs-container .tab', { hasText: fx.DRAFT_NAME }).click();
      await until('the draft outline', () => page.locator('.outline-pane .monaco-list-row .label-name').allInnerTexts(), (n) => n.includes('二、存在的问题'));
      await until('the Problems panel of the draft alone', () => problemRows(page), (r) => r.length === fx.DRAFT_PLACEHOLDERS.length + 1);
      const squiggle = page.locator('.editor-instance .monaco-editor .squiggly-error').nth(1);
      const box = await squiggle.boundingBox();
      if (box) {
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 6);
        await page.locator('.monaco-hover').filter({ hasText: '占位符' }).first().waitFor({ timeout: 10_000 }).catch(() => saw('no hover shown'));
        await page.waitForTimeout(1000); // the hover fades in
      }
      const shot = path.join(dirs.root, 'zongjie-vscode.png');
      await page.screenshot({ path: shot });
      const bytes = fs.statSync(shot).size;
      saw(`screenshot ${shot} (${(bytes / 1024).toFixed(0)} KB)`);
      assert.ok(bytes < SCREENSHOT_MAX_BYTES, `the screenshot is ${bytes} bytes`);
      if (process.env.ZONGJIE_UPDATE_SCREENSHOT === '1' || !fs.existsSync(SCREENSHOT)) {
        fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
        fs.copyFileSync(shot, SCREENSHOT);
        saw(`updated ${path.relative(REPO, SCREENSHOT)}`);
      }
    } catch (e) {
      dumpLogs(dirs);
      throw e;
    } finally {
      await browser?.close().catch(() => undefined);
      await server?.stop();
      saw('code-server and Chromium stopped');
    }
  });

  test('a Word document from the explorer: squiggles, Problems, status bar, Outline, and the update when the file is replaced', { timeout: 10 * 60_000 }, async () => {
    const dirs = makeRunDirs('code-server-word');
    installExtension(dirs, vsixPath);
    const wordFile = path.join(dirs.workspace, fx.WORD_NAME);
    const before = draftDocx(fx.WORD_DRAFT);
    fs.writeFileSync(wordFile, before);
    writeUserSettings(dirs, SETTINGS);
    // What the server will find: the engine on the same draft (the draft needs no word segmentation).
    const expected = (bytes: Buffer) => analyzeWord(readWordDraft(bytes)).findings;
    const first = expected(before);
    const placeholders = (fs_: { code: string }[]) => fs_.filter((f) => f.code === 'placeholder').length;
    assert.ok(first.some((f) => f.code === 'marked-placeholder') && first.some((f) => f.code === 'margin-residue'));

    let server: CodeServer | undefined;
    let browser: Browser | undefined;
    try {
      server = await startCodeServer(dirs);
      browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, env: { ...process.env, ...homeEnv(dirs) } });
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.setDefaultTimeout(30_000);
      await page.goto(`${server.url}/?folder=${encodeURIComponent(dirs.workspace)}`);
      await page.locator('.monaco-workbench .explorer-folders-view').waitFor({ timeout: 120_000 });
      saw('workbench loaded (Word)');

      // The explorer's context menu on the .docx, driven by the menu's own state rather than by
      // timing: the item is there (the extensions' menus are registered), the menu is live (the
      // pointer on the item has focused it), Enter runs it (the menu closes: the command was
      // dispatched). A menu that does not get there is closed and opened again; once the command
      // runs, the view opens when the extension and its server are up, which is slow under load.
      const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: fx.WORD_NAME });
      const item = page.locator('.monaco-menu .action-item', { hasText: 'Zongjie: Check Word Document' }).first();
      const openMenu = page.locator('.context-view .monaco-menu').first();
      const viewTab = page.locator('.tabs-container .tab.active', { hasText: fx.WORD_NAME });
      const focused = () =>
        item
          .evaluate((el) => {
            // The tests compile without the DOM's types: the page's objects are described by what is used of them.
            type Node_ = { contains(n: unknown): boolean; classList: { contains(c: string): boolean }; querySelector(s: string): unknown; getRootNode(): { activeElement?: unknown } };
            const e = el as unknown as Node_;
            const active = e.getRootNode().activeElement;
            return e.classList.contains('focused') || e.querySelector('.focused') !== null || (active != null && e.contains(active));
          })
          .catch(() => false);
      const menuDeadline = Date.now() + 240_000;
      for (let attempt = 1; ; attempt++) {
        if (Date.now() > menuDeadline) {
          await page.screenshot({ path: path.join(dirs.root, 'word-view.png') });
          throw new Error(
            `the explorer's menu did not run 「Zongjie: Check Word Document」; menu: ${JSON.stringify(await page.locator('.monaco-menu .action-item').allInnerTexts())}; ` +
              `notifications: ${JSON.stringify(await page.locator('.notifications-toasts .notification-list-item').allInnerTexts())}`,
          );
        }
        // A menu still open (one shown before the extensions' items were registered stays as it was) is closed first.
        if (await openMenu.isVisible()) {
          await page.keyboard.press('Escape');
          await openMenu.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
        }
        await row.click({ button: 'right' });
        if (!(await item.waitFor({ timeout: 5_000 }).then(() => true, () => false))) {
          saw(`attempt ${attempt}: the menu has no Zongjie item yet`);
          continue;
        }
        await item.hover();
        if (!(await until('the menu item focused under the pointer', focused, (f) => f, 5_000).then(() => true, () => false))) {
          saw(`attempt ${attempt}: the menu did not follow the pointer yet`);
          continue;
        }
        await page.keyboard.press('Enter');
        if (!(await item.waitFor({ state: 'hidden', timeout: 5_000 }).then(() => true, () => false))) {
          saw(`attempt ${attempt}: Enter left the menu open`);
          continue;
        }
        // Dispatched: the first command waits for the extension's activation and the server's start.
        if (await viewTab.waitFor({ timeout: 90_000 }).then(() => true, () => false)) break;
        saw(`attempt ${attempt}: the command ran, no view after 90 s`);
      }
      saw('opened the Word view from the explorer');

      const counted = (f: { code: string }[]) => `占位符 ${placeholders(f)} · 问题 ${f.length - placeholders(f)}`;
      // The genre of the report follows the counts (「… · 意识形态工作总结」).
      const shows = (s: string, f: { code: string }[]) => s === counted(f) || s.startsWith(counted(f) + ' · ');
      const status = await until('the status bar of the Word view', () => statusItem(page), (s) => shows(s, first), 90_000);
      saw(`status bar: ${status}`);
      const squiggles = await until('squiggles in the Word view', () => page.locator('.editor-instance .monaco-editor .squiggly-error').count(), (n) => n > 0);
      saw(`squiggles (error): ${squiggles}`);
      if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
      const rows = await until('the Word view in Problems', () => problemRows(page), (r) => r.length === first.length);
      for (const r of rows) saw(`  problem: [Ln ${r.line}, Col ${r.column}] ${r.source}(${r.code}) ${r.message}`);
      assert.deepEqual(
        rows.map((r) => [r.line, r.column, r.code]).sort(),
        first.map((f) => [f.range.start.line + 1, f.range.start.character + 1, f.code]).sort(),
      );
      const problemsStatus = await page.locator('#status\\.problems').getAttribute('aria-label');
      saw(`status bar problems: ${problemsStatus}`);

      await runCommand(page, 'Explorer: Focus on Outline View');
      const folders = page.locator('.pane-header', { hasText: /^workspace$/i }).first();
      if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
      const outline = await until(
        'the Word view in the Outline',
        () => page.locator('.outline-pane .monaco-list-row .label-name').allInnerTexts(),
        (names) => fx.WORD_OUTLINE.every((p) => names.includes(p)),
        60_000,
      );
      saw(`outline: ${outline.join(' | ')}`);

      // Someone fills the highlighted figure in Word and saves: the file is replaced on disk.
      const after = draftDocx(fx.WORD_DRAFT_FILLED);
      const second = expected(after);
      assert.notEqual(second.length, first.length);
      const tmp = wordFile + '.tmp';
      fs.writeFileSync(tmp, after);
      const replacedAt = Date.now();
      fs.renameSync(tmp, wordFile);
      await until('Problems after the file was replaced', () => problemRows(page), (r) => r.length === second.length, 30_000);
      const took = Date.now() - replacedAt;
      saw(`file replaced on disk: Problems show ${second.length} findings after ${took} ms; status bar: ${await statusItem(page)}`);
      await until('the status bar after the replacement', () => statusItem(page), (s) => shows(s, second));
      // Within a second on a quiet machine; the bound leaves room for a machine shared by other work.
      assert.ok(took < 5000, `the view took ${took} ms to follow the file`);
    } catch (e) {
      dumpLogs(dirs);
      throw e;
    } finally {
      await browser?.close().catch(() => undefined);
      await server?.stop();
    }
  });

  /** Installs the VSIX, lets `prepare` change the installed extension, runs the in-VS-Code suite; answers its result. */
  /** The text of the Zongjie output channel of a run (VS Code keeps a log channel's lines in a file). */
  function outputChannel(dirs: { userData: string }): string {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name === 'Zongjie.log') found.push(p);
      }
    };
    walk(path.join(dirs.userData, 'logs'));
    return found.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
  }

  async function runSuite(runName: string, prepare?: (extensionPath: string) => void): Promise<SuiteResult & { output: string }> {
    const dirs = makeRunDirs(runName);
    // VS Code unpacks the VSIX on install: that folder is the extension under test.
    const unpacked = path.join(dirs.root, 'unpacked');
    installExtension(dirs, vsixPath, unpacked);
    const [folder] = fs.readdirSync(unpacked).filter((f) => f.startsWith('zongjie.zongjie-'));
    assert.ok(folder, `the VSIX did not install into ${unpacked}`);
    const extensionPath = path.join(unpacked, folder);
    prepare?.(extensionPath);
    fs.writeFileSync(path.join(dirs.workspace, fx.DRAFT_NAME), fx.DRAFT);
    fs.writeFileSync(path.join(dirs.workspace, fx.SKELETON_NAME), '');
    fs.writeFileSync(path.join(dirs.workspace, fx.NOTE_NAME), fx.NOTE);
    fs.writeFileSync(path.join(dirs.workspace, fx.FIXABLE_NAME), fx.FIXABLE);
    writeUserSettings(dirs, SETTINGS);
    const resultFile = path.join(dirs.root, 'suite-result.json');

    let server: CodeServer | undefined;
    let browser: Browser | undefined;
    try {
      server = await startCodeServer(dirs, { ZONGJIE_SUITE_RESULT: resultFile });
      const authority = new URL(server.url).host;
      // The web workbench's way of saying --extensionDevelopmentPath and --extensionTestsPath.
      const payload = [
        ['extensionDevelopmentPath', `vscode-remote://${authority}${extensionPath}`],
        ['extensionTestsPath', `vscode-remote://${authority}${path.join(__dirname, 'suite', 'index.js')}`],
      ];
      browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, env: { ...process.env, ...homeEnv(dirs) } });
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${server.url}/?folder=${encodeURIComponent(dirs.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
      saw(`suite started in code-server with ${path.relative(E2E_HOME, extensionPath)} under development`);
      const deadline = Date.now() + 5 * 60_000;
      while (!fs.existsSync(resultFile)) {
        if (Date.now() > deadline) throw new Error(`the suite wrote no result within 5 minutes; code-server log: ${server.logFile}`);
        await new Promise((r) => setTimeout(r, 500));
      }
      const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as SuiteResult;
      saw(`suite ran in VS Code ${result.vscodeVersion}, extension host pid ${result.extensionHostPid}, from ${result.extensionPath} (run() called ${result.invocations ?? '?'}×)`);
      for (const s of result.steps) saw(`  ${s.ok ? '✔' : '✖'} ${s.name} (${s.ms} ms)${s.note ? ` — ${s.note}` : ''}${s.error ? `\n${s.error}` : ''}`);
      assert.equal(result.extensionPath, extensionPath);
      if (result.failed > 0) {
        // What the server side saw (extension host starts and exits, reconnections) helps tell a flake from a bug.
        const lines = fs.readFileSync(server.logFile, 'utf8').split('\n').filter((l) => /Extension ?Host|Management|exited|error/i.test(l));
        saw(`code-server log (${server.logFile}):\n${lines.slice(-30).join('\n')}`);
      }
      assert.equal(result.failed, 0);
      assert.ok(result.passed >= 7, `only ${result.passed} steps ran`);
      return { ...result, output: outputChannel(dirs) };
    } catch (e) {
      dumpLogs(dirs);
      throw e;
    } finally {
      await browser?.close().catch(() => undefined);
      await server?.stop();
    }
  }

  const segmenterNote = (r: SuiteResult) => r.steps.find((s) => s.name.startsWith('the server says which segmenter'))?.note ?? '';

  test('the in-VS-Code suite (test/e2e/suite) in code-server’s extension host', { timeout: 10 * 60_000 }, async () => {
    const result = await runSuite('code-server-suite');
    assert.match(segmenterNote(result), /^分词：nodejieba/);
    // The output channel says it too.
    assert.match(result.output, /分词：nodejieba（原生分词组件）/);
    recordActivation('nodejieba', result);
  });

  test('the same suite with nodejieba’s native binary removed from the installed extension: the portable segmenter, the same squiggles', { timeout: 10 * 60_000 }, async () => {
    const result = await runSuite('code-server-no-native', (extensionPath) => {
      fs.rmSync(path.join(extensionPath, 'node_modules', 'nodejieba', 'build'), { recursive: true, force: true });
    });
    assert.match(segmenterNote(result), /^分词：内置分词程序（nodejieba 加载失败/);
    assert.match(result.output, /分词：内置分词程序（nodejieba 加载失败：/);
    recordActivation('portable', result);
  });
});
