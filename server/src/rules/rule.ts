/**
 * The contract every rule file fulfils. A rule reads the parsed document and
 * returns its findings; the engine adds the rule's id and the severity in force.
 */
import { LineMemo } from '../engine/line-cache';
import { ParsedDocument, Report } from '../engine/parse';
import { Profile } from '../engine/profile';
import { Segmenter, wordState } from '../engine/segmenter';
import { SourceText } from '../engine/source';
import { FixGroup, FixProposal } from '../engine/edits';
import { Finding, RuleFinding, Severity, moveFinding } from '../engine/types';

export interface RuleContext {
  doc: ParsedDocument;
  source: SourceText;
  profile: Profile;
  /** Extra placeholder patterns of the user's own (already validated). */
  extraPlaceholderPatterns: RegExp[];
  /** Present only when word segmentation is ready; see requiresSegmenter. */
  segmenter?: Segmenter;
  /** Per-line results remembered across analyses of the same document; see lineFindings. */
  memo: LineMemo;
}

/**
 * A rule's documentation, in Chinese: the one source of its hover text, of
 * its section and table row in docs/rules.md and of its row in the README's
 * table of checks.
 */
export interface RuleDocs {
  /** A short name: the hover's heading, and how `zongjie fix` counts what it fixed. */
  title: string;
  /** One line: what the rule finds (docs/rules.md's table). */
  summary: string;
  /** The README's row: the problem in a few words, and examples as Markdown. */
  readme: { problem: string; examples: string };
  /** The hover on a finding: why it matters and what to do, then a wrong and a right example (a line break makes a block). */
  hover: { explanation: string; wrong: string; right: string };
  /**
   * The rule's section of docs/rules.md, as lines of Markdown: what it finds
   * and what it leaves alone, with a wrong and a right example (lines
   * `- 错误示例：…` and `- 正确示例：…`; test/chinese/docs.test.ts runs those of the word-level rules).
   */
  details: readonly string[];
}

export interface Rule {
  /** Kebab-case id; the diagnostic `code`. */
  id: string;
  docs: RuleDocs;
  defaultSeverity: Severity;
  /** True when a quick fix can repair (some of) its findings: a fix carried by the finding, or one computed in engine/fixes.ts (renumbering, inserting a part). */
  fixable: boolean;
  /** True for rules that need word segmentation: they run only when a segmenter is given. */
  requiresSegmenter?: boolean;
  check(ctx: RuleContext): RuleFinding[];
  /**
   * Fixes worked out from the document for one of the rule's findings, the
   * preferred first; without it, the fix a finding carries is its quick fix.
   */
  quickFixes?(doc: ParsedDocument, finding: Finding): FixProposal[];
  /**
   * What "fix all" may apply unasked for the rule's findings, in groups applied
   * whole; without it, each finding's carried fix unless marked manual.
   */
  fixAll?(doc: ParsedDocument, findings: Finding[]): FixGroup<Finding>[];
  /** True when a finding marks a place the author must fill in: its action selects the next one. */
  fillIn?: boolean;
}

/**
 * The segmenter to use for `line`, or undefined when its words are not known:
 * a line not cut yet (one word per character) must be judged as without words,
 * or splits like 方/向 would raise false alarms until the words arrive.
 */
export function segmenterFor(ctx: RuleContext, line: string): Segmenter | undefined {
  return wordState(ctx.segmenter, line) === 'words' ? ctx.segmenter : undefined;
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
    // Namespaces that carry a value (a report's period) are few per document; keep the map small anyway.
    if (MEMO_KEYS.size > 1000) MEMO_KEYS.clear();
    MEMO_KEYS.set(namespace, keys);
  }
  return withWords ? keys.withWords : keys.withoutWords;
}

/**
 * The findings of one line that depend on nothing but its text (and the
 * options, and its words): computed as if the line were line 0, remembered by
 * the line's text, and moved to line `l`. Most rules are made of such checks,
 * and this is what makes a keystroke re-examine only the line it changed.
 * `namespace` names the rule and any variant of its check. `segmenter` is what
 * `compute` is given to cut the line with (undefined when it does not look at
 * words, or they are not known yet): results with and without words are kept
 * apart, and nothing else about segmentation matters, so a rule that never
 * looks at words keeps its results when words arrive.
 */
export function lineFindings(ctx: RuleContext, namespace: string, l: number, segmenter: Segmenter | undefined, compute: () => RuleFinding[]): RuleFinding[] {
  const found = ctx.memo.at(l, memoKey(namespace, segmenter !== undefined), compute);
  if (l === 0 || found.length === 0) return found;
  return found.map((f) => moveFinding(f, l));
}

/**
 * A rule's findings inside one report, computed once per version of the
 * report: a report none of whose lines changed keeps its findings from the
 * last analysis (engine/report-memo.ts). For rules that read nothing outside
 * the report, and whose findings carry no line numbers in `data`.
 */
export function reportFindings(ctx: RuleContext, report: Report, namespace: string, compute: () => RuleFinding[]): RuleFinding[] {
  return ctx.memo.reports ? ctx.memo.reports.findings(report, namespace, compute) : compute();
}

/** The findings of `compute(report)` for every report of the document, each through reportFindings. */
export function eachReportFindings(ctx: RuleContext, namespace: string, compute: (report: Report) => RuleFinding[]): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const report of ctx.doc.reports) {
    for (const f of reportFindings(ctx, report, namespace, () => compute(report))) out.push(f);
  }
  return out;
}

/**
 * A line-by-line check over the whole document: `compute(from, to)` gives the
 * findings of lines from..to (inclusive). Each report's span is computed once
 * per version of the report (reportFindings); the lines between and before
 * reports are computed every time (their lines are few: blank lines, a
 * collection's own title, text before the first report).
 */
export function lineSpanFindings(ctx: RuleContext, namespace: string, compute: (from: number, to: number) => RuleFinding[]): RuleFinding[] {
  const out: RuleFinding[] = [];
  const add = (found: RuleFinding[]) => {
    for (const f of found) out.push(f);
  };
  let next = 0;
  for (const report of ctx.doc.reports) {
    if (report.startLine > next) add(compute(next, report.startLine - 1));
    add(reportFindings(ctx, report, namespace, () => compute(report.startLine, report.endLine)));
    next = report.endLine + 1;
  }
  if (next < ctx.doc.lines.length) add(compute(next, ctx.doc.lines.length - 1));
  return out;
}

/** Line kinds that hold text of the report (not blank, residue or a collection's own title). */
export type TextLineKind = 'body' | 'heading' | 'title';

/**
 * The usual shape of a line rule: for every line of the given kinds, its
 * findings from `compute(line, segmenter)`, memoised by lineFindings (and per
 * report by lineSpanFindings). With `needsWords`, a line whose words are not
 * known yet is skipped — the pass that knows them reports it; without,
 * `segmenter` is undefined for such a line.
 */
export function checkEachLine(
  ctx: RuleContext,
  namespace: string,
  kinds: readonly TextLineKind[],
  needsWords: boolean,
  compute: (line: string, segmenter: Segmenter | undefined) => RuleFinding[],
): RuleFinding[] {
  return lineSpanFindings(ctx, namespace, (from, to) => {
    const out: RuleFinding[] = [];
    for (let l = from; l <= to; l++) {
      const info = ctx.doc.lines[l];
      if (!(kinds as readonly string[]).includes(info.kind)) continue;
      const line = ctx.source.lines[l];
      const segmenter = segmenterFor(ctx, line);
      if (needsWords && !segmenter) continue;
      for (const f of lineFindings(ctx, namespace, l, segmenter, () => compute(line, segmenter))) out.push(f);
    }
    return out;
  });
}
