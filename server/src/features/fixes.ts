/**
 * Code actions and "fix all", generic over the rules: what the language
 * server offers and what `zongjie fix` applies to files. Every proposal is a
 * list of TextEdits on the analysed text; front ends only translate them.
 *
 * Each finding's actions come from its rule: the rule's own quick fixes
 * (rules/numbering.ts renumbers a run, rules/missing-section.ts inserts a
 * part), or the one right correction the finding carries (`finding.fix`), or,
 * for a rule whose findings mark a place to fill in (`fillIn`), a jump to the
 * next such place.
 *
 * "Fix all" (source.fixAll.zongjie, `zongjie fix`) applies only the safe
 * fixes: carried corrections not marked manual, and what a rule's `fixAll`
 * offers (renumbering that cannot hide a lost item). Inserted parts need the
 * author's words and placeholders the author's facts: never applied unasked.
 */
import { FixGroup, OffsetEdit, comparePositions, conflicts, rangesTouch, sameEdits, toOffsets } from '../engine/edits';
import { SourceText } from '../engine/source';
import { Finding, Position, Range, TextEdit } from '../engine/types';
import { FIX_ALL_KIND } from '../protocol';
import { Analysis, compareFindings } from './analyze';

export { FIX_ALL_KIND };
export const QUICKFIX_KIND = 'quickfix';
export type CodeActionKind = typeof QUICKFIX_KIND | typeof FIX_ALL_KIND;

/** A code action in engine terms; the language server maps it 1:1 onto an LSP CodeAction. */
export interface EngineCodeAction {
  title: string;
  kind: CodeActionKind;
  /** Applied as one WorkspaceEdit, hence one undo step. Empty for the placeholder jump. */
  edits: TextEdit[];
  /** The findings this action resolves (the LSP sends their diagnostics along). */
  diagnostics: Finding[];
  isPreferred: boolean;
  /**
   * For an action that moves the selection instead of editing (the placeholder
   * jump): the range to select. The language server turns it into its command
   * `zongjie.selectPlaceholder`, which asks the editor to select the range
   * (window/showDocument).
   */
  select?: Range;
}

const FIX_ALL_TITLE = '修复全部可自动修复的问题';

// ---------------------------------------------------------------------------
// Placeholders

/**
 * The placeholder after `position` (after the one it stands in, if any),
 * wrapping around to the first; null when there is no other placeholder.
 */
export function nextPlaceholder(analysis: Analysis, position: Position): Range | null {
  const all = placeholderRanges(analysis);
  const current = all.find((r) => comparePositions(r.start, position) <= 0 && comparePositions(position, r.end) <= 0);
  const from = current ? current.end : position;
  const next = all.find((r) => r !== current && comparePositions(r.start, from) >= 0) ?? all.find((r) => r !== current);
  return next ?? null;
}

/** The ranges of the analysis's placeholders, in document order. */
export function placeholderRanges(analysis: Analysis): Range[] {
  const fillIn = new Set(analysis.rules.filter((r) => r.fillIn).map((r) => r.id));
  const all = analysis.findings.filter((f) => fillIn.has(f.code)).map((f) => f.range);
  return all.sort((a, b) => comparePositions(a.start, b.start));
}

// ---------------------------------------------------------------------------
// Fix all

export interface FixAllPlan {
  /** Non-overlapping edits, to be applied at once. */
  edits: TextEdit[];
  /** The findings these edits resolve. */
  fixed: Finding[];
  /** Safe fixes left out because they overlap one taken earlier; a second run applies them. */
  deferred: Finding[];
}

/**
 * Every fix "fix all" may apply, in groups applied whole or not at all: a
 * rule's own (renumbering a run) or the one right correction each finding
 * carries, unless it is marked manual. Larger edits come first: a deletion of
 * residue makes the corrections inside it moot, so they give way to it.
 */
function safeGroups(analysis: Analysis): FixGroup<Finding>[] {
  const { doc, findings } = analysis;
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byRule.get(f.code);
    if (list) list.push(f);
    else byRule.set(f.code, [f]);
  }
  const groups: FixGroup<Finding>[] = [];
  for (const rule of analysis.rules) {
    const mine = byRule.get(rule.id);
    if (!mine) continue;
    if (rule.fixAll) {
      for (const g of rule.fixAll(doc, mine)) groups.push(g);
      continue;
    }
    for (const f of mine) if (f.fix && f.fix.edits.length > 0 && !f.fix.manual) groups.push({ edits: f.fix.edits, findings: [f] });
  }
  const extent = new Map(groups.map((g) => [g, g.edits.reduce((n, e) => n + editExtent(doc.source, e), 0)]));
  return groups.sort((a, b) => extent.get(b)! - extent.get(a)!);
}

/** How much text an edit replaces, in characters (lines count as long as they are). */
function editExtent(source: SourceText, e: TextEdit): number {
  const { start, end } = e.range;
  if (start.line === end.line) return end.character - start.character;
  let n = (source.lines[start.line]?.length ?? 0) - start.character + end.character;
  for (let l = start.line + 1; l < end.line; l++) n += source.lines[l]?.length ?? 0;
  return n;
}

/**
 * The safe fixes of the whole document as one set of non-overlapping edits;
 * a fix whose edits overlap one already taken is deferred, never half-applied.
 */
export function planFixAll(analysis: Analysis): FixAllPlan {
  const source = analysis.doc.source;
  const plan: FixAllPlan = { edits: [], fixed: [], deferred: [] };
  const groups: { g: FixGroup<Finding>; spans: OffsetEdit[] | null }[] = [];
  for (const g of safeGroups(analysis)) {
    let spans: OffsetEdit[] | null = null;
    try {
      spans = toOffsets(source, g.edits);
    } catch {
      // Deferred below, in its turn.
    }
    groups.push({ g, spans });
  }
  const taken = new TakenSpans(groups.flatMap((x) => (x.spans ?? []).map((s) => s.start)));
  for (const { g, spans } of groups) {
    const clash = spans === null || spans.some((s, i) => (i > 0 && conflicts(spans[i - 1], s)) || taken.conflicts(s));
    if (clash) {
      for (const f of g.findings) plan.deferred.push(f);
      continue;
    }
    for (const s of spans) taken.add(s);
    for (const e of g.edits) plan.edits.push(e);
    for (const f of g.findings) plan.fixed.push(f);
  }
  plan.edits.sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end));
  plan.fixed.sort(compareFindings);
  plan.deferred.sort(compareFindings);
  return plan;
}

/**
 * The edits fix-all has taken, asked whether an edit conflicts with any of
 * them (engine/edits.ts: conflicts) in logarithmic time: asking each taken
 * edit in turn made fixing 30,000 lines take seconds. An edit s overlaps a
 * taken t when t.start < s.end and s.start < t.end, that is when the largest
 * end of the edits taken that start before s.end lies past s.start: a
 * Fenwick tree over the possible starts keeps those largest ends. Two
 * insertions conflict at one point.
 */
export class TakenSpans {
  private readonly starts: number[];
  /** 1-based Fenwick tree: the largest end of the taken edits by start index. */
  private readonly maxEnd: Float64Array;
  private readonly insertions = new Set<number>();

  /** @param starts the starts of every edit that may be added */
  constructor(starts: number[]) {
    this.starts = [...new Set(starts)].sort((a, b) => a - b);
    this.maxEnd = new Float64Array(this.starts.length + 1).fill(-1);
  }

  conflicts(s: OffsetEdit): boolean {
    if (s.start === s.end && this.insertions.has(s.start)) return true;
    let best = -1;
    for (let i = this.startsBelow(s.end); i > 0; i -= i & -i) if (this.maxEnd[i] > best) best = this.maxEnd[i];
    return best > s.start;
  }

  add(s: OffsetEdit): void {
    if (s.start === s.end) this.insertions.add(s.start);
    for (let i = this.startsBelow(s.start) + 1; i < this.maxEnd.length; i += i & -i) if (this.maxEnd[i] < s.end) this.maxEnd[i] = s.end;
  }

  /** How many of the possible starts lie below `x`. */
  private startsBelow(x: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** The edits of planFixAll: every safe fix, non-overlapping, for one WorkspaceEdit. */
export function fixAllEdits(analysis: Analysis): TextEdit[] {
  return planFixAll(analysis).edits;
}

// ---------------------------------------------------------------------------
// Code actions

/** LSP's rule for `context.only`: a kind is wanted when it is, or lies under, one of the requested kinds. */
function wanted(kind: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return kind === QUICKFIX_KIND;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}


/**
 * The code actions for `range`: a quick fix for each finding there that has
 * one, and "fix all" — as a quick fix beside them when it does more than they
 * do, and as the `source.fixAll.zongjie` action when `only` asks for it (which
 * is how VS Code's fix-on-save asks). `only` is the LSP request's
 * `context.only`; without it, quick fixes only.
 */
export function codeActionsFor(analysis: Analysis, range: Range, only?: readonly string[]): EngineCodeAction[] {
  const { doc } = analysis;
  const actions: EngineCodeAction[] = [];
  const add = (a: EngineCodeAction) => {
    const same = actions.find((x) => x.title === a.title && sameEdits(x.edits, a.edits) && x.select === a.select);
    if (same) same.diagnostics.push(...a.diagnostics.filter((d) => !same.diagnostics.includes(d)));
    else actions.push(a);
  };
  const wantQuickfix = wanted(QUICKFIX_KIND, only);
  let anyFixHere = false;

  if (wantQuickfix) {
    const rules = new Map(analysis.rules.map((r) => [r.id, r]));
    for (const f of analysis.findings) {
      if (!rangesTouch(f.range, range)) continue;
      const rule = rules.get(f.code);
      if (rule?.fillIn) {
        // A place with one reading (a word a site masked) may carry its fix, offered beside the jump.
        if (f.fix && f.fix.edits.length) add({ title: f.fix.title, kind: QUICKFIX_KIND, edits: f.fix.edits, diagnostics: [f], isPreferred: false });
        const next = nextPlaceholder(analysis, f.range.start);
        if (next) add({ title: '跳到下一个占位符', kind: QUICKFIX_KIND, edits: [], diagnostics: [f], isPreferred: false, select: next });
        continue;
      }
      if (rule?.quickFixes) {
        rule.quickFixes(doc, f).forEach((p, i) => {
          if (i === 0) anyFixHere ||= p.safe;
          add({ title: p.title, kind: QUICKFIX_KIND, edits: p.edits, diagnostics: [f], isPreferred: i === 0 });
        });
        continue;
      }
      if (f.fix && f.fix.edits.length) {
        if (!f.fix.manual) anyFixHere = true;
        add({ title: f.fix.title, kind: QUICKFIX_KIND, edits: f.fix.edits, diagnostics: [f], isPreferred: !f.fix.manual });
      }
    }
  }

  const wantFixAll = wanted(FIX_ALL_KIND, only);
  if (wantFixAll || anyFixHere) {
    const plan = planFixAll(analysis);
    if (plan.edits.length) {
      if (wantFixAll) actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edits: plan.edits, diagnostics: plan.fixed, isPreferred: false });
      // Beside the single fixes only when it does more than one of them would.
      const single = actions.some((a) => a.kind === QUICKFIX_KIND && sameEdits(a.edits, plan.edits));
      if (wantQuickfix && anyFixHere && !single && plan.fixed.length > 1) {
        actions.push({ title: FIX_ALL_TITLE, kind: QUICKFIX_KIND, edits: plan.edits, diagnostics: plan.fixed, isPreferred: false });
      }
    }
  }
  return actions;
}
