/**
 * number-form: numbers written in a form GB/T 15835—2011 does not allow.
 *
 * - Arabic digits mixed with the Chinese units 千 and 百 (5千人, 3万5千元,
 *   2百余人): 5.3 allows 万 and 亿 after Arabic digits (3.5万, 10亿零817万)
 *   and nothing else (not 4千, not 1百0八). Fix: 5000人, 3.5万元, 200余人.
 *   千米, 千克, 千瓦, 千伏, 千帕, 千焦, 千赫 are units, not numbers.
 * - 百分之 with Arabic digits (百分之12): 12% (5.3: no mixing).
 * - A range written with a hyphen (3-5次, 2023-2024年): 5.1.3 and GB/T
 *   15834—2011 4.13 join a range with 「～」 (or 「—」); fix: 3～5次. Only
 *   before a measure word or a unit of time, with the first number smaller
 *   and neither one of a code, a date or a phone number.
 *
 * Thousands separators (1,000) are allowed by 5.1.1 (千分撇 or 千分空) and
 * are not reported; nor is any spacing. Every fix is certain: fix all applies it.
 */
import { lineRange, RuleFinding } from '../engine/types';
import { LineRule } from './rule';

const QUICK = /[0-9][千百]|百分之[0-9]|[0-9][-－][0-9]/;

/** An expression of Arabic digits and Chinese units, at least one of them 千 or 百. */
const MIXED = /(?<![0-9.])(?:[0-9]+(?:\.[0-9]+)?[亿万])*(?:[0-9]+(?:\.[0-9]+)?[千百十])+[0-9]?(?!\.?[0-9])/g;
const PART = /([0-9]+(?:\.[0-9]+)?)([亿万千百十]?)/g;
const UNIT_VALUE: Record<string, number> = { 亿: 1e8, 万: 1e4, 千: 1e3, 百: 100, 十: 10, '': 1 };
/** Units written with 千 (千米 is kilometres, not thousands). */
const SI_AFTER = /^[米克瓦伏帕焦赫卡]/;

const PERCENT = /百分之([0-9]+(?:\.[0-9]+)?)/g;

/** Measure words and units a range of counts or times ends in. */
const RANGE_UNIT = '次个人名天年月日场期项家户条篇件届批轮支所处座元周页章节级岁小分';
const RANGE = new RegExp(`(?<![0-9A-Za-z/.\\-－:_])([1-9][0-9]{0,3}|0)[-－]([1-9][0-9]{0,3})(?=[${RANGE_UNIT}])`, 'g');

/** n as a decimal without float noise (3.5, not 3.5000000001). */
function decimal(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

/** The standard form of a mixed expression, or null when its parts do not read as one number. */
export function standardNumber(expr: string): string | null {
  PART.lastIndex = 0;
  const parts: { n: number; unit: string }[] = [];
  for (let m = PART.exec(expr); m; m = PART.exec(expr)) parts.push({ n: Number(m[1]), unit: m[2] });
  // Units must fall (3万5千, not 5千3万); a bare trailing number counts in the next unit down (3千5 = 3500).
  let last = Infinity;
  let value = 0;
  for (let k = 0; k < parts.length; k++) {
    let unit = UNIT_VALUE[parts[k].unit];
    if (parts[k].unit === '') {
      if (k === 0 || k !== parts.length - 1) return null;
      unit = last / 10;
    }
    if (unit >= last) return null;
    last = unit;
    value += parts[k].n * unit;
  }
  if (!Number.isFinite(value)) return null;
  const big = parts.find((p) => p.unit === '亿') ? '亿' : parts.find((p) => p.unit === '万') ? '万' : '';
  return big ? decimal(value / UNIT_VALUE[big]) + big : decimal(value);
}

export function numberFormFindings(line: string): RuleFinding[] {
  if (!QUICK.test(line)) return [];
  const out: RuleFinding[] = [];
  MIXED.lastIndex = 0;
  for (let m = MIXED.exec(line); m; m = MIXED.exec(line)) {
    const expr = m[0];
    if (!/[千百]/.test(expr)) continue;
    const after = line.slice(m.index + expr.length);
    if (/[千]$/.test(expr) && SI_AFTER.test(after)) continue;
    if (/百$/.test(expr) && after.startsWith('分')) continue;
    const right = standardNumber(expr);
    if (right === null) continue;
    out.push({
      message: `「${expr}」把阿拉伯数字和汉字数字混在一起，应写作「${right}」（GB/T 15835—2011 第5.3条：阿拉伯数字只可与「万」「亿」连用）。`,
      range: lineRange(0, m.index, m.index + expr.length),
      fix: { title: `改为「${right}」`, edits: [{ range: lineRange(0, m.index, m.index + expr.length), newText: right }] },
      data: { kind: 'mixed', right },
    });
  }
  PERCENT.lastIndex = 0;
  for (let m = PERCENT.exec(line); m; m = PERCENT.exec(line)) {
    const right = m[1] + '%';
    out.push({
      message: `「${m[0]}」把汉字和阿拉伯数字混在一起，应写作「${right}」（GB/T 15835—2011 第5.3条）。`,
      range: lineRange(0, m.index, m.index + m[0].length),
      fix: { title: `改为「${right}」`, edits: [{ range: lineRange(0, m.index, m.index + m[0].length), newText: right }] },
      data: { kind: 'percent', right },
    });
  }
  RANGE.lastIndex = 0;
  for (let m = RANGE.exec(line); m; m = RANGE.exec(line)) {
    if (Number(m[1]) >= Number(m[2])) continue;
    const at = m.index + m[1].length;
    out.push({
      message: `表示数值范围「${m[0]}」应使用浪纹线「～」（如「${m[1]}～${m[2]}」）或写作「${m[1]}至${m[2]}」，不用连字符（GB/T 15835—2011 第5.1.3条，GB/T 15834—2011 第4.13条）。`,
      range: lineRange(0, m.index, m.index + m[0].length),
      fix: { title: `改为「${m[1]}～${m[2]}」`, edits: [{ range: lineRange(0, at, at + 1), newText: '～' }] },
      data: { kind: 'range', right: `${m[1]}～${m[2]}` },
    });
  }
  return out.sort((a, b) => a.range.start.character - b.range.start.character);
}

export const numberFormRule: LineRule = {
  id: 'number-form',
  docs: {
    title: '数字写法不规范',
    summary: '阿拉伯数字与「千」「百」混写（5千人、3万5千元）、`百分之12`、用连字符表示范围（3-5次）',
    readme: { problem: '数字写法', examples: '`5千人`、`3万5千元`、`百分之12`、`3-5次`' },
    hover: {
      explanation: '阿拉伯数字只可与「万」「亿」连用（GB/T 15835—2011《出版物上数字用法》第5.3条）：「5千人」应写作「5000人」，「3万5千元」应写作「3.5万元」，「百分之12」应写作「12%」。表示范围用浪纹线「～」，或写作「3至5次」，不用连字符（第5.1.3条）。快速修复会改成标准写法。',
      wrong: '参训党员5千余人，覆盖率达百分之95，每人每年学习3-5次。',
      right: '参训党员5000余人，覆盖率达95%，每人每年学习3～5次。',
    },
    details: [
      '不合 GB/T 15835—2011《出版物上数字用法》的数字写法。',
      '',
      '- 默认级别：警告',
      '- 可一键修复：是（改为标准写法）',
      '- 需要中文分词：否',
      '',
      '- 阿拉伯数字与「千」「百」混写：`5千人` → `5000人`，`3万5千元` → `3.5万元`，`2百余人` → `200余人`。',
      '  第5.3条：数值很大时「万」「亿」可用汉字，其余部分用阿拉伯数字（`3.5万`、`10亿零817万`）；除此之外不能混用。',
      '  `千米`、`千克`、`千瓦`、`千伏` 等是计量单位，不报告。',
      '- `百分之12` → `12%`（第5.3条）。',
      '- 用连字符 `-` 表示范围：`3-5次` → `3～5次`（也可写作「3至5次」；第5.1.3条，GB/T 15834—2011 第4.13条）。',
      '  只在后面是量词或时间单位、前一个数小于后一个数时报告；编号、日期、电话号码、标准号（`GB/T 9704-2012`）不报告。',
      '',
      '千位分节（`1,000`、`10 000`）是第5.1.1条允许的写法，不报告；数字与汉字之间是否空格也不做要求。',
      '',
      '- 错误示例：`参训党员5千余人，覆盖率达百分之95，每人每年学习3-5次。`',
      '- 正确示例：`参训党员5000余人，覆盖率达95%，每人每年学习3～5次。`',
    ],
  },
  defaultSeverity: 'warning',
  fixable: true,
  scope: 'line',
  kinds: ['body', 'heading', 'title'],
  mayFind: (line) => QUICK.test(line),
  checkLine: (line) => numberFormFindings(line),
};
