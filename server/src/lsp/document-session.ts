/**
 * One open document in the server: what was last checked of it, the caches
 * kept from version to version, and the check itself.
 *
 * Checking a document version happens in two phases:
 *  1. at once (when the check queue flushes): the engine without word
 *     segmentation — or with the words of the lines already cut — published
 *     immediately;
 *  2. when segmentation is ready: the document's lines are segmented in the
 *     worker thread, then the engine runs again with the segmenter (rules that
 *     need words run, and parts are classified on word boundaries) and the full
 *     set is published — only if nothing about the document changed meanwhile.
 * Every check takes a new epoch number; a result is published only while its
 * epoch is still the session's latest, so a slow phase 2 can never overwrite
 * the result of a newer version, setting or command. A closed session
 * publishes nothing more.
 */
import { Genres } from '../engine/genre';
import { EMPTY_CONFIG, TeamConfig } from '../config/team-config';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis, RuleFailure } from '../features/analyze';
import { LineCache } from '../engine/line-cache';
import { ParsedDocument, parseDocument } from '../engine/parse';
import { Segmenter } from '../engine/segmenter';
import { SourceText, isBlankLine } from '../engine/source';
import { Rule } from '../rules/rule';
import { textsToSegment } from '../segmenter/host';
import { CheckMode, CheckOptions, CheckResult, PlaceholderCache, checkDocument, errorText, isLargeDocument } from './checks';
import { GATE_LINES, GateMemo, isCandidateDocument, isMarkdownDocument, leadingLines, shouldCheck } from './gate';
import { SegmenterHostLike } from './segmentation';
import { SegmenterLifecycle } from './segmenter-lifecycle';
import { SettingsStore } from './settings-store';
import { isWordViewUri } from './word-views';
import { WordFacts } from '../engine/word-facts';

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

/** A published result. */
export interface CheckedVersion {
  epoch: number;
  version: number;
  mode: CheckMode | 'off';
  diagnostics: Diagnostic[];
  resultId: string;
}

/** What a session needs from the server. */
export interface SessionEnvironment {
  /** The rules to run. */
  readonly rules: readonly Rule[];
  readonly settings: SettingsStore;
  /** URIs the user asked to check as reports. */
  readonly forced: ReadonlySet<string>;
  readonly segmenter: SegmenterLifecycle;
  /** The genre the user chose for the file (「选择文体」), if any: it wins over the team's and the setting's. */
  genres(uri: string): Genres | undefined;
  /** A resultId not given out before in this server. */
  nextResultId(): string;
  sendDiagnostics(params: PublishDiagnosticsParams): void;
  /** A check's findings were published (the first ones mark the code cache's moment, code-cache-point.ts). */
  findingsPublished?(): void;
  /** One line to the client's log. */
  logError(line: string): void;
  /** Asks a pull client to pull again (the server decides whether it can). */
  requestPullRefresh(): void;
  /**
   * For a Word view: the Word-only facts of its text, undefined while the text
   * is not that of the server's last reading of the file (the view is then not checked).
   */
  wordFacts?(uri: string, text: string): WordFacts | undefined;
  /** The team configuration (.zongjie.json) for a document; none when absent. */
  teamConfig?(uri: string): TeamConfig;
}

/** One line, even when an error message spans several. */
function oneLine(line: string): string {
  return line.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** What a check's second phase needs from its first. */
interface PhaseOne {
  epoch: number;
  version: number;
  generation: number;
  text: string;
  options: CheckOptions;
}

export class DocumentSession {
  /** The latest check started; results of older epochs are dropped. */
  private epoch = 0;
  /** The latest result published. */
  private result: CheckedVersion | null = null;
  /** The parse of the latest checked version, for outline and folding. */
  private parsedDoc: { version: number; generation: number; doc: ParsedDocument } | null = null;
  /**
   * The analysis of the latest checked version, for code actions, completion
   * and hover; `value` is null when that version is not checked as a report,
   * is too large for a full analysis, or the engine failed on it.
   */
  private analysis: { version: number; generation: number; value: Analysis | null } | null = null;
  /** The second phase started for `epoch`; `done` settles when it ends, however it ends. */
  private words: { epoch: number; done: Promise<void> } | null = null;
  /** The latest check, when it ran before word segmentation was ready and its second phase is still to come. */
  private withoutWords: PhaseOne | null = null;
  /**
   * The second phase waiting for a pause in typing, if any. Each keystroke
   * replaces it (the one it replaces would only find its version outdated), so
   * the versions typed in a burst are not all kept alive until their timers fire.
   */
  private idle: { timer: NodeJS.Timeout; settle: () => void } | null = null;
  private readonly placeholderCache: PlaceholderCache = new Map();
  /** Per-line facts of this document, reused from version to version (engine/line-cache.ts). */
  private readonly lineCache = new LineCache();
  /** Settings generation and Markdown flag the placeholder cache was filled under. */
  private cacheKey = '';
  /** Rule failures and errors already logged for this document. */
  private readonly logged = new Set<string>();
  /** resultId of the last pull answered, to know whether a pull client is behind. */
  private lastPulled: string | null = null;
  /** When the text last changed after the document was first checked (performance.now()). */
  private lastEditAt = -Infinity;
  private readonly gate: GateMemo = {};
  private closed = false;
  /** The highest document version published: an older-numbered result is never published after it. */
  private highestPublished = -Infinity;

  constructor(
    readonly uri: string,
    private readonly env: SessionEnvironment,
  ) {}

  /** The text changed. An edit of a document already checked counts as typing (opening one does not). */
  edited(): void {
    if (this.result) this.lastEditAt = performance.now();
  }

  /** The document was closed: nothing of this session is published any more. */
  close(): void {
    this.closed = true;
    this.dropIdlePhase();
  }

  /** Cancels the second phase waiting for a pause (its version is outdated) and settles whoever waits for it. */
  dropIdlePhase(): void {
    if (!this.idle) return;
    clearTimeout(this.idle.timer);
    this.idle.settle();
    this.idle = null;
  }

  /** True when the stored analysis is of `version` under settings `generation`. */
  isCurrent(version: number, generation: number): boolean {
    const a = this.analysis;
    return a !== null && a.version === version && a.generation === generation;
  }

  /** The analysis of `version`, if that is the one stored and it is a report's. */
  analysisAt(version: number): Analysis | null {
    const a = this.analysis;
    return a?.value && a.version === version ? a.value : null;
  }

  /** The analysis of the latest version checked, if it is a report's. */
  latestAnalysis(): Analysis | null {
    return this.analysis?.value ?? null;
  }

  /** The second phase of the latest check, while it may still publish; null when there is none. */
  wordsPending(): Promise<void> | null {
    const w = this.words;
    return w && w.epoch === this.epoch ? w.done : null;
  }

  /** The latest result, for a pull; remembered as what the pull client holds. Call after a check. */
  pulled(): CheckedVersion {
    const result = this.result!;
    this.lastPulled = result.resultId;
    return result;
  }

  /** Logs `line` once per key for this document. */
  logOnce(key: string, line: string): void {
    if (this.logged.has(key)) return;
    this.logged.add(key);
    this.env.logError(oneLine(line));
  }

  /** `team`: the document's team configuration, looked up once per check by the caller (it reads the folders above the file). */
  private isChecked(doc: TextDocument, text: string, team: TeamConfig | undefined, head?: string): boolean {
    // A Word view is checked whatever its title: the user asked for it by opening it.
    if (isWordViewUri(doc.uri)) return this.env.wordFacts?.(doc.uri, text) !== undefined;
    const profile = this.env.genres(this.uri) ?? team?.profile ?? this.env.settings.current.profile;
    return shouldCheck({ uri: doc.uri, languageId: doc.languageId, text, profile, forced: this.env.forced, head }, this.gate);
  }

  /**
   * True when the report gate would read all of `doc` (its `head` is the whole
   * text; a type it reads, not forced, not a Word view, not too large to parse):
   * its answer is then the check's own parse's (ParsedDocument.titled).
   */
  private gateReadsWhole(doc: TextDocument, text: string, head: string): boolean {
    return head === text && !isWordViewUri(doc.uri) && !this.env.forced.has(doc.uri) && isCandidateDocument(doc.uri) && !isLargeDocument(text);
  }

  /** The editor's settings with the team's .zongjie.json over them (its genre, severities, patterns and dictionary). */
  private checkOptions(doc: TextDocument, teamConfig: TeamConfig | undefined): CheckOptions {
    const settings = this.env.settings;
    const team = teamConfig ?? EMPTY_CONFIG;
    const markdown = isMarkdownDocument(doc.uri, doc.languageId);
    const placeholderPatterns = team.placeholderPatterns.length ? [...settings.current.placeholderPatterns, ...team.placeholderPatterns] : settings.current.placeholderPatterns;
    const key = `${settings.generation}:${markdown}:${placeholderPatterns.map((r) => r.source).join('\u0000')}`;
    if (this.cacheKey !== key) {
      this.placeholderCache.clear();
      this.cacheKey = key;
    }
    return {
      profile: this.env.genres(this.uri) ?? team.profile ?? settings.current.profile,
      markdown,
      severities: team.files.length ? { ...settings.current.severities, ...team.severities } : settings.current.severities,
      placeholderPatterns,
      team: team.dictionary,
      rules: this.env.rules,
    };
  }

  /** Phase 1 for `doc` (this session's document at its current version); starts phase 2 when segmentation is ready. */
  check(doc: TextDocument): void {
    const epoch = ++this.epoch;
    const version = doc.version;
    const generation = this.env.settings.generation;
    const text = doc.getText();
    // A newer version supersedes any second phase still waiting for a pause.
    this.words = null;
    this.withoutWords = null;
    this.dropIdlePhase();
    const team = this.env.teamConfig?.(doc.uri);
    const enabled = team?.enable ?? this.env.settings.current.enable;
    const off = () => {
      this.analysis = { version, generation, value: null };
      this.publish({ epoch, version, mode: 'off', diagnostics: [] });
    };
    // The gate reads a document's opening lines as the parser does; a document
    // that short is read whole by the check's own parse, so that parse decides.
    // The gate's opening lines, read once for both questions.
    const head = leadingLines(text, GATE_LINES);
    const byParse = enabled && this.gateReadsWhole(doc, text, head);
    if (!enabled || (!byParse && !this.isChecked(doc, text, team, head))) return off();
    const options = { ...this.checkOptions(doc, team), cache: this.lineCache, word: isWordViewUri(doc.uri) ? this.env.wordFacts?.(doc.uri, text) : undefined };
    // Once words are available, the first pass already uses the words of every
    // line cut before, so a keystroke does not make the word findings on other
    // lines vanish until the second phase; the edited line gets its words there.
    const known = this.env.segmenter.readyHost()?.known?.() ?? undefined;
    const result = checkDocument(text, { ...options, segmenter: known, partialWords: Boolean(known), onlyTitled: byParse }, this.placeholderCache);
    // No report title: not a report. A parse that failed decides nothing: the gate does.
    if (byParse && (result.doc ? !result.doc.titled : !this.isChecked(doc, text, team, head))) return off();
    if (known && result.mode === 'basic' && result.error === null && result.doc && allLinesKnown(result.doc, known)) result.mode = 'full';
    this.logProblems(result);
    if (result.doc) this.parsedDoc = { version, generation, doc: result.doc };
    this.analysis = { version, generation, value: result.analysis };
    this.publish({ epoch, version, mode: result.mode, diagnostics: result.diagnostics });
    // Always a second phase once words are available: besides the rules that need
    // words, the parser classifies parts on word boundaries, so any rule may change.
    if (result.mode === 'basic' && result.error === null) {
      const host = this.env.segmenter.readyHost();
      if (host) this.startSecondPhase({ epoch, version, generation, text, options }, host);
      else this.withoutWords = { epoch, version, generation, text, options };
    }
  }

  /**
   * Word segmentation became ready: the second phase of the check already
   * published, when that check is of the document's current version under the
   * current settings. Checking that version again first would publish the same
   * diagnostics (no words are known yet) and delay the words by a whole check.
   * False when there is no such check: the caller checks the document anew.
   */
  segmenterReady(doc: TextDocument): boolean {
    const pending = this.withoutWords;
    const host = this.env.segmenter.readyHost();
    if (!pending || !host || this.closed || pending.epoch !== this.epoch || pending.version !== doc.version || pending.generation !== this.env.settings.generation) return false;
    this.withoutWords = null;
    this.startSecondPhase(pending, host);
    return true;
  }

  /** Starts phase 2 of a check: at once, or after a pause while the user types. */
  private startSecondPhase(check: PhaseOne, host: SegmenterHostLike): void {
    const run = () =>
      this.secondPhase(check.epoch, check.version, check.generation, check.text, check.options, host).catch((e) => {
        try {
          this.env.logError(oneLine(`zongjie：分词检查 ${this.uri} 时出错：${errorText(e)}`));
        } catch {
          // The connection is closed: nobody is left to tell.
        }
      });
    const typing = performance.now() - this.lastEditAt < TYPING_WINDOW_MS;
    const done = typing
      ? new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            this.idle = null;
            void run().finally(resolve);
          }, WORDS_IDLE_MS);
          this.idle = { timer, settle: resolve };
        })
      : run();
    this.words = { epoch: check.epoch, done };
  }

  /** Phase 2: the same version again, with word segmentation. */
  private async secondPhase(epoch: number, version: number, generation: number, text: string, options: CheckOptions, host: SegmenterHostLike): Promise<void> {
    // A newer check started while this one waited: its own second phase will follow.
    if (this.closed || this.epoch !== epoch) return;
    let segmenter;
    try {
      segmenter = await host.prepare(textsToSegment(text));
    } catch (e) {
      this.env.segmenter.failed(host, host.failure ?? errorText(e));
      return;
    }
    if (this.closed || this.epoch !== epoch) return;
    const result = checkDocument(text, { ...options, segmenter, partialWords: false }, this.placeholderCache);
    this.logProblems(result);
    if (result.error !== null) return; // phase 1's diagnostics stand
    if (result.doc) this.parsedDoc = { version, generation, doc: result.doc };
    this.analysis = { version, generation, value: result.analysis };
    this.publish({ epoch, version, mode: result.mode, diagnostics: result.diagnostics });
    // A pull client holding phase 1's result learns that a fuller one exists.
    if (this.lastPulled !== null && this.lastPulled !== this.result?.resultId) this.env.requestPullRefresh();
  }

  private publish(r: Omit<CheckedVersion, 'resultId'>): void {
    if (this.closed || this.epoch !== r.epoch) return;
    // A client whose version went backwards (a didChange numbered below one
    // already published) would otherwise see older-numbered diagnostics
    // replace newer ones; it gets none until it numbers a version above.
    if (r.version < this.highestPublished) {
      this.logOnce(`version:${r.version}`, `zongjie：${this.uri} 的版本号从 ${this.highestPublished} 退回到 ${r.version}（编辑器的版本号应只增不减），这一版本的检查结果不发布。`);
      return;
    }
    this.highestPublished = r.version;
    this.result = { ...r, resultId: this.env.nextResultId() };
    this.env.sendDiagnostics({ uri: this.uri, version: r.version, diagnostics: r.diagnostics });
    this.env.segmenter.published();
    if (r.mode !== 'off') this.env.findingsPublished?.();
  }

  /** One log line per failing rule (or failing analysis) per document, not one per keystroke. */
  private logProblems(result: CheckResult): void {
    result.failures.forEach((f: RuleFailure) => this.logOnce(`rule:${f.rule}`, `zongjie：规则 ${f.rule} 在 ${this.uri} 中运行出错，已跳过该规则：${f.message}`));
    if (result.error !== null) this.logOnce(`error:${result.error}`, `zongjie：检查 ${this.uri} 时出错，只显示了占位符检查的结果：${result.error}`);
  }

  /** The parse of `doc` (at its current version), or null when it is not checked as a report or too large. */
  parsed(doc: TextDocument): ParsedDocument | null {
    const text = doc.getText();
    const team = this.env.teamConfig?.(doc.uri);
    if (isLargeDocument(text) || !this.isChecked(doc, text, team)) return null;
    const generation = this.env.settings.generation;
    const p = this.parsedDoc;
    if (p && p.version === doc.version && p.generation === generation) return p.doc;
    try {
      const parsedDoc = parseDocument(new SourceText(text), this.env.genres(this.uri) ?? team?.profile ?? this.env.settings.current.profile, { markdown: isMarkdownDocument(doc.uri, doc.languageId) });
      this.parsedDoc = { version: doc.version, generation, doc: parsedDoc };
      return parsedDoc;
    } catch (e) {
      this.env.logError(`zongjie：解析 ${this.uri} 的结构时出错：${errorText(e)}`);
      return null;
    }
  }
}

/** True when the segmenter really cut every non-blank line of the document (no second phase needed). */
function allLinesKnown(doc: ParsedDocument, segmenter: Segmenter): boolean {
  if (!segmenter.knows) return true;
  for (const line of doc.source.lines) if (!isBlankLine(line) && !segmenter.knows(line)) return false;
  return true;
}
