/**
 * The language server's behaviour, independent of the transport: main.ts hands
 * it a connection over stdio/IPC/socket, the tests hand it in-memory streams.
 *
 * Checking a document version happens in two phases:
 *  1. at once (coalesced with changes already queued, via setImmediate): the
 *     engine without word segmentation, published immediately;
 *  2. when segmentation is ready: the document's lines are segmented in the
 *     worker thread, then the engine runs again with the segmenter (rules that
 *     need words run, and parts are classified on word boundaries) and the full
 *     set is published — only if nothing about the document changed meanwhile.
 * Every check of a document takes a new epoch number; a result is published
 * only while its epoch is still the document's latest, so a slow phase 2 can
 * never overwrite the result of a newer version, setting or command.
 *
 * Code actions, completion and hover are answered from the analysis of the
 * version the request was made on (see analysisFor): a request that finds the
 * stored analysis older runs the check of the current version at once, and
 * code actions and hover wait (briefly) for its second phase, whose findings
 * the client will show. Documents that are not checked as reports get none.
 *
 * Diagnostics are always pushed (textDocument/publishDiagnostics with the
 * version). When the client declares pull support (textDocument/diagnostic),
 * the server answers pulls too. A client must show only one of the two: the
 * VS Code extension drops pushed diagnostics in its middleware while pull is
 * active (or does not advertise pull); otherwise every problem shows twice.
 */
import {
  CancellationToken,
  ClientCapabilities,
  CodeAction,
  CompletionItem,
  Connection,
  Diagnostic,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReport,
  DocumentDiagnosticReportKind,
  DocumentSymbol,
  ErrorCodes,
  FoldingRange,
  Hover,
  InitializeParams,
  InitializeResult,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  SymbolInformation,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis, RuleFailure } from '../features/analyze';
import { completionsAt } from '../features/completion';
import { codeActionsFor } from '../features/fixes';
import { hoverAt } from '../features/hover';
import { LineCache } from '../engine/line-cache';
import { ParsedDocument, parseDocument } from '../engine/parse';
import { builtInProfileIds, getProfile } from '../engine/profile';
import { Segmenter } from '../engine/segmenter';
import { SourceText, isBlankLine } from '../engine/source';
import { DIAGNOSTIC_PROVIDER_ID, SERVER_COMMANDS, SETTINGS_SECTION, ZongjieInitializationOptions } from '../protocol';
import { ALL_RULES } from '../rules';
import { Rule } from '../rules/rule';
import { textsToSegment } from '../segmenter/host';
import {
  CheckMode,
  CheckOptions,
  CheckResult,
  LARGE_DOCUMENT_BYTES,
  PlaceholderCache,
  checkDocument,
  isLargeDocument,
  errorText,
} from './checks';
import { CODE_ACTION_KINDS, COMMAND_SELECT_PLACEHOLDER, parseSelectArgs, placeholderTarget, toLspCodeActions } from './code-actions';
import { COMPLETION_TRIGGER_CHARACTERS, toCompletionItems } from './completion';
import { GateMemo, isMarkdownDocument, shouldCheck } from './gate';
import { rendersMarkdown, toHover } from './hover';
import { SegmenterHostLike } from './segmentation';
import { EffectiveSettings, SettingsEnvironment, validateSettings } from './settings';
import { documentSymbols, foldingRanges } from './symbols';

export const SERVER_NAME = 'zongjie-lsp';
/** Kept equal to package.json's version (a unit test compares them). */
export const SERVER_VERSION = '0.1.0';

export const COMMAND_CHECK_AS_REPORT = SERVER_COMMANDS.checkAsReport;
export const COMMAND_STOP_CHECKING_AS_REPORT = SERVER_COMMANDS.stopCheckingAsReport;

/**
 * How long checks wait for the client's first answer to workspace/configuration
 * before going ahead with the defaults (the answer is applied when it comes).
 * Clients answer in a few milliseconds; this only guards against one that never does.
 */
export const SETTINGS_WAIT_MS = 1000;

/** The longest a burst of queued changes may postpone a check (see schedule()). */
export const COALESCE_LIMIT_MS = 30;

/**
 * The longest a code action or hover request waits for the second phase of
 * the version it is about (with a real segmenter that phase takes tens of
 * milliseconds). Past it the request is answered from the first phase, which
 * lacks only the word rules' findings.
 */
export const WORDS_WAIT_MS = 1000;

/**
 * While the user types (an edit within TYPING_WINDOW_MS of the one before),
 * the second phase waits for WORDS_IDLE_MS without a further edit, and a
 * newer edit drops it. The first phase already carries the word findings of
 * every line cut before; only the line being typed waits for its words. Two
 * full analyses per keystroke would double the work and the garbage the
 * collector must sweep between keystrokes.
 */
export const TYPING_WINDOW_MS = 1000;
export const WORDS_IDLE_MS = 150;

/** The longest word segmentation waits for the first diagnostics before it starts loading anyway. */
export const SEGMENTER_START_DELAY_MS = 200;

export interface ServerOptions {
  /** Starts word segmentation after initialization; absent or null: run without it. */
  startSegmenter?: () => SegmenterHostLike | null;
  /** The rules to run; the engine's registry by default (tests pass their own). */
  rules?: readonly Rule[];
  /**
   * Loading nodejieba keeps a core busy for half a second. With this set,
   * segmentation starts once the first diagnostics are out (or after
   * SEGMENTER_START_DELAY_MS without a document), so that on a 2-core machine
   * it does not slow the first check down; without, it starts at initialization.
   */
  segmenterAfterFirstCheck?: boolean;
}

export type { ZongjieInitializationOptions };

interface CheckedVersion {
  epoch: number;
  version: number;
  mode: CheckMode | 'off';
  diagnostics: Diagnostic[];
  resultId: string;
}

interface DocState {
  /** The latest check started for this document; results of older epochs are dropped. */
  epoch: number;
  /** The latest result published. */
  result: CheckedVersion | null;
  /** The parse of the latest checked version, for outline and folding. */
  parsed: { version: number; generation: number; doc: ParsedDocument } | null;
  /**
   * The analysis of the latest checked version, for code actions, completion
   * and hover; `value` is null when that version is not checked as a report,
   * is too large for a full analysis, or the engine failed on it.
   */
  analysis: { version: number; generation: number; value: Analysis | null } | null;
  /** The second phase started for `epoch`; `done` settles when it ends, however it ends. */
  words: { epoch: number; done: Promise<void> } | null;
  /**
   * The second phase waiting for a pause in typing, if any: one per document.
   * Each keystroke replaces it (the one it replaces would only find its version
   * outdated), so the versions typed in a burst are not all kept alive until
   * their timers fire.
   */
  idle: { timer: NodeJS.Timeout; settle: () => void } | null;
  placeholderCache: PlaceholderCache;
  /** Per-line facts of this document, reused from version to version (engine/line-cache.ts). */
  lineCache: LineCache;
  /** Settings generation and Markdown flag the placeholder cache was filled under. */
  cacheKey: string;
  /** Rule failures and errors already logged for this document. */
  logged: Set<string>;
  /** resultId of the last pull answered, to know whether a pull client is behind. */
  lastPulled: string | null;
  /** When the text last changed after the document was first checked (performance.now()). */
  lastEditAt: number;
  gate: GateMemo;
}

interface Capabilities {
  configuration: boolean;
  dynamicConfiguration: boolean;
  pull: boolean;
  pullRefresh: boolean;
  hierarchicalSymbols: boolean;
  /** Code actions as CodeAction literals (LSP 3.8); without it a client takes only Commands. */
  codeActionLiterals: boolean;
  documentChanges: boolean;
  showDocument: boolean;
  hoverMarkdown: boolean;
}

function capabilitiesOf(c: ClientCapabilities): Capabilities {
  return {
    configuration: Boolean(c.workspace?.configuration),
    dynamicConfiguration: Boolean(c.workspace?.didChangeConfiguration?.dynamicRegistration),
    pull: c.textDocument?.diagnostic !== undefined,
    pullRefresh: Boolean(c.workspace?.diagnostics?.refreshSupport),
    hierarchicalSymbols: Boolean(c.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport),
    codeActionLiterals: c.textDocument?.codeAction?.codeActionLiteralSupport !== undefined,
    documentChanges: Boolean(c.workspace?.workspaceEdit?.documentChanges),
    showDocument: Boolean(c.window?.showDocument?.support),
    hoverMarkdown: rendersMarkdown(c.textDocument?.hover?.contentFormat),
  };
}

function settingsEnvironment(rules: readonly Rule[]): SettingsEnvironment {
  return { ruleIds: rules.map((r) => r.id), profileIds: builtInProfileIds(), loadProfile: getProfile };
}

function flattenSymbols(symbols: DocumentSymbol[], uri: string, container?: string, out: SymbolInformation[] = []): SymbolInformation[] {
  for (const s of symbols) {
    const info: SymbolInformation = { name: s.name, kind: s.kind, location: { uri, range: s.range } };
    if (container) info.containerName = container;
    out.push(info);
    if (s.children) flattenSymbols(s.children, uri, s.name, out);
  }
  return out;
}

export class ZongjieServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly states = new Map<string, DocState>();
  private caps: Capabilities = {
    configuration: false,
    dynamicConfiguration: false,
    pull: false,
    pullRefresh: false,
    hierarchicalSymbols: true,
    codeActionLiterals: false,
    documentChanges: false,
    showDocument: false,
    hoverMarkdown: true,
  };
  private readonly rules: readonly Rule[];
  private readonly settingsEnv: SettingsEnvironment;
  private settings: EffectiveSettings;
  /** Bumped on every settings change; parses and caches of older generations are stale. */
  private generation = 0;
  private settingsRequest = 0;
  private settingsReady: Promise<void> = Promise.resolve();
  private initialSettings: unknown = undefined;
  /** Problems already shown to the user (each once per session). */
  private readonly reportedProblems = new Set<string>();
  private readonly forced = new Set<string>();
  private epochCounter = 0;
  private resultCounter = 0;
  private readonly dirty = new Set<string>();
  /** Counts schedule() calls, to tell whether a turn of the event loop brought a change. */
  private changeCount = 0;
  private flushScheduled = false;
  private refreshScheduled = false;
  private host: SegmenterHostLike | null = null;
  private segmentationReady = false;
  private segmentationWarned = false;
  /** Set from initialization until word segmentation starts (see initialized()). */
  private segmenterStartTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly connection: Connection,
    private readonly options: ServerOptions = {},
  ) {
    this.rules = options.rules ?? ALL_RULES;
    this.settingsEnv = settingsEnvironment(this.rules);
    this.settings = validateSettings(undefined, this.settingsEnv).settings;
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => this.initialized());
    connection.onDidChangeConfiguration((params) => {
      this.settingsReady = this.loadSettings(params.settings);
    });
    // The shutdown answer waits for the segmenter worker to stop cleanly before the client sends exit.
    connection.onShutdown(() => this.dispose());
    connection.onExecuteCommand((params) => this.executeCommand(params.command, params.arguments ?? []));
    connection.onDocumentSymbol(async (params) => {
      await this.settingsReady;
      const parsed = this.parsed(params.textDocument.uri);
      if (!parsed) return [];
      const symbols = documentSymbols(parsed);
      return this.caps.hierarchicalSymbols ? symbols : flattenSymbols(symbols, params.textDocument.uri);
    });
    connection.onFoldingRanges(async (params): Promise<FoldingRange[]> => {
      await this.settingsReady;
      const parsed = this.parsed(params.textDocument.uri);
      return parsed ? foldingRanges(parsed) : [];
    });
    connection.languages.diagnostics.on(async (params) => this.pull(params.textDocument.uri, params.previousResultId));
    connection.onCodeAction(async (params, token): Promise<CodeAction[]> => {
      // A client that takes only Commands was offered no provider; literals would confuse it.
      if (!this.caps.codeActionLiterals) return [];
      const uri = params.textDocument.uri;
      const current = await this.analysisFor(uri, token, true);
      if (!current) return [];
      return this.guarded(uri, 'code actions', [], () =>
        toLspCodeActions(
          codeActionsFor(current.analysis, params.range, params.context.only),
          { uri, version: current.version },
          params.context.diagnostics,
          { documentChanges: this.caps.documentChanges },
        ),
      );
    });
    connection.onCompletion(async (params, token): Promise<CompletionItem[]> => {
      const uri = params.textDocument.uri;
      // No wait for words: completion follows every keystroke, and only part classification would differ.
      const current = await this.analysisFor(uri, token, false);
      if (!current) return [];
      const { line, character } = params.position;
      const before = current.text.getText({ start: { line, character: 0 }, end: { line, character } });
      return this.guarded(uri, 'completion', [], () => toCompletionItems(completionsAt(current.analysis, params.position, before)));
    });
    connection.onHover(async (params, token): Promise<Hover | null> => {
      const uri = params.textDocument.uri;
      const current = await this.analysisFor(uri, token, true);
      if (!current) return null;
      return this.guarded(uri, 'hover', null, () => {
        const markdown = hoverAt(current.analysis, params.position);
        return markdown === null ? null : toHover(markdown, this.caps.hoverMarkdown);
      });
    });

    this.documents.onDidChangeContent((e) => {
      // An edit of a document already checked (opening one is no typing).
      const state = this.states.get(e.document.uri);
      if (state?.result) state.lastEditAt = performance.now();
      this.schedule(e.document.uri);
    });
    this.documents.onDidClose((e) => {
      const uri = e.document.uri;
      this.dirty.delete(uri);
      const closed = this.states.get(uri);
      if (closed) this.dropIdlePhase(closed);
      this.states.delete(uri);
      // Closed documents keep no diagnostics: the client would show them for a file no longer checked.
      this.connection.sendDiagnostics({ uri, diagnostics: [] });
    });
    this.documents.listen(connection);
  }

  // ---- lifecycle ----

  private initialize(params: InitializeParams): InitializeResult {
    this.caps = capabilitiesOf(params.capabilities);
    const init = (params.initializationOptions ?? {}) as ZongjieInitializationOptions;
    if (Array.isArray(init.forcedReports)) {
      for (const uri of init.forcedReports) if (typeof uri === 'string' && uri) this.forced.add(uri);
    }
    this.initialSettings = init.settings;
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: '报告结构' },
        foldingRangeProvider: true,
        executeCommandProvider: { commands: [COMMAND_CHECK_AS_REPORT, COMMAND_STOP_CHECKING_AS_REPORT, COMMAND_SELECT_PLACEHOLDER] },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS, resolveProvider: false },
        hoverProvider: true,
      },
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
    // CodeActionOptions may be given only to clients that take CodeAction literals; the others get no actions.
    if (this.caps.codeActionLiterals) {
      result.capabilities.codeActionProvider = { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false };
    }
    if (this.caps.pull) {
      result.capabilities.diagnosticProvider = { identifier: DIAGNOSTIC_PROVIDER_ID, interFileDependencies: false, workspaceDiagnostics: false };
    }
    return result;
  }

  private initialized(): void {
    if (this.caps.configuration && this.caps.dynamicConfiguration) {
      void this.connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch((e) => {
        this.connection.console.warn(`zongjie：无法注册设置变更通知：${errorText(e)}`);
      });
    }
    const load = this.loadSettings(this.initialSettings);
    this.settingsReady = Promise.race([load, new Promise<void>((resolve) => setTimeout(resolve, SETTINGS_WAIT_MS).unref())]);
    if (this.options.segmenterAfterFirstCheck) {
      this.segmenterStartTimer = setTimeout(() => this.startSegmentationOnce(), SEGMENTER_START_DELAY_MS);
    } else {
      this.startSegmentation();
    }
  }

  private startSegmentationOnce(): void {
    if (this.segmenterStartTimer === null) return;
    clearTimeout(this.segmenterStartTimer);
    this.segmenterStartTimer = null;
    this.startSegmentation();
  }

  private async dispose(): Promise<void> {
    if (this.segmenterStartTimer !== null) {
      clearTimeout(this.segmenterStartTimer);
      this.segmenterStartTimer = null;
    }
    for (const state of this.states.values()) this.dropIdlePhase(state);
    const host = this.host;
    this.host = null;
    this.segmentationReady = false;
    await host?.dispose();
  }

  // ---- settings ----

  /**
   * Reads the settings (pulled from the client when it supports
   * workspace/configuration, else taken from the notification), shows each new
   * problem once, and re-checks every open document. Only the latest of
   * overlapping reads is applied.
   */
  private async loadSettings(pushed: unknown): Promise<void> {
    const request = ++this.settingsRequest;
    let raw: unknown;
    if (this.caps.configuration) {
      try {
        raw = await this.connection.workspace.getConfiguration(SETTINGS_SECTION);
      } catch (e) {
        this.connection.console.warn(`zongjie：读取设置失败，使用默认设置：${errorText(e)}`);
        raw = undefined;
      }
    } else {
      raw = pushed && typeof pushed === 'object' && SETTINGS_SECTION in pushed ? (pushed as Record<string, unknown>)[SETTINGS_SECTION] : pushed;
    }
    if (request !== this.settingsRequest) return;
    const { settings, problems } = validateSettings(raw, this.settingsEnv);
    for (const p of problems) {
      if (this.reportedProblems.has(p.message)) continue;
      this.reportedProblems.add(p.message);
      this.warn(p.message);
    }
    this.settings = settings;
    this.generation++;
    this.scheduleAll();
    this.requestPullRefresh();
  }

  // ---- word segmentation ----

  private startSegmentation(): void {
    let host: SegmenterHostLike | null = null;
    try {
      host = this.options.startSegmenter?.() ?? null;
    } catch (e) {
      this.segmentationFailed(errorText(e));
      return;
    }
    if (!host) return;
    this.host = host;
    host.ready.then(
      (ok) => {
        if (this.host !== host) return;
        if (ok) {
          this.segmentationReady = true;
          this.scheduleAll();
          this.requestPullRefresh();
        } else {
          this.segmentationFailed(host.failure);
        }
      },
      (e) => {
        if (this.host === host) this.segmentationFailed(host.failure ?? errorText(e));
      },
    );
  }

  private segmentationFailed(reason: string | null): void {
    this.segmentationReady = false;
    if (this.segmentationWarned) return;
    this.segmentationWarned = true;
    this.warn(`中文分词组件未能加载（${reason ?? '原因不明'}），用词和标点检查暂不可用；其他检查照常进行。`);
  }

  /**
   * A warning as window/showMessage. (connection.window.showWarningMessage sends
   * window/showMessageRequest, which expects an answer and which not every
   * client implements; nothing here needs one.)
   */
  private warn(message: string): void {
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }

  // ---- checking ----

  private state(uri: string): DocState {
    let s = this.states.get(uri);
    if (!s) {
      s = { epoch: 0, result: null, parsed: null, analysis: null, words: null, idle: null, placeholderCache: new Map(), lineCache: new LineCache(), lastEditAt: -Infinity, cacheKey: '', logged: new Set(), lastPulled: null, gate: {} };
      this.states.set(uri, s);
    }
    return s;
  }

  /**
   * Queues a check of `uri`. There is no debounce timer: the check runs as soon
   * as the protocol messages already received are handled. vscode-jsonrpc
   * handles one queued message per turn of the event loop, so the flush waits
   * one turn and then as long as each turn brought another change (a burst of
   * keystrokes that arrived while the server was busy), checking only the latest
   * version — but never longer than COALESCE_LIMIT_MS after the first change.
   */
  private schedule(uri: string): void {
    this.dirty.add(uri);
    this.changeCount++;
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    const started = performance.now();
    let seen = this.changeCount;
    let turns = 0;
    const tick = () => {
      const quiet = this.changeCount === seen;
      seen = this.changeCount;
      if ((turns++ === 0 || !quiet) && performance.now() - started < COALESCE_LIMIT_MS) {
        setImmediate(tick);
        return;
      }
      void this.settingsReady.then(() => this.flush());
    };
    setImmediate(tick);
  }

  private scheduleAll(): void {
    for (const doc of this.documents.all()) this.schedule(doc.uri);
  }

  private flush(): void {
    this.flushScheduled = false;
    const uris = [...this.dirty];
    this.dirty.clear();
    for (const uri of uris) {
      try {
        this.check(uri);
      } catch (e) {
        // check() guards the engine itself; this is the last line of defence for the server.
        this.connection.console.error(`zongjie：检查 ${uri} 时出错：${errorText(e)}`);
      }
    }
  }

  private isChecked(doc: TextDocument, text: string, state: DocState): boolean {
    return shouldCheck({ uri: doc.uri, languageId: doc.languageId, text, profile: this.settings.profile, forced: this.forced }, state.gate);
  }

  private checkOptions(doc: TextDocument, state: DocState): CheckOptions {
    const markdown = isMarkdownDocument(doc.uri, doc.languageId);
    const key = `${this.generation}:${markdown}`;
    if (state.cacheKey !== key) {
      state.placeholderCache.clear();
      state.cacheKey = key;
    }
    return {
      profile: this.settings.profile,
      markdown,
      severities: this.settings.severities,
      placeholderPatterns: this.settings.placeholderPatterns,
      rules: this.rules,
    };
  }

  /** Phase 1 for the document's current version; starts phase 2 when segmentation is ready. */
  private check(uri: string): void {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const state = this.state(uri);
    const epoch = (state.epoch = ++this.epochCounter);
    const version = doc.version;
    const generation = this.generation;
    const text = doc.getText();
    // A newer version supersedes any second phase still waiting for a pause.
    state.words = null;
    this.dropIdlePhase(state);
    if (!this.settings.enable || !this.isChecked(doc, text, state)) {
      state.analysis = { version, generation, value: null };
      this.publish(uri, state, { epoch, version, mode: 'off', diagnostics: [] });
      return;
    }
    const options = { ...this.checkOptions(doc, state), cache: state.lineCache };
    // Once words are available, the first pass already uses the words of every
    // line cut before, so a keystroke does not make the word findings on other
    // lines vanish until the second phase; the edited line gets its words there.
    const known = this.segmentationReady ? this.host?.known?.() ?? undefined : undefined;
    const result = checkDocument(text, { ...options, segmenter: known, partialWords: Boolean(known) }, state.placeholderCache);
    if (known && result.mode === 'basic' && result.error === null && result.doc && allLinesKnown(result.doc, known)) result.mode = 'full';
    this.logProblems(uri, state, result);
    if (result.doc) state.parsed = { version, generation, doc: result.doc };
    state.analysis = { version, generation, value: result.analysis };
    this.publish(uri, state, { epoch, version, mode: result.mode, diagnostics: result.diagnostics });
    // Always a second phase once words are available: besides the rules that need
    // words, the parser classifies parts on word boundaries, so any rule may change.
    if (result.mode === 'basic' && result.error === null && this.segmentationReady && this.host) {
      const host = this.host;
      const run = () =>
        this.secondPhase(uri, epoch, version, generation, text, options, host).catch((e) => {
          try {
            this.connection.console.error(`zongjie：分词检查 ${uri} 时出错：${errorText(e)}`.replace(/\s*[\r\n]+\s*/g, ' '));
          } catch {
            // The connection is closed: nobody is left to tell.
          }
        });
      const typing = performance.now() - state.lastEditAt < TYPING_WINDOW_MS;
      const done = typing
        ? new Promise<void>((resolve) => {
            const timer = setTimeout(() => {
              state.idle = null;
              void run().finally(resolve);
            }, WORDS_IDLE_MS);
            state.idle = { timer, settle: resolve };
          })
        : run();
      state.words = { epoch, done };
    }
  }

  /** Cancels the second phase waiting for a pause (its version is outdated) and settles whoever waits for it. */
  private dropIdlePhase(state: DocState): void {
    if (!state.idle) return;
    clearTimeout(state.idle.timer);
    state.idle.settle();
    state.idle = null;
  }

  /** Phase 2: the same version again, with word segmentation. */
  private async secondPhase(uri: string, epoch: number, version: number, generation: number, text: string, options: CheckOptions, host: SegmenterHostLike): Promise<void> {
    // A newer check started while this one waited: its own second phase will follow.
    if (this.states.get(uri)?.epoch !== epoch) return;
    let segmenter;
    try {
      segmenter = await host.prepare(textsToSegment(text));
    } catch (e) {
      if (this.host === host) this.segmentationFailed(host.failure ?? errorText(e));
      return;
    }
    const state = this.states.get(uri);
    if (!state || state.epoch !== epoch) return;
    const result = checkDocument(text, { ...options, segmenter, partialWords: false }, state.placeholderCache);
    this.logProblems(uri, state, result);
    if (result.error !== null) return; // phase 1's diagnostics stand
    if (result.doc) state.parsed = { version, generation, doc: result.doc };
    state.analysis = { version, generation, value: result.analysis };
    this.publish(uri, state, { epoch, version, mode: result.mode, diagnostics: result.diagnostics });
    // A pull client holding phase 1's result learns that a fuller one exists.
    if (this.caps.pull && state.lastPulled !== null && state.lastPulled !== state.result?.resultId) this.requestPullRefresh();
  }

  private publish(uri: string, state: DocState, r: Omit<CheckedVersion, 'resultId'>): void {
    if (state.epoch !== r.epoch) return;
    state.result = { ...r, resultId: String(++this.resultCounter) };
    this.connection.sendDiagnostics({ uri, version: r.version, diagnostics: r.diagnostics });
    if (this.segmenterStartTimer !== null) setImmediate(() => this.startSegmentationOnce());
  }

  /** One log line per failing rule (or failing analysis) per document, not one per keystroke. */
  private logProblems(uri: string, state: DocState, result: CheckResult): void {
    const once = (key: string, line: string) => {
      if (state.logged.has(key)) return;
      state.logged.add(key);
      // One line, even when an error message spans several.
      this.connection.console.error(line.replace(/\s*[\r\n]+\s*/g, ' '));
    };
    result.failures.forEach((f: RuleFailure) => once(`rule:${f.rule}`, `zongjie：规则 ${f.rule} 在 ${uri} 中运行出错，已跳过该规则：${f.message}`));
    if (result.error !== null) once(`error:${result.error}`, `zongjie：检查 ${uri} 时出错，只显示了占位符检查的结果：${result.error}`);
  }

  // ---- pull diagnostics ----

  private async pull(uri: string, previousResultId: string | undefined): Promise<DocumentDiagnosticReport> {
    await this.settingsReady;
    const doc = this.documents.get(uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    // A pull that overtook the queued push check runs it now; the push follows from it.
    this.ensureAnalysis(uri);
    const state = this.state(uri);
    const result = state.result!;
    state.lastPulled = result.resultId;
    if (previousResultId === result.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: result.resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: result.resultId, items: result.diagnostics };
  }

  private requestPullRefresh(): void {
    if (!this.caps.pull || !this.caps.pullRefresh || this.refreshScheduled) return;
    this.refreshScheduled = true;
    setImmediate(() => {
      this.refreshScheduled = false;
      this.connection.languages.diagnostics.refresh().catch((e) => {
        this.connection.console.warn(`zongjie：请求客户端刷新诊断失败：${errorText(e)}`);
      });
    });
  }

  // ---- code actions, completion and hover ----

  /**
   * Makes sure the stored analysis and result are those of the document's
   * current version, running phase 1 now when the queued check has not run yet
   * (for pulls and for requests).
   */
  private ensureAnalysis(uri: string): void {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const a = this.states.get(uri)?.analysis;
    if (this.dirty.has(uri) || !a || a.version !== doc.version || a.generation !== this.generation) {
      this.dirty.delete(uri);
      this.check(uri);
    }
  }

  /**
   * The analysis to answer a request about `uri` from, computed on the text
   * the request was made on: the version the server holds when the request
   * arrives (the client sends its changes before its requests). Null when the
   * document is not checked as a report (or too large, or the engine failed).
   *
   * With `waitForWords`, a second phase under way for that version is awaited
   * (at most WORDS_WAIT_MS), so that actions and hovers see the word rules'
   * findings the client is about to show. Should the document change in the
   * meantime, the request's positions no longer fit the text: it fails with
   * ContentModified, which clients treat as "ask again", never with results
   * for a text the request was not about.
   */
  private async analysisFor(uri: string, token: CancellationToken, waitForWords: boolean): Promise<{ version: number; text: TextDocument; analysis: Analysis } | null> {
    const asked = this.documents.get(uri)?.version;
    if (asked === undefined) return null;
    await this.settingsReady;
    if (waitForWords && this.documents.get(uri)?.version === asked) {
      this.ensureAnalysis(uri);
      const state = this.states.get(uri);
      const words = state?.words;
      if (words && words.epoch === state.epoch) await settledWithin(words.done, WORDS_WAIT_MS);
    }
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, '请求已取消。');
    const doc = this.documents.get(uri);
    if (!doc) return null;
    if (doc.version !== asked) throw new ResponseError(LSPErrorCodes.ContentModified, '文档在处理请求期间已经改变，请重新请求。');
    // From here to the answer nothing yields, so no change can slip in between.
    this.ensureAnalysis(uri);
    const a = this.states.get(uri)?.analysis;
    if (!a?.value || a.version !== doc.version) return null;
    return { version: doc.version, text: doc, analysis: a.value };
  }

  /** Runs a request's engine call; a bug there is logged once per document and feature, and the request gets `empty`. */
  private guarded<T>(uri: string, feature: string, empty: T, run: () => T): T {
    try {
      return run();
    } catch (e) {
      const state = this.states.get(uri);
      const key = `feature:${feature}`;
      if (state && !state.logged.has(key)) {
        state.logged.add(key);
        this.connection.console.error(`zongjie：为 ${uri} 计算 ${feature} 时出错：${errorText(e)}`.replace(/\s*[\r\n]+\s*/g, ' '));
      }
      return empty;
    }
  }

  /**
   * zongjie.selectPlaceholder: selects a placeholder in the client's editor via
   * window/showDocument. The range was computed on `version`; if the document
   * changed since, the placeholder is looked for again in the current text.
   * Clients without showDocument are told where it is in a message.
   */
  private async selectPlaceholder(args: unknown[]): Promise<null> {
    const target = parseSelectArgs(args);
    if (!target) throw new ResponseError(ErrorCodes.InvalidParams, `命令 ${COMMAND_SELECT_PLACEHOLDER} 需要一个参数：{ uri, version, range }。`);
    await this.settingsReady;
    const doc = this.documents.get(target.uri);
    if (!doc) throw new ResponseError(ErrorCodes.InvalidParams, `文档 ${target.uri} 没有打开。`);
    let range = target.range;
    if (doc.version !== target.version) {
      this.ensureAnalysis(target.uri);
      const value = this.states.get(target.uri)?.analysis?.value;
      const found = value ? placeholderTarget(value, target.range) : null;
      if (!found) {
        this.inform('这篇报告里已经没有待填写的占位符了。');
        return null;
      }
      range = found;
    }
    if (!this.caps.showDocument) {
      const text = doc.getText(range);
      this.inform(`下一个占位符在第 ${range.start.line + 1} 行第 ${range.start.character + 1} 列：「${text}」。`);
      return null;
    }
    try {
      const r = await this.connection.window.showDocument({ uri: target.uri, takeFocus: true, selection: range });
      if (!r.success) this.connection.console.warn(`zongjie：编辑器未能选中 ${target.uri} 中的占位符。`);
    } catch (e) {
      this.connection.console.warn(`zongjie：请求编辑器选中占位符失败：${errorText(e)}`);
    }
    return null;
  }

  private inform(message: string): void {
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
  }

  // ---- outline and folding ----

  /** The parse of the document's current version, or null when it is not checked as a report or too large. */
  private parsed(uri: string): ParsedDocument | null {
    const doc = this.documents.get(uri);
    if (!doc) return null;
    const text = doc.getText();
    const state = this.state(uri);
    if (isLargeDocument(text) || !this.isChecked(doc, text, state)) return null;
    const p = state.parsed;
    if (p && p.version === doc.version && p.generation === this.generation) return p.doc;
    try {
      const parsedDoc = parseDocument(new SourceText(text), this.settings.profile, { markdown: isMarkdownDocument(uri, doc.languageId) });
      state.parsed = { version: doc.version, generation: this.generation, doc: parsedDoc };
      return parsedDoc;
    } catch (e) {
      this.connection.console.error(`zongjie：解析 ${uri} 的结构时出错：${errorText(e)}`);
      return null;
    }
  }

  // ---- commands ----

  private executeCommand(command: string, args: unknown[]): string[] | Promise<null> {
    if (command === COMMAND_SELECT_PLACEHOLDER) return this.selectPlaceholder(args);
    if (command !== COMMAND_CHECK_AS_REPORT && command !== COMMAND_STOP_CHECKING_AS_REPORT) {
      throw new ResponseError(ErrorCodes.InvalidRequest, `未知的命令「${command}」。`);
    }
    const arg = args[0];
    const uri = typeof arg === 'string' ? arg : arg && typeof arg === 'object' && typeof (arg as { uri?: unknown }).uri === 'string' ? (arg as { uri: string }).uri : '';
    if (!uri) throw new ResponseError(ErrorCodes.InvalidParams, `命令 ${command} 需要一个参数：要检查的文档的 URI。`);
    if (command === COMMAND_CHECK_AS_REPORT) this.forced.add(uri);
    else this.forced.delete(uri);
    if (this.documents.get(uri)) {
      this.schedule(uri);
      this.requestPullRefresh();
    }
    // The client persists this list and passes it back in initializationOptions.forcedReports.
    return [...this.forced];
  }
}

/** Resolves when `p` settles or `ms` have passed, whichever comes first; never rejects. */
function settledWithin(p: Promise<unknown>, ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    p.then(done, done);
  });
}

/** Wires the server to `connection`; the caller calls connection.listen(). */
export function startServer(connection: Connection, options: ServerOptions = {}): ZongjieServer {
  return new ZongjieServer(connection, options);
}

/** True when the segmenter really cut every non-blank line of the document (no second phase needed). */
function allLinesKnown(doc: ParsedDocument, segmenter: Segmenter): boolean {
  if (!segmenter.knows) return true;
  for (const line of doc.source.lines) if (!isBlankLine(line) && !segmenter.knows(line)) return false;
  return true;
}
