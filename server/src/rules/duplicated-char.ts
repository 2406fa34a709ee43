/**
 * duplicated-char: a character or word typed twice — 党的二十大大精神, 资料的的收集,
 * 对照对照检查 — told apart from real reduplication by the words around it.
 *
 * With words, a doubled character XX is:
 * - one word (大大, 常常, 人人, 层层压实, 一一对应, 实实在在): real reduplication,
 *   silent. The dictionary keeps every word with a doubled character for this
 *   (scripts/build-dict.mjs);
 * - a word ending in X and a stray X, or a stray X and a word starting with X
 *   (二十大/大, 学/学习): a typing error — unless it is 一个个, 一次次 (一 + measure
 *   word), a year before 年初/年底 (2023年年底), part of an AABB pair, or a
 *   particle or connector next to its twin (进行了了解, 稳定和和谐, 与与会代表);
 * - two stray Xs: a typing error only for function characters that never
 *   reduplicate (的的, 在在, 和和); content characters are left alone, since
 *   names (王丽丽) and words the dictionary lacks look the same;
 * - two words, each longer than X (工作/作风, 学习/习近平): two words that happen
 *   to meet, silent.
 * A word typed twice (对照/对照, 意识形态/意识形态) is an error too, except the
 * colloquial ABAB verbs (研究研究); so is a word before a longer word that starts
 * with it (责任/责任制). A year's 年 typed twice before the period's own words
 * (202X年年意识形态) is found although both 年 stand alone; 工作/作/了 is a light verb.
 * The fix deletes the stray copy.
 */
import lostYear from '../data/lost-year.json';
import { LineWords, Word, wordAt as findWord } from '../engine/words';
import { Segmenter } from '../engine/segmenter';
import { lineRange, RuleFinding } from '../engine/types';
import { LineRule } from './rule';

const HAN = /^\p{Script=Han}$/u;

/** Function characters that do not reduplicate in written Chinese. */
const NEVER_DOUBLED = new Set([...'的了和在是对与及将把被为从向并或也就都而之其以于由让使给这那我你他她它们所得地着过吗呢吧啊']);
/**
 * Particles, conjunctions and prepositions that stand next to a word starting
 * or ending with the same character in good Chinese: 进行了了解, 围绕着着力,
 * 稳定和和谐, 与与会代表, 目的的实现, 参与与配合. A stray copy of them is only
 * reported when both copies stand alone (的的).
 */
const JOINS_ITS_TWIN = new Set([...'的了着过地得和与及对在为以于是把被将从向并或也就都而之其由让使给等']);
/** Measure words of 一个个, 一次次, 一步步, 一项项 … */
const MEASURE = new Set([...'个次步项件条批名位家户层级年天月届场轮遍张本页篇份种类回趟座栋处块片棵株颗粒']);
/** Words after a year that start with 年 (2023年年底 is 2023年 + 年底). */
const YEAR_WORD = /^年(?:初|底|末|终|中|内|度|前|后|来)/;
/**
 * What follows the year of a report's own period (意识形态, 工作, 以来 …, the data
 * year-mismatch uses for a lost year): after 2023年年 or 202X年年 it shows the
 * second 年 is typed twice, while 2023年年产值, 2023年年均 are a year and a 年- word.
 */
const PERIOD_WORD = new RegExp(`^(?:${lostYear.after.join('|')})`);
/**
 * Light verbs with an aspect or result mark after them: 工作作了汇报 is 工作 +
 * 作了, no stray 作.
 */
const LIGHT_VERB = new Set([...'作做搞抓讲用看说写办干谈']);
const VERB_MARK = new Set([...'了过着出好为到成']);
/**
 * Two-character verbs that reduplicate as ABAB in good Chinese (研究研究, 商量商量):
 * typed twice they are a tentative "do a little". Verbs of formal reports
 * (落实, 对照, 学习) are not here: 落实落实 is a typing error.
 */
/**
 * The character before a meeting's 会 (党委会, 支委会, 常委会, 党组会, 党小组会, 办公会,
 * 局务会, 座谈会, 联席会, 例会): 支委会会议 is 支委会 + 会议, which the segmenter cuts
 * as 支委 / 会 / 会议 when it lacks the meeting's name.
 */
const MEETING_HEAD = new Set([...'委组公务谈席例']);
const ABAB_VERBS = new Set(['研究', '商量', '讨论', '考虑', '琢磨', '打听', '休息', '锻炼', '活动', '交流', '沟通', '了解', '介绍', '比较', '收拾', '打扫', '放松', '体验', '感受', '尝试', '思考', '反思', '熟悉', '准备', '梳理', '盘点', '走访', '看望']);

export interface Duplication {
  /** The stray copy to delete. */
  start: number;
  end: number;
  /** The doubled text as shown to the user (二十大大, 的的, 对照对照). */
  shownStart: number;
  shownEnd: number;
  text: string;
}

function isAABB(line: string, i: number): boolean {
  // line[i] === line[i+1]; AABB if the next two or the previous two are a pair too.
  const a = line[i];
  const next = line[i + 2] !== undefined && line[i + 2] === line[i + 3] && line[i + 2] !== a;
  const prev = i >= 2 && line[i - 2] === line[i - 1] && line[i - 1] !== a;
  return next || prev;
}

export function findDuplications(line: string, words: readonly Word[]): Duplication[] {
  const out: Duplication[] = [];
  const wordAt = (i: number) => findWord(words, i);
  for (let i = 0; i + 1 < line.length; i++) {
    // Compare codes first: taking each character as a string costs an allocation per character.
    if (line.charCodeAt(i) !== line.charCodeAt(i + 1)) continue;
    const x = line[i];
    if (!HAN.test(x)) continue;
    const left = wordAt(i);
    const right = wordAt(i + 1);
    if (!left || !right) continue;
    // One word: real reduplication (大大, 常常, 层层压实, 实实在在).
    if (left === right) continue;
    if (isAABB(line, i)) continue;
    const leftSingle = left.text === x;
    const rightSingle = right.text === x;
    if (!leftSingle && !rightSingle) continue; // 工作/作风, 学习/习近平
    if (x === '年' && /[0-9０-９XxＸｘ]/.test(line[i - 1] ?? '')) {
      // 202X年年意识形态工作计划: the period's own words follow, so the second 年 is typed twice.
      if (leftSingle && rightSingle && PERIOD_WORD.test(line.slice(i + 2))) {
        out.push({ start: i + 1, end: i + 2, shownStart: i, shownEnd: i + 2, text: x + x });
      }
      continue;
    }
    if (leftSingle && rightSingle) {
      if (!NEVER_DOUBLED.has(x)) continue;
      if (line[i + 2] === x) continue; // 哈哈哈-like runs are not typing slips
      out.push({ start: i + 1, end: i + 2, shownStart: i, shownEnd: i + 2, text: x + x });
      continue;
    }
    if (JOINS_ITS_TWIN.has(x)) continue;
    // 一个个, 一次次: 一 + measure word, then the measure word again.
    if (MEASURE.has(x)) {
      const before = line.slice(Math.max(0, i - 1), i);
      if (before === '一' || left.text === '一' + x) continue;
    }
    // 2023年年底, 今年年初
    if (x === '年' && rightSingle === false && YEAR_WORD.test(right.text)) continue;
    // 支委会会议, 党小组会会议: a meeting's name, then 会议.
    if (x === '会' && leftSingle && MEETING_HEAD.has(line[i - 1] ?? '') && right.text.startsWith('会议')) continue;
    // 工作作了汇报: 作了 is the verb.
    if (rightSingle && LIGHT_VERB.has(x) && VERB_MARK.has(line[i + 2] ?? '')) continue;
    if (leftSingle) {
      // x + word starting with x (学学习): the first copy is the stray one.
      out.push({ start: i, end: i + 1, shownStart: i, shownEnd: right.end, text: line.slice(i, right.end) });
    } else {
      // word ending in x + x (二十大大): the second copy is the stray one.
      out.push({ start: i + 1, end: i + 2, shownStart: left.start, shownEnd: i + 2, text: line.slice(left.start, i + 2) });
    }
  }
  // A word typed twice: 对照对照, 落实落实; also before a longer word that starts with it: 责任责任制.
  for (let k = 0; k + 1 < words.length; k++) {
    const a = words[k];
    const b = words[k + 1];
    if (a.text.length < 2 || ![...a.text].every((c) => HAN.test(c))) continue;
    if (a.text === b.text) {
      if (ABAB_VERBS.has(a.text)) continue; // 研究研究, 商量商量
      out.push({ start: b.start, end: b.end, shownStart: a.start, shownEnd: b.end, text: a.text + b.text });
    } else if (b.text.length > a.text.length && b.text.startsWith(a.text) && b.start === a.end) {
      // 责任责任制: the first copy is the stray one.
      out.push({ start: a.start, end: a.end, shownStart: a.start, shownEnd: b.end, text: a.text + b.text });
    }
  }
  return out.sort((p, q) => p.start - q.start);
}

/**
 * A line can only hold a duplication when a Han character or a run of them
 * comes twice in a row; the others are not cut into words. Runs up to 16
 * characters: the domain dictionary's longest terms (习近平新时代中国特色社会主义思想).
 */
const MAY_HOLD_DUPLICATION = /(\p{Script=Han})\1|(\p{Script=Han}{2,16})\2/u;

export const duplicatedCharRule: LineRule = {
  id: 'duplicated-char',
  docs: {
    title: '字词重复',
    summary: '误输入的重复字词（党的二十大大精神、资料的的、对照对照），不包括大大提高、常常、层层压实等正常叠词',
    readme: { problem: '误重复的字', examples: '`党的二十大大精神`、`资料的的`（`大大提高`、`层层压实` 不算）' },
    hover: {
      explanation: '同一个字或词被误打了两遍（如“二十大大”“的的”）。叠词（常常、人人、层层）和固定说法不在此列。快速修复会删去多打的那一个。',
      wrong: '深入学习贯彻党的二十大大精神。',
      right: '深入学习贯彻党的二十大精神。',
    },
    details: [
      '误输入的重复字词：`党的二十大大精神`、`资料的的收集`、`对照对照检查`。',
      '',
      '- 默认级别：警告',
      '- 可一键修复：是（删去多出来的那个字或词）',
      '- 需要中文分词：是。分词组件还在加载或不可用时，这条规则暂不运行，其余检查照常进行。',
      '',
      '正常的叠词不报告：`大大提高`、`常常`、`层层压实`、`人人参与`、`天天`、`时时处处`、`一一对应`、`谢谢`、',
      '`扎扎实实`、`一个个`、`2023年年底`；两个词恰好首尾同字（`工作作风`、`学习习近平`）也不报告。',
      '判断依据是分词结果：重复的两个字同在一个词里是叠词；一个词后面多出一个单独的同字（二十大/大）才是误输入。',
      '人名中的叠字（王丽丽）等内容字不报告，只有「的、在、和、了」这类从不重叠的虚词两两相连时才报告。',
      '一个词后面紧跟以它开头的更长的词（`责任责任制`、`主体主体责任`）也是误输入；年份后面多打的「年」（`2024年年意识形态工作`、`202X年年工作要点`）也报告，',
      '`2024年年底`、`2024年年均增长`、`2024年年产值` 不报告。动词带「了、过、出」时不算重复（`工作作了部署`）；',
      '口语中可以重叠的双音节动词（`研究研究`、`商量商量`）不报告，公文常用动词重叠（`落实落实`、`对照对照`）仍报告。',
      '',
      '- 错误示例：`深入学习贯彻党的二十大大精神，认真做好资料的的整理工作。`',
      '- 正确示例：`深入学习贯彻党的二十大精神，认真做好资料的整理工作，干部职工的政治素养大大提高。`',
    ],
  },
  defaultSeverity: 'warning',
  fixable: true,
  requiresSegmenter: true,
  scope: 'line',
  kinds: ['body', 'heading', 'title'],
  checkLine: (line, ctx) => duplicationFindings(line, ctx.segmenter!),
};

/** The doubled characters of one line, as findings on line 0. */
function duplicationFindings(line: string, segmenter: Segmenter): RuleFinding[] {
  const out: RuleFinding[] = [];
  if (!MAY_HOLD_DUPLICATION.test(line)) return out;
  const words = new LineWords(segmenter, line);
  for (const d of findDuplications(line, words.words())) {
    const stray = line.slice(d.start, d.end);
    const fixed = line.slice(d.shownStart, d.start) + line.slice(d.end, d.shownEnd);
    out.push({
      message: `「${d.text}」中的「${stray}」重复了，应为「${fixed}」。`,
      range: lineRange(0, d.shownStart, d.shownEnd),
      fix: { title: `删去重复的「${stray}」`, edits: [{ range: lineRange(0, d.start, d.end), newText: '' }] },
      data: { stray, right: fixed },
    });
  }
  return out;
}
