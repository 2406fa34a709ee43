/**
 * formulation: near-misses of standard formulations (规范表述) — a character
 * missing, inserted or swapped, or in a long name written as another
 * (新世代 for 新时代) (党的创理论 → 党的创新理论, 开展论学习中心组 →
 * 理论学习中心组, 党的十九精神 → 党的十九大精神), the guiding thought without
 * 习近平, and the wrong verb for 四个意识 / 四个自信 / 两个维护 / 两个确立.
 *
 * The wordings and their sources are data (data/formulations.json). Words
 * keep the near-misses honest: a variant of a short formulation counts only when
 * it starts and ends on word boundaries (同一议题 is 同一/议题, not a
 * 第一议题 that lost its 第), and a wrong verb only when it is a word of its own.
 * Hence requiresSegmenter. A doubled character (二十大大) is duplicated-char's.
 */
import data from '../data/formulations.json';
import { LineWords } from '../engine/words';
import { Segmenter } from '../engine/segmenter';
import { lineRange, RuleFinding } from '../engine/types';
import { LineRule } from './rule';

type Edit = 'missing' | 'extra' | 'swapped' | 'substituted';

interface Candidate {
  start: number;
  end: number;
  text: string;
  right: string;
  message: string;
  source: string;
  /** Replacement for [start, end); null when there is no single right correction. */
  replacement: string | null;
  /** Short formulations must sit on word boundaries. */
  needsBoundaries: boolean;
}

/** Canonicals at least this long are distinctive enough to match without word boundaries. */
const DISTINCTIVE = 7;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface NearMiss {
  right: string;
  variants: Map<string, Edit>;
  /** One inserted character: prefix + any Han character + suffix. */
  extra: RegExp | null;
  /** One character written wrong (a long formulation only, by its entry's choice): prefix + another Han character + suffix. */
  substituted: RegExp | null;
  source: string;
  /**
   * The distinct characters among the first four of the right form. A variant
   * with one character missing, swapped or inserted keeps at least two of them
   * (in any order), so a line with fewer cannot hold a variant: checked first.
   */
  keys: string[];
}

/** True when `line` holds at least two of `keys` (all of them when there are fewer than two). */
function mayHold(line: string, keys: string[]): boolean {
  let hits = 0;
  for (const k of keys) if (line.includes(k) && ++hits >= 2) return true;
  return hits >= keys.length;
}

function buildNearMiss(right: string, edits: Edit[], except: string[], source: string): NearMiss {
  const chars = [...right];
  const variants = new Map<string, Edit>();
  const add = (v: string, e: Edit) => {
    if (v !== right && !except.includes(v) && !variants.has(v)) variants.set(v, e);
  };
  if (edits.includes('missing')) for (let i = 0; i < chars.length; i++) add([...chars.slice(0, i), ...chars.slice(i + 1)].join(''), 'missing');
  if (edits.includes('swapped')) {
    for (let i = 0; i + 1 < chars.length; i++) {
      if (chars[i] === chars[i + 1]) continue;
      const c = chars.slice();
      [c[i], c[i + 1]] = [c[i + 1], c[i]];
      add(c.join(''), 'swapped');
    }
  }
  let extra: RegExp | null = null;
  if (edits.includes('extra')) {
    const alts: string[] = [];
    for (let i = 1; i < chars.length; i++) alts.push(`${escapeRe(chars.slice(0, i).join(''))}\\p{Script=Han}${escapeRe(chars.slice(i).join(''))}`);
    extra = new RegExp(alts.join('|'), 'gu');
  }
  let substituted: RegExp | null = null;
  if (edits.includes('substituted')) {
    const alts: string[] = [];
    for (let i = 0; i < chars.length; i++) alts.push(`${escapeRe(chars.slice(0, i).join(''))}(?!${escapeRe(chars[i])})\\p{Script=Han}${escapeRe(chars.slice(i + 1).join(''))}`);
    substituted = new RegExp(alts.join('|'), 'gu');
  }
  return { right, variants, extra, substituted, source, keys: [...new Set(chars.slice(0, 4))] };
}

interface Collocation {
  term: string;
  right: string[];
  wrong: string[];
  usual: string;
  source: string;
}

type Entry = (typeof data.entries)[number];

const NEAR_MISSES: NearMiss[] = [];
const WRONGS: { wrong: string; right: string; source: string }[] = [];
const PATTERNS: { re: RegExp; replacement: string; right: string; message: string; source: string }[] = [];
const COLLOCATIONS: Collocation[] = [];

for (const e of data.entries as Entry[]) {
  const x = e as Record<string, unknown>;
  switch (e.kind) {
    case 'near-miss':
      NEAR_MISSES.push(buildNearMiss(x.right as string, x.edits as Edit[], (x.except as string[]) ?? [], e.source));
      break;
    case 'wrong':
      for (const w of x.wrong as string[]) WRONGS.push({ wrong: w, right: x.right as string, source: e.source });
      break;
    case 'pattern':
      PATTERNS.push({ re: new RegExp(x.pattern as string, 'gu'), replacement: x.replacement as string, right: x.right as string, message: x.message as string, source: e.source });
      break;
    case 'collocation':
      COLLOCATIONS.push({ term: x.term as string, right: x.rightVerbs as string[], wrong: x.wrongVerbs as string[], usual: x.usual as string, source: e.source });
      break;
  }
}

const EDIT_TEXT: Record<Edit, string> = { missing: '少了一个字', extra: '多了一个字', swapped: '有两个字顺序颠倒', substituted: '有一个字写错了' };

function allIndexes(line: string, s: string): number[] {
  const out: number[] = [];
  for (let i = line.indexOf(s); i >= 0; i = line.indexOf(s, i + 1)) out.push(i);
  return out;
}

/** True when an occurrence of `right` covers [start, end): the variant is part of the right wording. */
function insideRight(line: string, right: string, start: number, end: number): boolean {
  for (let p = Math.max(0, end - right.length); p <= start; p++) if (line.startsWith(right, p)) return true;
  return false;
}

/**
 * Where any variant of any form may start: one regular expression over all of
 * them finds the places in one pass (a search per variant cost ten times more),
 * and the variants starting with the character there are then tried exactly.
 */
let variantStarts: RegExp | null = null;
const VARIANTS_BY_FIRST = new Map<string, { nm: NearMiss; variant: string; edit: Edit }[]>();

function indexVariants(): RegExp {
  if (variantStarts) return variantStarts;
  const all: string[] = [];
  for (const nm of NEAR_MISSES) {
    for (const [variant, edit] of nm.variants) {
      const first = variant.charAt(0);
      const list = VARIANTS_BY_FIRST.get(first) ?? [];
      list.push({ nm, variant, edit });
      VARIANTS_BY_FIRST.set(first, list);
      all.push(variant);
    }
  }
  variantStarts = new RegExp(all.length ? all.map(escapeRe).join('|') : '(?!)', 'g');
  return variantStarts;
}

function pushNearMiss(out: Candidate[], line: string, nm: NearMiss, start: number, text: string, edit: Edit): void {
  const end = start + text.length;
  if (insideRight(line, nm.right, start, end)) return;
  out.push({
    start,
    end,
    text,
    right: nm.right,
    message: `「${text}」${EDIT_TEXT[edit]}，规范表述是「${nm.right}」。`,
    source: nm.source,
    replacement: nm.right,
    needsBoundaries: [...nm.right].length < DISTINCTIVE,
  });
}

function nearMissCandidates(line: string): Candidate[] {
  const out: Candidate[] = [];
  const starts = indexVariants();
  starts.lastIndex = 0;
  for (let m = starts.exec(line); m; m = starts.exec(line)) {
    const at = m.index;
    for (const v of VARIANTS_BY_FIRST.get(line.charAt(at)) ?? []) if (line.startsWith(v.variant, at)) pushNearMiss(out, line, v.nm, at, v.variant, v.edit);
    // Variants may overlap: look again from the next character.
    starts.lastIndex = at + 1;
  }
  for (const nm of NEAR_MISSES) {
    const substituted = nm.substituted;
    if (!substituted || !mayHold(line, nm.keys)) continue;
    substituted.lastIndex = 0;
    for (let m = substituted.exec(line); m; m = substituted.exec(line)) {
      pushNearMiss(out, line, nm, m.index, m[0], 'substituted');
      substituted.lastIndex = m.index + 1;
    }
  }
  for (const nm of NEAR_MISSES) {
    const extra = nm.extra;
    if (!extra || !mayHold(line, nm.keys)) continue;
    extra.lastIndex = 0;
    for (let m = extra.exec(line); m; m = extra.exec(line)) {
      const text = m[0];
      // An inserted copy of a neighbour is a doubled character: duplicated-char reports it.
      const chars = [...text];
      const doubled = chars.some((c, i) => i > 0 && c === chars[i - 1] && !nm.right.includes(c + c));
      if (!doubled) pushNearMiss(out, line, nm, m.index, text, 'extra');
      extra.lastIndex = m.index + 1;
    }
  }
  for (const w of WRONGS) {
    for (const i of allIndexes(line, w.wrong)) {
      out.push({
        start: i,
        end: i + w.wrong.length,
        text: w.wrong,
        right: w.right,
        message: `「${w.wrong}」不是规范表述，应为「${w.right}」。`,
        source: w.source,
        replacement: w.right,
        needsBoundaries: true,
      });
    }
  }
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(line))) {
      const groups = m;
      const replacement = p.replacement.replace(/\$(\d)/g, (_, d: string) => groups[Number(d)] ?? '');
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        text: m[0],
        right: replacement,
        message: `「${m[0]}」应为「${replacement}」：${p.message}`,
        source: p.source,
        replacement,
        needsBoundaries: false,
      });
    }
  }
  return out;
}

function collocationCandidates(line: string, words: LineWords): Candidate[] {
  const out: Candidate[] = [];
  for (const c of COLLOCATIONS) {
    for (const at of allIndexes(line, c.term)) {
      let v = at;
      if (/[“"「‘]/.test(line[v - 1] ?? '')) v--;
      const verb = words.wordAt(v - 1);
      if (!verb || verb.end !== v || !c.wrong.includes(verb.text)) continue;
      const end = at + c.term.length + (/[”"」’]/.test(line[at + c.term.length] ?? '') ? 1 : 0);
      out.push({
        start: verb.start,
        end,
        text: line.slice(verb.start, end),
        right: c.usual,
        message: `「${verb.text}」与「${c.term}」不搭配：规范表述是「${c.usual}」（可用的动词：${c.right.join('、')}）。`,
        source: c.source,
        // Which word was meant (the verb or the term) is the author's call.
        replacement: null,
        needsBoundaries: false,
      });
    }
  }
  return out;
}

export const formulationRule: LineRule = {
  id: 'formulation',
  docs: {
    title: '规范提法有误',
    summary: '规范表述写错：漏字、多字、颠倒（党的创理论、理论学习中心组写成论学习中心组），省略「习近平」，「四个意识」等搭配的动词不当',
    readme: { problem: '规范表述写错', examples: '`党的十九精神`、`党的创理论`、`开展论学习中心组`、`增强“四个自信”`' },
    hover: {
      explanation: '党的会议、理论、制度的规范提法漏字、错字或用了不规范的简称（如“党的十九精神”漏了“大”，“理论学习中心组”写成“论学习中心组”）。这类提法必须与中央文件的写法一致。',
      wrong: '认真组织党组论学习中心组学习，深入学习党的二十精神。',
      right: '认真组织党组理论学习中心组学习，深入学习党的二十大精神。',
    },
    details: [
      '规范表述写错：漏字、多字、两字颠倒，较长的全称中有一个字写错（`习近平新世代中国特色社会主义思想`），省略「习近平」，「四个意识」等与动词搭配不当。',
      '',
      '- 默认级别：警告',
      '- 可一键修复：是（漏字、多字、颠倒、错字、省略的情况，改为规范表述）；动词搭配不当时不提供一键修复，因为可能该改的是动词，也可能是后面的提法，需要作者判断',
      '- 需要中文分词：是',
      '',
      '检查的表述及其出处都写在数据文件 `server/src/data/formulations.json` 中，每条都注明来源（如《中国共产党章程》、',
      '党的二十大报告、《中国共产党党委（党组）理论学习中心组学习规则》）。目前包括：',
      '习近平新时代中国特色社会主义思想（全称，不能省略「习近平」）、党的创新理论、理论学习中心组、党的十九大／二十大（不能省略「大」）、',
      '十九届四中全会（不能省略「届」）、三会一课、一岗双责、第一议题、社会主义核心价值观、意识形态工作责任制，',
      '以及 增强“四个意识”、坚定“四个自信”、做到“两个维护”、深刻领悟“两个确立”的决定性意义 的动词搭配。',
      '较短的表述要求前后都落在词的边界上，所以 `同一议题`、`每一议题`、`第一个议题` 不会被当成漏了字的「第一议题」。',
      '`理论中心组`、`深刻理解“两个确立”` 这类通行说法不报告。',
      '「习近平总书记关于……的重要思想（重要论述）」省略了「习近平」（`总书记关于党的建设的重要思想`、`习总书记关于……的重要论述`）',
      '或整个省略了提出者（`深入学习贯彻关于……的重要思想`）时报告；引用中央文件名称时漏了「工作」',
      '（`《党委（党组）意识形态责任制实施办法》`）也报告，正文中通行的简称「落实意识形态责任制」和单位自己的文件（`《意识形态责任制清单》`）不报告。',
      '「党的十九精神」在党的二十大以后的报告中同时是过时的提法，由规则 `outdated-reference` 一并报告，本规则在此处不重复报告。',
      '',
      '- 错误示例：`开展论学习中心组学习，抓好党的创理论学习，教育党员坚定“四个意识”。`',
      '- 正确示例：`开展理论学习中心组学习，抓好党的创新理论学习，教育党员增强“四个意识”、坚定“四个自信”。`',
    ],
  },
  defaultSeverity: 'warning',
  fixable: true,
  requiresSegmenter: true,
  scope: 'line',
  kinds: ['body', 'heading', 'title'],
  checkLine: (line, ctx) => formulationFindings(line, ctx.segmenter!),
};

/** The near-misses and wrong collocations of one line, as findings on line 0. */
function formulationFindings(line: string, segmenter: Segmenter): RuleFinding[] {
  const out: RuleFinding[] = [];
  const words = new LineWords(segmenter, line);
  const candidates = [...nearMissCandidates(line), ...collocationCandidates(line, words)]
    .filter((c) => !c.needsBoundaries || (words.isBoundary(c.start) && words.isBoundary(c.end)))
    // One finding per place: the earliest, then the longest.
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let reach = -1;
  for (const c of candidates) {
    if (c.start < reach) continue;
    reach = c.end;
    const range = lineRange(0, c.start, c.end);
    out.push({
      message: c.message,
      range,
      fix: c.replacement !== null ? { title: `改为「${c.replacement}」`, edits: [{ range, newText: c.replacement }] } : undefined,
      data: { right: c.right, source: c.source },
    });
  }
  return out;
}
