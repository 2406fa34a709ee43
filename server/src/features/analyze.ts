/**
 * The engine's entry point: text in, parsed reports and findings out. The CLI,
 * the language server and the tests all call `analyzeText`.
 */
import { ALL_RULES } from '../rules';
import { templateResidueRule } from '../rules/template-residue';
import { LineRule, ReportRule, Rule, RuleContext } from '../rules/rule';
import { RuleFinding } from '../engine/types';
import { LONG_LINE, LineCache, LineMemo, NO_CACHE, detach, linePieces } from '../engine/line-cache';
import { ParsedDocument, Report, parseDocument } from '../engine/parse';
import { AUTO, Genres, getGenres, singleGenre } from '../engine/genre';
import { Profile } from '../engine/profile';
import { Segmenter, wordState } from '../engine/segmenter';
import { SourceText } from '../engine/source';
import { TeamDictionary } from '../engine/team-dictionary';
import { withoutDisabled } from './suppress';
import { Finding, Range, SEVERITIES, Severity, moveFinding, rangesOverlap } from '../engine/types';
import { WordFacts } from '../engine/word-facts';

export type SeveritySetting = Severity | 'off';

export interface AnalyzeOptions {
  /**
   * The genre of the reports: `auto` (the default: each report gets the genre
   * its title and opening say), a genre's id, a path to a profile JSON file,
   * a compiled profile, or a set of genres to detect among.
   */
  profile?: string | Profile | Genres;
  /** Parse `#` headings and Markdown emphasis (for .md files). */
  markdown?: boolean;
  /** Severity per rule id, or 'off'. Rules not named keep their default. */
  severities?: Record<string, SeveritySetting>;
  extraPlaceholderPatterns?: RegExp[];
  /** The team's own dictionary (.zongjie.json): the team-wording rule reads it. */
  team?: TeamDictionary;
  /** Word segmentation; without it, rules that require one are skipped. */
  segmenter?: Segmenter;
  /** The rules to run (all registered rules by default). */
  rules?: readonly Rule[];
  /**
   * A memo of per-line work kept by the caller across analyses of one document
   * (the language server keeps one per open document); without it every line
   * is examined afresh.
   */
  cache?: LineCache;
  /** What a Word file holds beside its text (features/word.ts): read by the Word-only rules. */
  word?: WordFacts;
  /**
   * Run the rules only when the parser finds a report's title (ParsedDocument.titled):
   * otherwise the analysis has the parse and no findings. The language server asks
   * this of a document short enough for its report gate to read whole (gate.ts).
   */
  onlyTitled?: boolean;
}

/**
 * The options that per-line facts (line-cache.ts) depend on besides the line's
 * text. A LineCache's analyses are made under the key of their values, so a
 * change of any of them starts the memo afresh; an option that a line's facts
 * come to depend on is added here and nowhere else.
 */
export const LINE_FACT_OPTIONS = ['profile', 'markdown', 'extraPlaceholderPatterns'] as const;

export type LineFactOptions = { [K in (typeof LINE_FACT_OPTIONS)[number]]?: AnalyzeOptions[K] };

/** The key a LineCache's analyses are made under: the values of LINE_FACT_OPTIONS. */
export function lineCacheKey(options: LineFactOptions): string {
  return LINE_FACT_OPTIONS.map((name) => name + '=' + optionKey(options[name])).join('\u0000');
}

/** A value as a key: a compiled profile by its compilation, a pattern by its source and flags. */
function optionKey(value: unknown): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof RegExp) return '/' + value.source + '/' + value.flags;
  if (Array.isArray(value)) return '[' + value.map(optionKey).join(',') + ']';
  if (typeof value === 'object' && typeof (value as { cacheKey?: unknown }).cacheKey === 'string') return (value as { cacheKey: string }).cacheKey;
  if (typeof value === 'object') throw new TypeError('an option that line facts depend on needs a cacheKey');
  return String(value);
}

export interface RuleFailure {
  rule: string;
  message: string;
}

export interface Analysis {
  doc: ParsedDocument;
  findings: Finding[];
  /** The rules that ran, whose fixes the findings' actions are. */
  rules: readonly Rule[];
  /** Rules that threw: their findings are dropped, all others are kept. */
  failures: RuleFailure[];
}

export function analyzeText(text: string, options: AnalyzeOptions = {}): Analysis {
  const profile = genresOf(options.profile);
  const source = new SourceText(text);
  const cache = options.cache;
  cache?.begin(lineCacheKey({ ...options, profile }), source.lines);
  const memo: LineMemo = cache ?? NO_CACHE;
  const doc = parseDocument(source, profile, { markdown: options.markdown, segmenter: options.segmenter, memo, headingRanks: options.word?.headingRanks });
  if (options.onlyTitled && !doc.titled) return { doc, findings: [], failures: [], rules: [] };
  const ctx: RuleContext = { doc, source, extraPlaceholderPatterns: options.extraPlaceholderPatterns ?? [], segmenter: options.segmenter, team: options.team, word: options.word };
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  // Without a memo every rule finding is new, so remembering what was made of it
  // would only fill a WeakMap (whose entries each garbage collection must visit).
  const withCode = cache ? rememberedWithCode : freshWithCode;
  const rules = options.rules ?? ALL_RULES;
  const plan = runPlan(rules, options.severities, options.segmenter !== undefined);
  // Findings that say what another rule would say where they overlap (RuleFinding.covers).
  const covering: Covering[] = [];
  const switchesRules = doc.reports.some((r) => r.profile.data.rules !== undefined);
  /** Rules that threw, with the first message: all their findings are dropped. */
  const threw = new Map<string, string>();
  // Whole-document rules, and line rules on the lines outside reports: rule by rule.
  for (let i = 0; i < plan.running.length; i++) {
    const { rule, severity } = plan.running[i];
    if (rule.scope === 'report' || (rule.scope === 'line' && rule.reportFacts)) continue;
    // A genre may switch a rule off for its reports (the profile's `rules`).
    const off = switchesRules ? reportsOff(doc.reports, rule.id) : NONE;
    if (off.length === doc.reports.length && off.length > 0) continue;
    try {
      const found = rule.scope === 'document' ? rule.check(ctx) : linesOutsideReports(rule, ctx, memo);
      for (let k = 0; k < found.length; k++) {
        const f = found[k];
        if (off.length && inAnyReport(off, f.range.start.line)) continue;
        const out = withCode(f, rule.id, f.severity === undefined ? severity : milder(f.severity, severity));
        findings.push(out);
        if (f.covers !== undefined) covering.push({ finding: out, covers: f.covers });
      }
    } catch (e) {
      if (!threw.has(rule.id)) threw.set(rule.id, errorMessage(e));
    }
  }
  // Inside reports: report by report, every rule at once; an unchanged report's
  // findings are one lookup (a keystroke changes one report of a collection).
  const reportsMemo = memo.reports;
  for (let r = 0; r < doc.reports.length; r++) {
    const report = doc.reports[r];
    const known = reportsMemo?.combined<ReportFindings>(report, plan.key);
    const inReportFound = known ?? reportRulesFindings(report, plan, ctx, memo, withCode, switchesRules, threw);
    addAll(findings, inReportFound.findings);
    addAll(covering, inReportFound.covering);
  }
  for (const rule of rules) {
    const message = threw.get(rule.id);
    if (message !== undefined) failures.push({ rule: rule.id, message });
  }
  if (threw.size > 0) dropFindingsOf(threw, findings, covering);
  const kept = covering.length === 0 ? findings : withoutCovered(findings, covering);
  kept.sort(compareFindings);
  const shown = outsideResidue(doc, kept, rules);
  // Markdown drafts may switch rules off with <!-- zongjie-disable… --> comments (suppress.ts).
  return { doc, findings: options.markdown && text.includes('zongjie-') ? withoutDisabled(source.lines, shown) : shown, failures, rules };
}

const NONE: readonly Report[] = [];

interface Covering {
  finding: Finding;
  covers: readonly string[];
}

/** The rules an analysis runs, with the severity in force, and a key naming them for the memo. */
interface RunPlan {
  running: { rule: Rule; severity: Severity }[];
  key: string;
}

/** Every rule's findings in one report, with their codes and severities. */
interface ReportFindings {
  findings: Finding[];
  covering: Covering[];
}

let lastPlan: { rules: readonly Rule[]; severities: AnalyzeOptions['severities']; words: boolean; plan: RunPlan } | null = null;

/** The rules that run (not switched off, their segmenter present), made once per set of options: the language server passes the same ones on every keystroke. */
function runPlan(rules: readonly Rule[], severities: AnalyzeOptions['severities'], words: boolean): RunPlan {
  if (lastPlan !== null && lastPlan.rules === rules && lastPlan.severities === severities && lastPlan.words === words) return lastPlan.plan;
  const running: RunPlan['running'] = [];
  for (const rule of rules) {
    const setting = severities?.[rule.id];
    if (setting === 'off') continue;
    if (rule.requiresSegmenter && !words) continue;
    running.push({ rule, severity: setting ?? rule.defaultSeverity });
  }
  // Rules are told apart by their objects, not only their ids (tests run rules of the same id side by side).
  const key = running.map((r) => ruleNumber(r.rule) + ':' + r.severity).join(',') + (words ? ';words' : '');
  const plan = { running, key };
  lastPlan = { rules, severities, words, plan };
  return plan;
}

const RULE_NUMBERS = new WeakMap<Rule, number>();

function ruleNumber(rule: Rule): number {
  let n = RULE_NUMBERS.get(rule);
  if (n === undefined) RULE_NUMBERS.set(rule, (n = ++rulesNumbered));
  return n;
}

let rulesNumbered = 0;

/**
 * Every running rule's findings in `report`, stamped with code and severity;
 * remembered for the report unless a rule threw (its findings are dropped, and
 * it is asked again next time).
 */
function reportRulesFindings(
  report: Report,
  plan: RunPlan,
  ctx: RuleContext,
  memo: LineMemo,
  withCode: (f: RuleFinding, code: string, severity: Severity) => Finding,
  switchesRules: boolean,
  threw: Map<string, string>,
): ReportFindings {
  const out: ReportFindings = { findings: [], covering: [] };
  let complete = true;
  for (let i = 0; i < plan.running.length; i++) {
    const { rule, severity } = plan.running[i];
    if (rule.scope === 'document') continue;
    if (switchesRules && !report.profile.enables(rule.id)) continue;
    try {
      const found =
        memo.reports?.known(report, rule.id) ?? (rule.scope === 'report' ? reportFindings(rule, ctx, memo, report) : reportLineFindings(rule, ctx, memo, report));
      for (let k = 0; k < found.length; k++) {
        const f = found[k];
        const stamped = withCode(f, rule.id, f.severity === undefined ? severity : milder(f.severity, severity));
        out.findings.push(stamped);
        if (f.covers !== undefined) out.covering.push({ finding: stamped, covers: f.covers });
      }
    } catch (e) {
      complete = false;
      if (!threw.has(rule.id)) threw.set(rule.id, errorMessage(e));
    }
  }
  if (complete) memo.reports?.setCombined(report, plan.key, out);
  return out;
}

/** Removes the findings of rules that threw (a rule's findings are all kept or none). */
function dropFindingsOf(threw: ReadonlyMap<string, string>, findings: Finding[], covering: Covering[]): void {
  let n = 0;
  for (const f of findings) if (!threw.has(f.code)) findings[n++] = f;
  findings.length = n;
  n = 0;
  for (const c of covering) if (!threw.has(c.finding.code)) covering[n++] = c;
  covering.length = n;
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** True when `line` lies in one of `reports` (a plain loop: a closure over the finding would cost a context per finding). */
function inAnyReport(reports: readonly Report[], line: number): boolean {
  for (let i = 0; i < reports.length; i++) if (reports[i].startLine <= line && line <= reports[i].endLine) return true;
  return false;
}

/** The reports whose genre switches rule `id` off; NONE (no new array, as for almost every rule) when none does. */
function reportsOff(reports: readonly Report[], id: string): readonly Report[] {
  let off: Report[] | null = null;
  for (let i = 0; i < reports.length; i++) {
    if (reports[i].profile.enables(id)) continue;
    (off ??= []).push(reports[i]);
  }
  return off ?? NONE;
}

/** The milder of two severities. */
function milder(a: Severity, b: Severity): Severity {
  return SEVERITIES.indexOf(a) > SEVERITIES.indexOf(b) ? a : b;
}

/**
 * One finding where one problem: the findings left once those of a rule that
 * an overlapping finding covers are dropped (党的十九精神 in a 2024 report:
 * outdated-reference says the lost 大 too, so formulation stays silent there).
 */
function withoutCovered(findings: Finding[], covering: { finding: Finding; covers: readonly string[] }[]): Finding[] {
  return findings.filter((f) => !covering.some((c) => c.finding !== f && c.covers.includes(f.code) && rangesOverlap(c.finding.range, f.range)));
}

/**
 * The findings without those other rules made inside a stretch of residue (「。。」
 * in a site's notice, a comma in its advert): the residue finding covers it, and
 * deleting the residue makes them moot. A place to fill in stays (a placeholder
 * in a page title is still one).
 */
function outsideResidue(doc: ParsedDocument, findings: Finding[], rules: readonly Rule[]): Finding[] {
  const spans = doc.residue.filter((r) => r.kind === 'span');
  if (spans.length === 0) return findings;
  const keep = new Set(rules.filter((r) => r.fillIn).map((r) => r.id));
  keep.add(templateResidueRule.id);
  return findings.filter(
    (f) =>
      keep.has(f.code) ||
      // A Word file's header, footer or property finding is only anchored at the top of the text.
      (typeof f.data?.region === 'string' && f.data.region !== 'body') ||
      !spans.some(
        (r) =>
          // A finding that starts inside the span speaks of it (「、、」 made of a page-chunk counter's 、 and the text's own).
          r.startLine === f.range.start.line &&
          r.range.start.character <= f.range.start.character &&
          f.range.start.character < r.range.end.character,
      ),
  );
}

/** The genres an analysis reads reports under. */
export function genresOf(profile: AnalyzeOptions['profile']): Genres {
  if (profile === undefined) return getGenres(AUTO);
  if (typeof profile === 'string') return getGenres(profile);
  return 'detect' in profile ? profile : singleGenre(profile);
}

// ---------------------------------------------------------------------------
// Running a rule: the one place where findings are cached, by the rule's scope.
// Inside reports, a report and a line rule's findings are kept per version of
// the report (reportRulesFindings); a document rule runs every time.

/**
 * Appends `found` to `out`. An indexed loop: the runner's loops run for every
 * rule and report on every keystroke, mostly in code V8 has not optimised yet,
 * where each step of a for…of allocates an iterator result.
 */
function addAll<T>(out: T[], found: readonly T[]): void {
  for (let i = 0; i < found.length; i++) out.push(found[i]);
}

/** A rule's findings inside one report, computed once per version of the report (engine/report-memo.ts). */
function inReport(memo: LineMemo, report: Report, namespace: string, compute: () => RuleFinding[]): RuleFinding[] {
  return memo.reports ? memo.reports.findings(report, namespace, () => orNone(compute())) : compute();
}

/**
 * No findings, as one shared array: most rules find nothing on most lines and
 * reports, and the memo keeps what they found for every line and report of a
 * document (in a 1 MB collection, some 20,000 empty arrays otherwise).
 */
const NO_FINDINGS: RuleFinding[] = Object.freeze([]) as unknown as RuleFinding[];

function orNone(found: RuleFinding[]): RuleFinding[] {
  return found.length === 0 ? NO_FINDINGS : found;
}

/**
 * A line rule's findings on the lines outside reports (few: blank lines, a
 * collection's own title, text before the first report), read every time. A
 * rule that reads report facts reads only the lines of reports.
 */
function linesOutsideReports(rule: LineRule, ctx: RuleContext, memo: LineMemo): RuleFinding[] {
  if (rule.reportFacts) return [];
  const out: RuleFinding[] = [];
  const reports = ctx.doc.reports;
  let next = 0;
  for (let r = 0; r < reports.length; r++) {
    const report = reports[r];
    if (report.startLine > next) addAll(out, linesOf(rule, ctx, memo, next, report.startLine - 1, rule.id, undefined));
    next = report.endLine + 1;
  }
  if (next < ctx.doc.lines.length) addAll(out, linesOf(rule, ctx, memo, next, ctx.doc.lines.length - 1, rule.id, undefined));
  return out;
}

// The closures over a report live in functions of their own: a closure made in
// a loop's body makes that body allocate a context for every report, made or not.

/** A report rule's findings in `report`, through the memo. */
function reportFindings(rule: ReportRule, ctx: RuleContext, memo: LineMemo, report: Report): RuleFinding[] {
  return inReport(memo, report, rule.id, () => rule.checkReport(report, ctx));
}

/** A line rule's findings in `report`'s lines (under the report's facts when the rule reads them), through the memo. */
function reportLineFindings(rule: LineRule, ctx: RuleContext, memo: LineMemo, report: Report): RuleFinding[] {
  if (!rule.reportFacts) return inReport(memo, report, rule.id, () => linesOf(rule, ctx, memo, report.startLine, report.endLine, rule.id, undefined));
  return inReport(memo, report, rule.id, () => {
    const facts = rule.reportFacts!(report, ctx.source);
    if (facts === null) return [];
    return linesOf(rule, ctx, memo, report.startLine, report.endLine, rule.id + '\u0000' + JSON.stringify(facts), facts);
  });
}

/** Line kinds as a set, per rule. */
const KIND_SETS = new WeakMap<LineRule, ReadonlySet<string>>();

/**
 * The findings of lines from..to (inclusive) of the rule's kinds: each
 * computed as if the line were line 0, remembered by the line's text (with and
 * without words apart), and moved to its line. A line whose words are not
 * known yet is judged without words (one word per character would raise false
 * alarms), or skipped by a rule that requires them: the pass that knows them
 * reports it.
 */
function linesOf(rule: LineRule, ctx: RuleContext, memo: LineMemo, from: number, to: number, namespace: string, facts: unknown): RuleFinding[] {
  let kinds = KIND_SETS.get(rule);
  if (!kinds) KIND_SETS.set(rule, (kinds = new Set(rule.kinds)));
  const readsWords = rule.requiresSegmenter || rule.usesWords;
  const out: RuleFinding[] = [];
  for (let l = from; l <= to; l++) {
    if (!kinds.has(ctx.doc.lines[l].kind)) continue;
    const line = ctx.source.lines[l];
    if (rule.mayFind !== undefined && !rule.mayFind(line)) continue;
    const segmenter = readsWords && wordState(ctx.segmenter, line) === 'words' ? ctx.segmenter : undefined;
    if (rule.requiresSegmenter && !segmenter) continue;
    if (line.length > LONG_LINE) {
      for (const f of longLineFindings(rule, ctx, memo, l, line, memoKey(namespace, segmenter !== undefined), segmenter, facts)) out.push(f);
      continue;
    }
    // get/set rather than at(): no closure per line and rule in the reports an edit changed.
    const key = memoKey(namespace, segmenter !== undefined);
    const found =
      memo.get<RuleFinding[]>(l, key) ?? memo.set(l, key, orNone(rule.checkLine(line, { markdown: ctx.doc.markdown, extraPlaceholderPatterns: ctx.extraPlaceholderPatterns, segmenter, facts })));
    if (l === 0) {
      addAll(out, found);
    } else {
      for (let i = 0; i < found.length; i++) out.push(moveFinding(found[i], l));
    }
  }
  return out;
}

/**
 * A line rule on a long line, piece by piece (line-cache.ts: pieceStarts):
 * each piece is checked as a line of its own and its findings are kept by the
 * piece's text, so an edit re-examines the piece it touched and the findings
 * of the other pieces stay the same objects (and so the same diagnostics).
 */
function longLineFindings(rule: LineRule, ctx: RuleContext, memo: LineMemo, l: number, line: string, key: string, segmenter: Segmenter | undefined, facts: unknown): RuleFinding[] {
  const { starts, pieces } = linePieces(line);
  const out: RuleFinding[] = [];
  for (let i = 0; i < starts.length; i++) {
    const offset = starts[i];
    const piece = pieces[i];
    // The segmenter cuts long lines piece by piece too (segmenter/host.ts), so it knows the piece's words.
    // Checked on a detached copy: findings quoting the piece must not keep the line alive.
    const compute = () => rule.checkLine(detach(piece), { markdown: ctx.doc.markdown, extraPlaceholderPatterns: ctx.extraPlaceholderPatterns, segmenter, facts });
    const place = (found: RuleFinding[]) => found.map((f) => placeFinding(f, l, offset));
    const found = memo.pieces ? memo.pieces.at(piece, key, l, offset, compute, place) : place(compute());
    for (const f of found) out.push(f);
    // As the user types (a memo is kept), the rest of a line that already has
    // this many findings of one rule is not read: the editor shows the first
    // MAX_DIAGNOSTICS findings of the document only, and every finding costs
    // work on every keystroke. The CLI (no memo) reads and fixes all of them.
    if (memo.pieces && out.length >= LONG_LINE_FINDINGS) break;
  }
  return out;
}

/** Findings of one rule on one long line beyond which the language server stops reading that line. */
export const LONG_LINE_FINDINGS = 1000;

function placed(r: Range, line: number, offset: number): Range {
  // A piece's findings lie on its line 0; a finding reaching past it (a fix inserting a line) keeps its other lines' characters.
  return {
    start: { line: r.start.line + line, character: r.start.line === 0 ? r.start.character + offset : r.start.character },
    end: { line: r.end.line + line, character: r.end.line === 0 ? r.end.character + offset : r.end.character },
  };
}

/** A finding on a piece, moved to where the piece stands: line `line`, `offset` characters in. */
function placeFinding(f: RuleFinding, line: number, offset: number): RuleFinding {
  const out: RuleFinding = { message: f.message, range: placed(f.range, line, offset) };
  if (f.fix) {
    out.fix = { title: f.fix.title, edits: f.fix.edits.map((e) => ({ range: placed(e.range, line, offset), newText: e.newText })) };
    if (f.fix.manual) out.fix.manual = true;
  }
  if (f.data !== undefined) out.data = f.data;
  return out;
}

/**
 * Memo keys by namespace, with and without words, built once: the memo then
 * compares the same string objects on every line instead of fresh concatenations.
 */
const MEMO_KEYS = new Map<string, { withWords: string; withoutWords: string }>();

function memoKey(namespace: string, withWords: boolean): string {
  let keys = MEMO_KEYS.get(namespace);
  if (!keys) {
    keys = { withWords: namespace + '\u0000words', withoutWords: namespace + '\u0000none' };
    // Namespaces that carry report facts (a period) are few per document; keep the map small anyway.
    if (MEMO_KEYS.size > 1000) MEMO_KEYS.clear();
    MEMO_KEYS.set(namespace, keys);
  }
  return withWords ? keys.withWords : keys.withoutWords;
}

/**
 * The finding made of each rule finding, kept while the rule finding lives:
 * rule findings of unchanged lines and reports are the same objects from one
 * analysis to the next (line-cache.ts, report-memo.ts), and so are the
 * findings and diagnostics made of them, which the server then need not
 * rebuild or re-encode on every keystroke.
 */
const FINDINGS = new WeakMap<RuleFinding, Finding>();

/** A rule's finding with its code and severity, the same object as last time when the rule finding is. */
function rememberedWithCode(f: RuleFinding, code: string, severity: Severity): Finding {
  // (`severity` is the one in force for this finding, its own cap applied.)
  const known = FINDINGS.get(f);
  if (known !== undefined && known.code === code && known.severity === severity) return known;
  const out = freshWithCode(f, code, severity);
  FINDINGS.set(f, out);
  return out;
}

/** A rule's finding with its code and severity (fields written out: object spread is slow on a hot path). */
function freshWithCode(f: RuleFinding, code: string, severity: Severity): Finding {
  const out: Finding = { code, severity, message: f.message, range: f.range };
  if (f.fix !== undefined) out.fix = f.fix;
  if (f.data !== undefined) out.data = f.data;
  return out;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

/** True for file names the engine reads as Markdown. */
export function isMarkdownPath(path: string): boolean {
  return /\.(md|markdown)$/i.test(path);
}
