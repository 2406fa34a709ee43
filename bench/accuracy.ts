/**
 * `npm run accuracy`: per-rule figures of the checker on a hand-labelled corpus
 * folder (.txt drafts + labels.json, the format of ../shared/corpus/web, see its
 * INDEX.md), so that a change which lowers them is seen.
 *
 *   node out/bench/accuracy.js [DIR] [--cli FILE] [--verbose] [--json]
 *     DIR        the corpus folder (default ../shared/corpus/web beside the project)
 *     --cli      check with that built CLI (`node FILE check --format json`, e.g. an
 *                older build kept for comparison) instead of the engine in this process
 *     --verbose  the outline of each file and every judged finding and missed label
 *     --json     print the figures as JSON instead of the tables (npm run -s accuracy -- --json > a.json)
 *
 * This is a port of the reference scorer ../shared/corpus/score.py and prints the
 * same figures; its docstring says how findings are judged. By default the drafts
 * are checked in this process through runCli, the function dist/cli.js runs, so
 * the findings are those of `zongjie check --format json`.
 *
 * One deliberate difference: the CLI's ranges count UTF-16 code units (as LSP
 * does) and so does this port when it finds label texts in a line; score.py finds
 * them in code points. The two agree unless a character outside the BMP (an
 * emoji) comes before a finding or a label on its line.
 *
 * Exit code: 0 after a report, 2 when the corpus or the CLI cannot be used.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../server/src/cli/main';
import { OutlineReport, OutlineSection } from '../server/src/features/outline';

const ROOT = path.resolve(__dirname, '../..');
export const DEFAULT_CORPUS = path.resolve(ROOT, '../shared/corpus/web');

const RULES = ['placeholder', 'template-residue', 'missing-section', 'section-order', 'numbering', 'empty-section',
  'duplicated-char', 'formulation', 'outdated-reference', 'year-mismatch', 'punctuation', 'empty-example'];
const WORDING = new Set(['duplicated-char', 'formulation', 'outdated-reference', 'year-mismatch', 'punctuation', 'empty-example']);
/** Rules scored per finding (TP) rather than per label found. */
const FINDING_SCORED = new Set(['missing-section', 'section-order', 'empty-section']);
const HALF_WIDTH = new Set(',;:()!?"');
const MARKERS = new Set('Xx*_某○〇【□');
const PART_NAMES: [string, string[]][] = [['main', ['主要工作', '成效']], ['problems', ['存在的问题', '问题']],
  ['plans', ['下一步', '打算']], ['situation', ['形势', '研判']]];
/** The outline slot that holds each labelled part. */
const SLOT_OF_PART: Record<string, string> = { main: 'achievements', problems: 'problems', plans: 'next-steps', situation: 'situation' };
const GROUPS = ['ideology', 'neighbour'] as const;
type Group = (typeof GROUPS)[number];

// ---- the corpus's labels and the CLI's JSON ----

/** [line (1-based), text, rule or why]; placeholders have no third item. */
type LabelItem = [number, string, string?];

export interface FileLabels {
  genre: string;
  truncated: boolean;
  title_line: number | number[] | null;
  placeholders: LabelItem[];
  residue_lines: (number | LabelItem | { any: number[] })[];
  parts_present: string[];
  parts_form: Record<string, string>;
  numbering_errors: LabelItem[];
  wording_errors: LabelItem[];
}

export interface Diagnostic {
  code: string;
  severity: string | number;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** One file of `zongjie check --format json`. */
export interface CheckedFile {
  path: string;
  reports?: OutlineReport[];
  diagnostics: Diagnostic[];
}

/** The corpus cannot be scored (missing folder, file or label text; a CLI that fails). */
export class CorpusError extends Error {}

// ---- Python's string semantics where score.py relies on them ----

/** str.strip(): Python's whitespace, which is not JavaScript's (U+FEFF is none, U+001C-U+001F and U+0085 are). */
function pyStrip(s: string): string {
  return s.replace(/^[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g, '');
}

/** The first n characters (code points, as Python slices). */
function head(s: string, n: number): string {
  return Array.from(s).slice(0, n).join('');
}

/** str() of a label value: None, [3, 4]. */
function pyStr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (Array.isArray(v)) return `[${v.map(pyStr).join(', ')}]`;
  return String(v);
}

/** n / d to two decimals, ties to even, as Python's format does for the (exact) ratio of two small integers. */
export function fixed2(n: number, d: number): string {
  const whole = Math.floor((n * 100) / d);
  const rest = n * 100 - whole * d;
  const q = 2 * rest > d || (2 * rest === d && whole % 2 === 1) ? whole + 1 : whole;
  return `${Math.floor(q / 100)}.${String(q % 100).padStart(2, '0')}`;
}

// ---- judging ----

type CountKey = 'TP' | 'X' | 'FP' | 'dup' | 'neutral' | 'artifact' | 'found' | 'FN' | 'FN_hit_by_other_rule';
type Counts = Record<CountKey, number>;

class Tally {
  private readonly byRule = new Map<string, Counts>();
  errorSeverityFP = 0;
  outOfScopeFN = 0;
  get(rule: string): Counts {
    let c = this.byRule.get(rule);
    if (!c) {
      c = { TP: 0, X: 0, FP: 0, dup: 0, neutral: 0, artifact: 0, found: 0, FN: 0, FN_hit_by_other_rule: 0 };
      this.byRule.set(rule, c);
    }
    return c;
  }
}

interface Span {
  line0: number;
  start: number;
  end: number;
  item: LabelItem;
  /** Line and place: labels of any kind at the same place are one label for `found`. */
  key: string;
}

/** Finds the labelled texts in their lines; equal texts on one line take successive occurrences. */
function spans(lines: string[], items: LabelItem[]): Span[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const [line, text] = item;
    const s = line > 0 && line <= lines.length ? lines[line - 1] : '';
    const k = seen.get(`${line}\u0000${text}`) ?? 0;
    let pos = -1;
    // As score.py: a search that fails starts again from the line's start.
    for (let i = 0; i <= k; i++) pos = s.length < pos + 1 ? -1 : s.indexOf(text, pos + 1);
    seen.set(`${line}\u0000${text}`, k + 1);
    if (pos < 0) throw new CorpusError(`labels.json: «${text}» not found (occurrence ${k + 1}) on line ${line}`);
    return { line0: line - 1, start: pos, end: pos + text.length, item, key: `${line - 1}:${pos}:${pos + text.length}` };
  });
}

function overlaps(sp: Span, l0: number, a: number, b: number): boolean {
  return sp.line0 === l0 && sp.start < Math.max(b, a + 1) && a < sp.end;
}

function partOf(message: string): string | null {
  const before = message.split('部分')[0];
  for (const [slot, keys] of PART_NAMES) if (keys.some((k) => before.includes(k))) return slot;
  return null;
}

function judge(name: string, text: string, lab: FileLabels, res: CheckedFile, tally: Tally, notes: string[]): void {
  const lines = text.split('\n');
  const nonblank: number[] = [];
  lines.forEach((s, i) => {
    if (pyStrip(s)) nonblank.push(i);
  });
  const lastTwo = new Set(nonblank.slice(-2));
  const ph = spans(lines, lab.placeholders);
  const wd = spans(lines, lab.wording_errors.filter((w) => w[2] !== 'out-of-scope'));
  const phSet = new Set(ph);
  const resWhole = new Set<number>();
  const resInline: Span[] = [];
  const resAny: number[][] = [];
  for (const r of lab.residue_lines) {
    if (typeof r === 'number') resWhole.add(r - 1);
    else if (!Array.isArray(r)) resAny.push(r.any.map((x) => x - 1));
    else resInline.push(...spans(lines, [r]));
  }
  const found = new Set<string>(); // labels found by their own rule
  const foundOther = new Set<string>(); // labels hit only by another rule
  const seenMissing = new Set<string | null>();
  const present = new Set(lab.parts_present);
  for (const d of res.diagnostics) {
    const code = d.code;
    const l0 = d.range.start.line;
    const a = d.range.start.character;
    const l1 = d.range.end.line;
    const b = l1 === l0 ? d.range.end.character : l0 < lines.length ? lines[l0].length : a + 1;
    const frag = l0 < lines.length ? lines[l0].slice(a, Math.max(a, b)) : '';
    const t = tally.get(code);
    let verdict: CountKey = 'FP';
    let why = '';
    const stripped = pyStrip(frag);
    if (code === 'punctuation' && stripped && [...stripped].every((c) => HALF_WIDTH.has(c))) {
      t.artifact++;
      continue;
    }
    if (code === 'missing-section') {
      const slot = partOf(d.message);
      if (seenMissing.has(slot)) {
        why = 'second missing-section for the same part (false report split)';
      } else if (slot !== null && present.has(slot)) {
        why = `part "${slot}" is present (${lab.parts_form[slot] ?? ''})`;
      } else if (lab.truncated) {
        verdict = 'neutral';
      } else {
        verdict = 'TP';
      }
      seenMissing.add(slot);
    } else if (code === 'empty-section' && lab.truncated && lastTwo.has(l0)) {
      verdict = 'neutral';
    } else if (code === 'template-residue') {
      const hit = [...resWhole].filter((i) => i >= l0 && i <= l1);
      const hitIn = resInline.filter((sp) => sp.line0 === l0 && (overlaps(sp, l0, a, b) || l1 > l0));
      const hitAny = resAny.filter((g) => g.some((i) => l0 <= i && i <= l1));
      if (hit.length || hitIn.length || hitAny.length) {
        verdict = 'TP';
        for (const i of hit) found.add(`res:${i}`);
        for (const sp of hitIn) found.add(`resi:${sp.line0}:${sp.start}`);
        for (const g of hitAny) found.add(`resany:${g.join(',')}`);
      }
    } else if (code === 'numbering') {
      if (lab.numbering_errors.some((n) => n[0] - 1 === l0)) {
        verdict = 'TP';
        found.add(`num:${l0}`);
      }
    } else if (code === 'placeholder' || WORDING.has(code)) {
      const own = code === 'placeholder' ? ph : wd;
      const other = code === 'placeholder' ? wd : ph;
      const mine = own.filter((sp) => overlaps(sp, l0, a, b) && (code === 'placeholder' || sp.item[2] === code));
      const cross = [...own, ...other].filter((sp) => overlaps(sp, l0, a, b) && !mine.includes(sp));
      if (mine.length) {
        const fresh = mine.filter((sp) => !found.has(sp.key));
        if (fresh.length) {
          verdict = 'TP';
          found.add(fresh[0].key);
        } else {
          verdict = 'dup';
        }
      } else if (cross.length) {
        verdict = 'X';
        why = `right spot, labelled as ${phSet.has(cross[0]) ? 'placeholder' : cross[0].item[2]}`;
        for (const sp of cross) foundOther.add(sp.key);
      }
    }
    t[verdict]++;
    if (verdict === 'FP' || verdict === 'X' || (verdict === 'TP' && code !== 'placeholder')) {
      notes.push(`${name}:${l0 + 1} ${code} ${verdict} «${head(frag, 24)}» ${why || head(d.message, 60)}`);
    }
    if (verdict === 'FP' && (d.severity === 'error' || d.severity === 1)) tally.errorSeverityFP++;
  }
  // Label recall: a label counts as found only by a finding of its own rule.
  const recall = (sp: Span, rule: string, note: string) => {
    const c = tally.get(rule);
    if (found.has(sp.key)) {
      c.found++;
    } else {
      c.FN++;
      if (foundOther.has(sp.key)) c.FN_hit_by_other_rule++;
      notes.push(note);
    }
  };
  for (const sp of ph) {
    const rule = [...sp.item[1]].some((c) => MARKERS.has(c)) ? 'placeholder' : 'placeholder-gap';
    recall(sp, rule, `${name}:${sp.line0 + 1} ${rule} FN «${sp.item[1]}»`);
  }
  for (const sp of wd) recall(sp, sp.item[2]!, `${name}:${sp.line0 + 1} ${sp.item[2]} FN «${sp.item[1]}»`);
  tally.outOfScopeFN += lab.wording_errors.filter((w) => w[2] === 'out-of-scope').length;
  const residue = tally.get('template-residue');
  for (const i of [...resWhole].sort((x, y) => x - y)) {
    const ok = found.has(`res:${i}`);
    residue[ok ? 'found' : 'FN']++;
    if (!ok) notes.push(`${name}:${i + 1} template-residue FN «${head(lines[i] ?? '', 24)}»`);
  }
  for (const sp of resInline) {
    const ok = found.has(`resi:${sp.line0}:${sp.start}`);
    residue[ok ? 'found' : 'FN']++;
    if (!ok) notes.push(`${name}:${sp.line0 + 1} template-residue FN «${head(sp.item[1], 24)}» (in-line)`);
  }
  for (const g of resAny) {
    const ok = found.has(`resany:${g.join(',')}`);
    residue[ok ? 'found' : 'FN']++;
    if (!ok) notes.push(`${name}:${g.map((i) => i + 1).join('/')} template-residue FN (one of these lines)`);
  }
  for (const n of lab.numbering_errors) tally.get('numbering')[found.has(`num:${n[0] - 1}`) ? 'found' : 'FN']++;
}

// ---- the outline ----

interface OutlineCounts {
  files: number;
  titleRight: number;
  parts: number;
  partsFound: number;
  spuriousParts: number;
  extraReports: number;
}

export interface OutlineRow {
  file: string;
  titleWant: number | number[] | null;
  titleGot: number | null;
  slots: string[];
  labelledParts: string[];
}

function outline(name: string, lab: FileLabels, res: CheckedFile, o: OutlineCounts): OutlineRow {
  const reps = res.reports ?? [];
  const title = reps.length ? reps[0].title : null;
  const got = title ? title.line + 1 : null;
  o.files++;
  const wantTitle = Array.isArray(lab.title_line) ? lab.title_line : [lab.title_line];
  if (wantTitle.includes(got)) o.titleRight++;
  o.extraReports += Math.max(0, reps.length - 1);
  const slots = new Set<string | null>();
  const walk = (ss: OutlineSection[]) => {
    for (const s of ss) {
      slots.add(s.slot ?? null);
      walk(s.children ?? []);
    }
  };
  for (const r of reps.slice(0, 1)) walk(r.sections ?? []);
  for (const p of lab.parts_present) {
    if (p === 'situation') continue; // a 总体情况 read as achievements is acceptable
    o.parts++;
    if (slots.has(SLOT_OF_PART[p])) o.partsFound++;
  }
  const labelled = new Set(lab.parts_present.map((p) => SLOT_OF_PART[p]));
  o.spuriousParts += [...slots].filter((s) => s && s !== 'situation' && !labelled.has(s)).length;
  const named = [...slots].filter((s): s is string => !!s).sort();
  return { file: name, titleWant: lab.title_line, titleGot: got, slots: named, labelledParts: lab.parts_present };
}

// ---- the figures ----

export interface RuleRow {
  rule: string;
  tp: number;
  x: number;
  fp: number;
  fn: number;
  /** (TP + X) / (TP + X + FP); null without findings. */
  precision: number | null;
  /** TP / (TP + FN); null without labels. */
  recall: number | null;
  neutral: number;
  artifacts: number;
  dup: number;
  fnFlaggedByAnotherRule: number;
}

export interface GroupFigures {
  files: number;
  /** The rules with anything to count, in score.py's order; placeholder-gap last (not in `all`). */
  rules: RuleRow[];
  outOfScopeFN: number;
  /** All scored rules; precision and recall are 0 (not null) when there is nothing to divide, as score.py prints them. */
  all: { tp: number; x: number; fp: number; fn: number; precision: number; recall: number };
  errorSeverityFP: number;
  outline: OutlineCounts;
}

export interface Figures {
  corpus: string;
  checkedWith: string;
  groups: Record<Group, GroupFigures>;
  falseMissingSection: number;
  halfWidthArtifactsExcluded: number;
  /** With --verbose. */
  outlineRows?: OutlineRow[];
  notes?: string[];
}

function groupFigures(tally: Tally, files: number, o: OutlineCounts): GroupFigures {
  const rules: RuleRow[] = [];
  const tot = { tp: 0, x: 0, fp: 0, fn: 0 };
  for (const rule of [...RULES, 'placeholder-gap']) {
    const t = tally.get(rule);
    const tp = FINDING_SCORED.has(rule) ? t.TP : t.found;
    const { X: x, FP: fp, FN: fn } = t;
    if (!(tp || x || fp || fn || t.neutral || t.artifact)) continue;
    rules.push({
      rule, tp, x, fp, fn,
      precision: tp + x + fp ? (tp + x) / (tp + x + fp) : null,
      recall: tp + fn ? tp / (tp + fn) : null,
      neutral: t.neutral,
      artifacts: t.artifact,
      dup: t.dup,
      fnFlaggedByAnotherRule: t.FN_hit_by_other_rule,
    });
    if (rule !== 'placeholder-gap') {
      tot.tp += tp;
      tot.x += x;
      tot.fp += fp;
      tot.fn += fn;
    }
  }
  const precision = (tot.tp + tot.x) / Math.max(1, tot.tp + tot.x + tot.fp);
  const recall = tot.tp / Math.max(1, tot.tp + tot.fn);
  return { files, rules, outOfScopeFN: tally.outOfScopeFN, all: { ...tot, precision, recall }, errorSeverityFP: tally.errorSeverityFP, outline: o };
}

export interface CorpusInput {
  labels: Record<string, FileLabels>;
  texts: Record<string, string>;
  results: Record<string, CheckedFile>;
}

/** Judges every labelled file's findings; `results` are keyed by file name. */
export function score(input: CorpusInput, corpus: string, checkedWith: string, verbose = false): Figures {
  const tallies = { ideology: new Tally(), neighbour: new Tally() };
  const outlines = Object.fromEntries(GROUPS.map((g) => [g, { files: 0, titleRight: 0, parts: 0, partsFound: 0, spuriousParts: 0, extraReports: 0 }])) as Record<Group, OutlineCounts>;
  const files = { ideology: 0, neighbour: 0 };
  const notes: string[] = [];
  const rows: OutlineRow[] = [];
  for (const name of Object.keys(input.labels).sort()) {
    const lab = input.labels[name];
    const g = lab.genre.split('/')[0] as Group;
    if (!GROUPS.includes(g)) throw new CorpusError(`labels.json: ${name} has genre «${lab.genre}» (expected ideology/… or neighbour/…)`);
    files[g]++;
    const res = input.results[name];
    if (!res) throw new CorpusError(`no result for ${name}`);
    judge(name, input.texts[name], lab, res, tallies[g], notes);
    rows.push(outline(name, lab, res, outlines[g]));
  }
  const groups = Object.fromEntries(GROUPS.map((g) => [g, groupFigures(tallies[g], files[g], outlines[g])])) as Record<Group, GroupFigures>;
  const sum = (f: (t: Tally) => number) => GROUPS.reduce((n, g) => n + f(tallies[g]), 0);
  return {
    corpus,
    checkedWith,
    groups,
    falseMissingSection: sum((t) => t.get('missing-section').FP),
    halfWidthArtifactsExcluded: sum((t) => t.get('punctuation').artifact),
    ...(verbose ? { outlineRows: rows, notes } : {}),
  };
}

// ---- the printed report (score.py's layout) ----

function ruleTable(title: string, g: GroupFigures): string[] {
  const out = ['', `${title} (${g.files} files)`];
  out.push(`${'rule'.padEnd(20)} ${'TP'.padStart(4)} ${'X'.padStart(3)} ${'FP'.padStart(4)} ${'FN'.padStart(4)} ${'prec'.padStart(6)} ${'recall'.padStart(7)}  other`);
  for (const r of g.rules) {
    const prec = r.tp + r.x + r.fp ? fixed2(r.tp + r.x, r.tp + r.x + r.fp) : '-';
    const rec = r.tp + r.fn ? fixed2(r.tp, r.tp + r.fn) : '-';
    const extra: string[] = [];
    if (r.neutral) extra.push(`${r.neutral} neutral (part beyond the cut)`);
    if (r.artifacts) extra.push(`${r.artifacts} half-width artifacts excluded`);
    if (r.dup) extra.push(`${r.dup} dup`);
    if (r.fnFlaggedByAnotherRule) extra.push(`${r.fnFlaggedByAnotherRule} FN flagged by another rule`);
    out.push(`${r.rule.padEnd(20)} ${String(r.tp).padStart(4)} ${String(r.x).padStart(3)} ${String(r.fp).padStart(4)} ${String(r.fn).padStart(4)} ${prec.padStart(6)} ${rec.padStart(7)}  ${extra.join('; ')}`);
  }
  out.push(`${'(out-of-scope FN)'.padEnd(20)} ${''.padStart(4)} ${''.padStart(3)} ${''.padStart(4)} ${String(g.outOfScopeFN).padStart(4)}`);
  const a = g.all;
  out.push(
    `${'all scored rules'.padEnd(20)} ${String(a.tp).padStart(4)} ${String(a.x).padStart(3)} ${String(a.fp).padStart(4)} ${String(a.fn).padStart(4)} ` +
      `${fixed2(a.tp + a.x, Math.max(1, a.tp + a.x + a.fp)).padStart(6)} ${fixed2(a.tp, Math.max(1, a.tp + a.fn)).padStart(7)}  error-severity FPs: ${g.errorSeverityFP}`,
  );
  const o = g.outline;
  out.push(`outline: title right ${o.titleRight}/${o.files}; labelled parts found ${o.partsFound}/${o.parts}; spurious parts ${o.spuriousParts}; extra (false) reports ${o.extraReports}`);
  return out;
}

export function renderReport(f: Figures): string {
  const out: string[] = [];
  for (const g of GROUPS) out.push(...ruleTable(`== ${g} drafts: per-rule results`, f.groups[g]));
  if (f.outlineRows && f.notes) {
    out.push('', '-- outline per file');
    for (const r of f.outlineRows) {
      out.push(`${r.file.padEnd(40)} title want ${pyStr(r.titleWant).padStart(4)} got ${pyStr(r.titleGot).padStart(4)}  slots ${r.slots.join(',') || '-'}  (labelled: ${r.labelledParts.join(',')})`);
    }
    out.push('', '-- judged findings and misses', ...f.notes);
  }
  const line = (a: GroupFigures['all']) => `P=${fixed2(a.tp + a.x, Math.max(1, a.tp + a.x + a.fp))} R=${fixed2(a.tp, Math.max(1, a.tp + a.fn))} (TP ${a.tp}, X ${a.x}, FP ${a.fp}, FN ${a.fn})`;
  out.push(
    '',
    `SUMMARY corpus: ideology ${line(f.groups.ideology.all)}; neighbours ${line(f.groups.neighbour.all)}; ` +
      `false missing-section ${f.falseMissingSection}; half-width punctuation artifacts excluded ${f.halfWidthArtifactsExcluded}`,
  );
  return out.join('\n');
}

// ---- reading the corpus and checking it ----

/** The labels and texts of a corpus folder; notes about unlabelled drafts go to `warn`. */
export function readCorpus(dir: string, warn: (s: string) => void = () => {}): Omit<CorpusInput, 'results'> {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new CorpusError(`no corpus folder at ${dir} (give the folder of .txt drafts and labels.json: npm run accuracy -- DIR)`);
  }
  const labelsPath = path.join(dir, 'labels.json');
  if (!fs.existsSync(labelsPath)) throw new CorpusError(`${dir} has no labels.json, so its drafts cannot be scored`);
  let labels: Record<string, FileLabels>;
  try {
    labels = JSON.parse(fs.readFileSync(labelsPath, 'utf8'));
  } catch (e) {
    throw new CorpusError(`${labelsPath}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const texts: Record<string, string> = {};
  for (const name of Object.keys(labels)) {
    const p = path.join(dir, name);
    if (!fs.existsSync(p)) throw new CorpusError(`labels.json names ${name}, which is not in ${dir}`);
    // As Python's open(): universal newlines (CRLF and CR read as LF), a BOM kept.
    texts[name] = fs.readFileSync(p, 'utf8').replace(/\r\n?/g, '\n');
  }
  const unlabelled = fs.readdirSync(dir).filter((n) => n.endsWith('.txt') && !(n in labels));
  if (unlabelled.length) warn(`note: ${unlabelled.length} .txt file(s) without labels are not scored: ${unlabelled.join(', ')}`);
  return { labels, texts };
}

/** The CLI's JSON for `paths`, from the engine in this process or from a built CLI; keyed by file name. */
export function checkFiles(paths: string[], cli?: string, warn: (s: string) => void = () => {}): Record<string, CheckedFile> {
  let code: number | null;
  let stdout: string;
  let stderr: string;
  const argv = ['check', '--format', 'json', ...paths];
  if (cli) {
    const r = spawnSync(process.execPath, [cli, ...argv], { encoding: 'utf8', maxBuffer: 1 << 30, timeout: 300_000 });
    if (r.error) throw new CorpusError(`could not run ${cli}: ${r.error.message}`);
    ({ status: code, stdout, stderr } = r);
  } else {
    const out: string[] = [];
    const err: string[] = [];
    code = runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
    stdout = out.join('\n');
    stderr = err.join('\n');
  }
  if (code !== 0 && code !== 1) throw new CorpusError(`CLI exited ${code}: ${stderr.slice(-400)}`);
  if (stderr.trim()) warn(stderr.trimEnd());
  const files = (JSON.parse(stdout) as { files: CheckedFile[] }).files;
  return Object.fromEntries(files.map((f) => [path.basename(f.path), f]));
}

const USAGE = 'usage: node out/bench/accuracy.js [DIR] [--cli FILE] [--verbose] [--json]   (npm run accuracy -- [DIR] ...)';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** The command; returns the exit code. Relative paths are taken from where npm was run (INIT_CWD). */
export function main(argv: string[], io: Io, cwd = process.env.INIT_CWD ?? process.cwd()): number {
  let dir: string | undefined;
  let cli: string | undefined;
  let verbose = false;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--verbose') verbose = true;
    else if (a === '--json') json = true;
    else if (a === '--cli' && i + 1 < argv.length) cli = path.resolve(cwd, argv[++i]);
    else if (a === '-h' || a === '--help') {
      io.out(USAGE);
      return 0;
    } else if (a.startsWith('-') || dir !== undefined) {
      io.err(`accuracy: unexpected argument ${a}\n${USAGE}`);
      return 2;
    } else dir = path.resolve(cwd, a);
  }
  const corpus = dir ?? DEFAULT_CORPUS;
  try {
    if (cli && !fs.existsSync(cli)) throw new CorpusError(`no CLI at ${cli}`);
    const { labels, texts } = readCorpus(corpus, io.err);
    const results = checkFiles(Object.keys(labels).sort().map((n) => path.join(corpus, n)), cli, io.err);
    const figures = score({ labels, texts, results }, corpus, cli ?? 'engine in-process (runCli, as dist/cli.js)', verbose);
    io.out(json ? JSON.stringify(figures, null, 2) : renderReport(figures));
    return 0;
  } catch (e) {
    if (e instanceof CorpusError) {
      io.err(`accuracy: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') });
}
