/**
 * Seeded generator of hostile drafts for the fuzz tests: random mixes of
 * headings of every style and number, placeholders, CJK text, template
 * residue, control characters, lone surrogates, NUL bytes, mixed line ends.
 * The same seed always gives the same document, so a failure can be replayed.
 */

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '二十', '九十九'];
const TITLES = ['2024年意识形态工作总结', '篇2：2023年上半年意识形态工作总结', '202X年某镇意识形态工作报告', '# 2025年意识形态工作责任制落实情况', '意识形态工作总结汇编', '（3篇）', '2024年工作'];
const HEADING_WORDS = ['主要工作开展情况', '存在的问题', '下一步工作打算', '意识形态领域形势研判分析', '加强组织领导，压实主体责任', '存在问题及下一步计划', '工作思路', '', '强化理论武装。一是学习。二是研讨。'];
const SENTENCES = [
  '全年召开专题会议X次，研究部署意识形态工作。',
  '但也存在一些不足，主要是学习形式单一。',
  '下一步，我们将继续压实责任。',
  'xx镇党委在《XX日报》发表稿件xx篇，利用APP和PPT开展学习。',
  '二是加强阵地建设；三是管好网络阵地。',
  '本文系投稿，仅供学习参考，请勿照搬照抄！',
  '##paidbegin##此处隐藏3000字，下载后查看',
  '某某同志、某镇、20__年、【单位名称】、（  ）、××、○○、zz公众号。',
  '2023年以来，深入学习贯彻党的十九大精神和党的二十大大精神,加强对、微博等的管理，如。',
  '现将年意识形态工作情况总结如下。',
  '　　',
  '...',
  '…',
];
const ODD = ['\u0000', '\u0001', '\u001b', '\ud800', '\udfff', '\ufeff', '\u200b', '\u3000', '\t', '\u2028', '\u0085', '𠮷', '🙂', '\uffff', '\\', '$', '(', '[', '*', '#'];
const EOLS = ['\n', '\r\n', '\r'];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function marker(r: () => number): string {
  const n = pick(r, CN);
  const d = String(1 + Math.floor(r() * 30));
  switch (Math.floor(r() * 9)) {
    case 0: return `${n}、`;
    case 1: return `（${n}）`;
    case 2: return `(${n})`;
    case 3: return `${d}.`;
    case 4: return `${d}、`;
    case 5: return `（${d}）`;
    case 6: return `${n}是`;
    case 7: return '①②③'.charAt(Math.floor(r() * 3));
    default: return '#'.repeat(1 + Math.floor(r() * 6)) + ' ' + `${n}、`;
  }
}

function line(r: () => number): string {
  const kind = r();
  let s: string;
  if (kind < 0.08) s = pick(r, TITLES);
  else if (kind < 0.4) s = marker(r) + pick(r, HEADING_WORDS) + (r() < 0.5 ? pick(r, SENTENCES) : '');
  else if (kind < 0.9) {
    s = '';
    const n = 1 + Math.floor(r() * 4);
    for (let i = 0; i < n; i++) s += pick(r, SENTENCES);
  } else s = '';
  // Sprinkle odd characters anywhere, including inside markers.
  const odd = Math.floor(r() * 3);
  for (let i = 0; i < odd; i++) {
    const at = Math.floor(r() * (s.length + 1));
    s = s.slice(0, at) + pick(r, ODD) + s.slice(at);
  }
  return s;
}

/** A random document of about `lines` lines with mixed line ends. */
export function randomDocument(seed: number, lines = 40): string {
  const r = rng(seed);
  const n = Math.floor(r() * lines) + 1;
  let out = r() < 0.1 ? '\ufeff' : '';
  const mixed = r() < 0.3;
  const eol = pick(r, EOLS);
  for (let i = 0; i < n; i++) {
    out += line(r);
    if (i < n - 1 || r() < 0.5) out += mixed ? pick(r, EOLS) : eol;
  }
  return out;
}

/** One line of about `size` characters: no line ends at all. */
export function singleHugeLine(size: number): string {
  const unit = '全年召开会议X次，开展学习12次，xx镇《XX》党的二十大精神,APP。一是加强领导。';
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** A report with `count` headings, numbered in several levels. */
export function manyHeadings(count: number): string {
  const out = ['2024年意识形态工作总结', '现将有关情况总结如下。'];
  for (let i = 0; i < count; i++) {
    const level = i % 4;
    const n = (i % 9) + 1;
    out.push(level === 0 ? `${CN[n - 1]}、主要工作开展情况` : level === 1 ? `（${CN[n - 1]}）加强组织领导` : level === 2 ? `${n}.健全制度` : `（${n}）完善学习制度。开展学习X次。`);
  }
  return out.join('\n');
}
