/**
 * The language server's behaviour, independent of the transport: main.ts hands
 * it a connection over stdio/IPC/socket, the tests hand it in-memory streams.
 *
 * ZongjieServer puts the parts together and holds what is shared between
 * documents:
 *  - handlers/*.ts map each kind of LSP request onto the features and back;
 *  - document-session.ts holds one open document: its caches, the two-phase
 *    check, and the rule that only the latest check of a document publishes;
 *  - check-queue.ts decides when queued checks run (coalescing bursts);
 *  - segmenter-lifecycle.ts starts and stops word segmentation;
 *  - settings-store.ts reads the settings from the client.
 */
import type { Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Genres, getGenres } from '../engine/genre';
import { UserProfiles } from './user-profiles';
import { builtInProfileIds } from '../engine/profile';
import { ALL_RULES } from '../rules';
import { Rule } from '../rules/rule';
import { Capabilities, DEFAULT_CAPABILITIES } from './capabilities';
import { registerNotInitialized } from './before-initialize';
import { CheckQueue } from './check-queue';
import { errorText } from './checks';
import { ServerContext } from './context';
import { DocumentSession, SessionEnvironment } from './document-session';
import { registerCodeActions } from './handlers/code-actions';
import { registerCommands } from './handlers/commands';
import { registerCompletion } from './handlers/completion';
import { registerConfiguration } from './handlers/configuration';
import { registerPullDiagnostics } from './handlers/diagnostics';
import { registerDocuments } from './handlers/documents';
import { registerHover } from './handlers/hover';
import { registerLifecycle } from './handlers/lifecycle';
import { registerOutline } from './handlers/outline';
import { MessageType, ShowMessageNotification, TextDocuments } from './languageserver';
import { SegmenterHostLike } from './segmentation';
import { TeamConfigStore } from './team-config-store';
import { SegmenterLifecycle } from './segmenter-lifecycle';
import { signalCodeCachePoint } from './code-cache-point';
import { SettingsEnvironment } from './settings';
import { SettingsStore } from './settings-store';
import { WordViews, isWordViewUri, wordFileUriOf } from './word-views';

export { SERVER_NAME, SERVER_VERSION } from './capabilities';
export { COALESCE_LIMIT_MS } from './check-queue';
export { TYPING_WINDOW_MS, WORDS_IDLE_MS } from './document-session';
export { WORDS_WAIT_MS } from './handlers/analysis';
export { SEGMENTER_START_DELAY_MS } from './segmenter-lifecycle';
export { SETTINGS_WAIT_MS } from './settings-store';
export type { ZongjieInitializationOptions } from '../protocol';

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

function settingsEnvironment(rules: readonly Rule[], user: UserProfiles): SettingsEnvironment {
  return {
    ruleIds: rules.map((r) => r.id),
    profileIds: builtInProfileIds(),
    loadProfile: (id) => getGenres(id, user.get().genres),
    profileProblems: () => user.get().problems,
  };
}

export class ZongjieServer implements ServerContext {
  readonly documents = new TextDocuments(TextDocument);
  caps: Capabilities = { ...DEFAULT_CAPABILITIES };
  readonly settings: SettingsStore;
  readonly segmenter: SegmenterLifecycle;
  readonly forced = new Set<string>();
  readonly wordViews = new WordViews();
  readonly userProfiles = new UserProfiles();
  readonly fileGenres = new Map<string, string>();
  private readonly sessions = new Map<string, DocumentSession>();
  private readonly sessionEnv: SessionEnvironment;
  private readonly teamConfig: TeamConfigStore;
  private readonly queue: CheckQueue;
  private resultCounter = 0;
  private refreshScheduled = false;

  constructor(
    readonly connection: Connection,
    options: ServerOptions = {},
  ) {
    const rules = options.rules ?? ALL_RULES;
    const changed = () => {
      this.scheduleAll();
      this.requestPullRefresh();
    };
    this.settings = new SettingsStore(connection, settingsEnvironment(rules, this.userProfiles), {
      pulls: () => this.caps.configuration,
      warn: (message) => this.warn(message),
      changed,
    });
    this.segmenter = new SegmenterLifecycle({
      start: options.startSegmenter,
      afterFirstCheck: Boolean(options.segmenterAfterFirstCheck),
      onReady: () => {
        this.segmenterReady();
        this.requestPullRefresh();
      },
      warn: (message) => this.warn(message),
      log: (message) => this.connection.console.info(message),
    });
    this.teamConfig = new TeamConfigStore(
      rules.map((r) => r.id),
      (message) => this.warn(message),
    );
    // A .zongjie.json created, changed or deleted (the client watches them): check everything again.
    // A profile file (.zongjie/profiles/*.json, or one the setting names) changed: read the genres
    // again and validate the settings under them (one handler: a second registration would replace this one).
    connection.onDidChangeWatchedFiles((params) => {
      this.teamConfig.invalidate();
      if (params.changes.some((c) => UserProfiles.isProfileFile(c.uri) || (/\.json$/i.test(c.uri) && !/\.zongjie\.json$/i.test(c.uri)))) {
        this.userProfiles.invalidate();
        this.settings.revalidate();
      } else {
        this.settings.invalidate();
      }
    });
    this.queue = new CheckQueue(
      () => this.settings.ready,
      (uri) => {
        try {
          this.checkNow(uri);
        } catch (e) {
          // The session guards the engine itself; this is the last line of defence for the server.
          this.connection.console.error(`zongjie：检查 ${uri} 时出错：${errorText(e)}`);
        }
      },
    );
    this.sessionEnv = {
      rules,
      settings: this.settings,
      forced: this.forced,
      segmenter: this.segmenter,
      genres: (uri) => this.genresFor(uri),
      nextResultId: () => String(++this.resultCounter),
      sendDiagnostics: (params) => void this.connection.sendDiagnostics(params),
      findingsPublished: signalCodeCachePoint,
      logError: (line) => this.connection.console.error(line),
      requestPullRefresh: () => this.requestPullRefresh(),
      wordFacts: (uri, text) => this.wordViews.factsFor(uri, text),
      // A Word view takes the team configuration of the Word file's folder.
      teamConfig: (uri) => this.teamConfig.forUri(isWordViewUri(uri) ? wordFileUriOf(uri) : uri),
    };

    registerNotInitialized(connection);
    registerLifecycle(this);
    registerConfiguration(this);
    registerCommands(this);
    registerOutline(this);
    registerPullDiagnostics(this);
    registerCodeActions(this);
    registerCompletion(this);
    registerHover(this);
    registerDocuments(this);
  }

  /** The genre the user chose for the file, if any. */
  private genresFor(uri: string): Genres | undefined {
    const chosen = this.fileGenres.get(uri);
    if (chosen === undefined) return undefined;
    try {
      return getGenres(chosen, this.userProfiles.get().genres);
    } catch {
      // A chosen genre that no longer exists (a deleted profile file): the team's or the setting's genres apply.
      return undefined;
    }
  }

  session(uri: string): DocumentSession {
    let s = this.sessions.get(uri);
    if (!s) {
      s = new DocumentSession(uri, this.sessionEnv);
      this.sessions.set(uri, s);
    }
    return s;
  }

  findSession(uri: string): DocumentSession | undefined {
    return this.sessions.get(uri);
  }

  closeSession(uri: string): void {
    this.queue.delete(uri);
    this.sessions.get(uri)?.close();
    this.sessions.delete(uri);
  }

  schedule(uri: string): void {
    this.queue.add(uri);
  }

  /** Word segmentation is ready: each open document gets its second phase, or a check when its latest one is not of its current version. */
  private segmenterReady(): void {
    for (const doc of this.documents.all()) {
      const session = this.sessions.get(doc.uri);
      if (this.queue.has(doc.uri) || !session || !session.segmenterReady(doc)) this.schedule(doc.uri);
    }
  }

  scheduleAll(): void {
    for (const doc of this.documents.all()) this.schedule(doc.uri);
  }

  ensureAnalysis(uri: string): void {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const session = this.sessions.get(uri);
    if (this.queue.has(uri) || !session || !session.isCurrent(doc.version, this.settings.generation)) {
      this.queue.delete(uri);
      this.checkNow(uri);
    }
  }

  /** Phase 1 of the check of `uri` at its current version (the session starts phase 2). */
  private checkNow(uri: string): void {
    const doc = this.documents.get(uri);
    if (!doc) return;
    this.session(uri).check(doc);
  }

  requestPullRefresh(): void {
    if (!this.caps.pull || !this.caps.pullRefresh || this.refreshScheduled) return;
    this.refreshScheduled = true;
    setImmediate(() => {
      this.refreshScheduled = false;
      this.connection.languages.diagnostics.refresh().catch((e) => {
        this.connection.console.warn(`zongjie：请求客户端刷新诊断失败：${errorText(e)}`);
      });
    });
  }

  /**
   * A warning as window/showMessage. (connection.window.showWarningMessage sends
   * window/showMessageRequest, which expects an answer and which not every
   * client implements; nothing here needs one.)
   */
  warn(message: string): void {
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }

  inform(message: string): void {
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
  }

  async dispose(): Promise<void> {
    for (const session of this.sessions.values()) session.dropIdlePhase();
    await this.segmenter.dispose();
  }
}

/** Wires the server to `connection`; the caller calls connection.listen(). */
export function startServer(connection: Connection, options: ServerOptions = {}): ZongjieServer {
  return new ZongjieServer(connection, options);
}
