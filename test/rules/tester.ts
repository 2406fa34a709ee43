/**
 * The one rule tester every test/rules/<id>.test.ts is written with, in the
 * spirit of ESLint's RuleTester and rust-analyzer's check_diagnostics: texts
 * the rule must pass in silence, and texts with the findings it must report
 * (where, what they cover, optionally their message) and the text after its
 * quick fix and after "fix all".
 *
 * Each case is analysed by `analyzeText` with that rule alone, with a word
 * segmenter, without one, or both ways (`words`). Only the engine's public
 * entry points are used: analyzeText, codeActionsFor, planFixAll, applyEdits.
 *
 * `checkValid` and `checkInvalid` are pure: they return what is wrong (an
 * empty list when the case holds), so the tester's own tests can show that a
 * wrong expectation fails.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Analysis, AnalyzeOptions, analyzeText } from '../../server/src/features/analyze';
import { FIX_ALL_KIND, QUICKFIX_KIND, codeActionsFor, planFixAll } from '../../server/src/features/fixes';
import { applyEdits } from '../../server/src/engine/edits';
import { Finding, Range, Severity, TextEdit } from '../../server/src/engine/types';
import { ALL_RULES } from '../../server/src/rules';
import { segmenter } from '../chinese/util';

/**
 * How a case is analysed:
 * - 'both': with and without a segmenter, each way meeting the same expectations;
 * - 'with' / 'without': only with, or only without, a segmenter;
 * - 'needed': with a segmenter; without one, the rule must report nothing at all
 *   (a rule that needs words waits for them rather than guess).
 */
export type Words = 'both' | 'with' | 'without' | 'needed';

/** Analysis options a case may set; the tester chooses the rules and the segmenter. */
export type CaseOptions = Omit<AnalyzeOptions, 'rules' | 'segmenter' | 'cache'>;

export interface ValidCase {
  text: string;
  /** The test's name; the text (on one line, shortened) by default. */
  name?: string;
  options?: CaseOptions;
  /** Overrides the tester's `words` for this case. */
  words?: Words;
}

export interface ExpectedFinding {
  /** The 0-based line the finding starts on, as in LSP ranges. */
  line: number;
  /** The text the finding covers; lines of a finding that spans several are joined with \n. */
  text: string;
  /** The 0-based UTF-16 character it starts at, where the text alone leaves it open. */
  character?: number;
  message?: RegExp;
  severity?: Severity;
  /** Entries the finding's `data` must hold: equal values, or strings a RegExp matches. */
  data?: Record<string, unknown>;
}

export interface InvalidCase extends ValidCase {
  /** Every finding of the rule, in document order: one missing or one too many fails. */
  findings: ExpectedFinding[];
  /**
   * The text after each finding's quick fix (the fix it carries, or the first
   * its rule proposes), all applied at once; null: no finding offers an edit.
   */
  output?: string | null;
  /** The text after "fix all" (planFixAll) with this rule alone; the text itself when it must change nothing. */
  fixAllOutput?: string;
  /** The rule's findings in `output` once re-analysed ([]: the quick fixes resolved everything). */
  outputFindings?: ExpectedFinding[];
}

export interface RuleTests {
  /** The suite's name after the rule's id. */
  suite?: string;
  /** How cases are analysed unless they say otherwise; 'both' by default. */
  words?: Words;
  valid?: (string | ValidCase)[];
  invalid?: InvalidCase[];
}

// ---------------------------------------------------------------------------
// Analysis

function ruleById(ruleId: string) {
  const rule = ALL_RULES.find((r) => r.id === ruleId);
  assert.ok(rule, `no registered rule has the id ${ruleId}`);
  return rule;
}

/** The rule's analysis of `text`, with or without a segmenter. */
export function analyzeWith(ruleId: string, text: string, withWords: boolean, options: CaseOptions = {}): Analysis {
  return analyzeText(text, { ...options, rules: [ruleById(ruleId)], segmenter: withWords ? segmenter() : undefined });
}

/** The analyses a case runs: each with or without a segmenter, and whether the rule must then be silent. */
function passes(words: Words): { label: string; withWords: boolean; silent: boolean }[] {
  switch (words) {
    case 'both':
      return [
        { label: 'with words', withWords: true, silent: false },
        { label: 'without words', withWords: false, silent: false },
      ];
    case 'with':
      return [{ label: 'with words', withWords: true, silent: false }];
    case 'without':
      return [{ label: 'without words', withWords: false, silent: false }];
    case 'needed':
      return [
        { label: 'with words', withWords: true, silent: false },
        { label: 'without words (the rule needs them)', withWords: false, silent: true },
      ];
  }
}

// ---------------------------------------------------------------------------
// Pure comparisons

/** The text `range` covers in the analysed document, lines joined with \n. */
export function coveredText(analysis: Analysis, range: Range): string {
  const lines = analysis.doc.source.lines;
  const { start, end } = range;
  if (start.line === end.line) return (lines[start.line] ?? '').slice(start.character, end.character);
  const parts = [(lines[start.line] ?? '').slice(start.character)];
  for (let l = start.line + 1; l < end.line; l++) parts.push(lines[l] ?? '');
  parts.push((lines[end.line] ?? '').slice(0, end.character));
  return parts.join('\n');
}

function show(f: { line: number; text: string }): string {
  return `${f.line}:${JSON.stringify(f.text)}`;
}

/** What differs between the expected findings and the actual ones: [] when they agree. */
export function findingMismatches(expected: readonly ExpectedFinding[], actual: readonly Finding[], analysis: Analysis): string[] {
  const got = actual.map((f) => ({ line: f.range.start.line, text: coveredText(analysis, f.range), finding: f }));
  const want = expected.map(show);
  const have = got.map(show);
  if (want.join('\n') !== have.join('\n')) {
    const missing = [...want];
    const extra: string[] = [];
    for (const h of have) {
      const i = missing.indexOf(h);
      if (i >= 0) missing.splice(i, 1);
      else extra.push(h);
    }
    const what = [missing.length ? `missing ${missing.join(', ')}` : '', extra.length ? `unexpected ${extra.join(', ')}` : ''].filter(Boolean).join('; ');
    return [`findings differ (${what || 'order'}): expected [${want.join(', ')}], got [${have.join(', ')}]` + (got.length ? `\n  messages: ${got.map((g) => g.finding.message).join(' | ')}` : '')];
  }
  const out: string[] = [];
  expected.forEach((e, i) => {
    const f = got[i].finding;
    const at = `finding ${show(e)}`;
    if (e.character !== undefined && e.character !== f.range.start.character) out.push(`${at}: starts at character ${f.range.start.character}, expected ${e.character}`);
    if (e.message && !e.message.test(f.message)) out.push(`${at}: message ${JSON.stringify(f.message)} does not match ${e.message}`);
    if (e.severity && e.severity !== f.severity) out.push(`${at}: severity ${f.severity}, expected ${e.severity}`);
    for (const [key, value] of Object.entries(e.data ?? {})) {
      const v = f.data?.[key];
      const ok = value instanceof RegExp ? typeof v === 'string' && value.test(v) : isDeepEqual(v, value);
      if (!ok) out.push(`${at}: data.${key} is ${JSON.stringify(v)}, expected ${value instanceof RegExp ? value : JSON.stringify(value)}`);
    }
  });
  return out;
}

function isDeepEqual(a: unknown, b: unknown): boolean {
  try {
    assert.deepStrictEqual(a, b);
    return true;
  } catch {
    return false;
  }
}

/** What differs between an expected and an actual text after fixing: [] when equal. */
export function outputMismatches(what: string, expected: string | null, actual: string | null): string[] {
  if (expected === actual) return [];
  const shown = (s: string | null) => (s === null ? 'no fix' : JSON.stringify(s));
  return [`${what}: expected ${shown(expected)}, got ${shown(actual)}`];
}

// ---------------------------------------------------------------------------
// Fixes

/** The edits of a finding's own quick fix: what it carries, or the first its rule proposes; null without one. */
export function quickFixEdits(analysis: Analysis, finding: Finding): TextEdit[] | null {
  const lines = analysis.doc.source.lines;
  const everything: Range = { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1].length } };
  // "Fix all" may be offered beside the quick fixes; it is not the finding's own.
  const fixAllTitle = codeActionsFor(analysis, everything, [FIX_ALL_KIND])[0]?.title;
  const own = codeActionsFor(analysis, finding.range).find(
    (a) => a.kind === QUICKFIX_KIND && a.title !== fixAllTitle && a.select === undefined && a.diagnostics.includes(finding),
  );
  return own && own.edits.length > 0 ? own.edits : null;
}

/**
 * The text after every finding's quick fix, applied at once (findings that
 * share one fix, such as a renumbered run, apply it once); null when none has
 * an edit. Throws when the fixes overlap.
 */
export function quickFixOutput(analysis: Analysis, text: string, findings: readonly Finding[]): string | null {
  const all: TextEdit[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    const edits = quickFixEdits(analysis, f);
    if (!edits) continue;
    const key = JSON.stringify(edits);
    if (seen.has(key)) continue;
    seen.add(key);
    all.push(...edits);
  }
  return all.length ? applyEdits(text, all) : null;
}

// ---------------------------------------------------------------------------
// Cases

function ruleFindings(ruleId: string, analysis: Analysis): Finding[] {
  return analysis.findings.filter((f) => f.code === ruleId);
}

function failures(analysis: Analysis): string[] {
  return analysis.failures.map((f) => `the rule threw: ${f.message}`);
}

/** What is wrong with a text the rule must pass in silence: [] when it does. */
export function checkValid(ruleId: string, c: ValidCase, defaultWords: Words = 'both'): string[] {
  const out: string[] = [];
  for (const pass of passes(c.words ?? defaultWords)) {
    const a = analyzeWith(ruleId, c.text, pass.withWords, c.options);
    for (const m of [...failures(a), ...findingMismatches([], ruleFindings(ruleId, a), a)]) out.push(`[${pass.label}] ${m}`);
  }
  return out;
}

/** What is wrong with an invalid case: its findings, its quick-fix output, its fix-all output. [] when all hold. */
export function checkInvalid(ruleId: string, c: InvalidCase, defaultWords: Words = 'both'): string[] {
  const out: string[] = [];
  if (c.findings.length === 0) out.push('an invalid case must expect at least one finding (write it as a valid case)');
  for (const pass of passes(c.words ?? defaultWords)) {
    const problems: string[] = [];
    const a = analyzeWith(ruleId, c.text, pass.withWords, c.options);
    const found = ruleFindings(ruleId, a);
    problems.push(...failures(a), ...findingMismatches(pass.silent ? [] : c.findings, found, a));
    if (!pass.silent) {
      if (c.output !== undefined || c.outputFindings) {
        let fixed: string | null = null;
        let applied = true;
        try {
          fixed = quickFixOutput(a, c.text, found);
        } catch (e) {
          applied = false;
          problems.push(`the quick fixes cannot be applied together: ${e instanceof Error ? e.message : String(e)}`);
        }
        if (applied && c.output !== undefined) problems.push(...outputMismatches('quick-fix output', c.output, fixed));
        if (applied && c.outputFindings && fixed === null) problems.push('outputFindings given, but no finding offers a quick fix');
        if (c.outputFindings && fixed !== null) {
          const after = analyzeWith(ruleId, fixed, pass.withWords, c.options);
          problems.push(...findingMismatches(c.outputFindings, ruleFindings(ruleId, after), after).map((m) => `after the quick fixes, ${m}`));
        }
      }
      if (c.fixAllOutput !== undefined) {
        problems.push(...outputMismatches('fix-all output', c.fixAllOutput, applyEdits(c.text, planFixAll(a).edits)));
      }
    }
    for (const m of problems) out.push(`[${pass.label}] ${m}`);
  }
  return out;
}

/** A case's test name: its own, or its text on one line, shortened. */
export function caseName(c: ValidCase): string {
  if (c.name) return c.name;
  const flat = c.text.replace(/\r\n|\r|\n/g, ' ⏎ ');
  return flat.length > 90 ? flat.slice(0, 89) + '…' : flat;
}

/**
 * Registers one node:test test per case, in a suite named after the rule
 * (and `tests.suite`). A case fails with the list of what is wrong.
 */
export function ruleTester(ruleId: string, tests: RuleTests): void {
  ruleById(ruleId);
  const words = tests.words ?? 'both';
  describe(tests.suite ? `${ruleId}: ${tests.suite}` : ruleId, () => {
    for (const v of tests.valid ?? []) {
      const c = typeof v === 'string' ? { text: v } : v;
      test(`valid: ${caseName(c)}`, () => {
        const problems = checkValid(ruleId, c, words);
        assert.ok(problems.length === 0, problems.join('\n'));
      });
    }
    for (const c of tests.invalid ?? []) {
      test(`invalid: ${caseName(c)}`, () => {
        const problems = checkInvalid(ruleId, c, words);
        assert.ok(problems.length === 0, problems.join('\n'));
      });
    }
  });
}
