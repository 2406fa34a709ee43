/**
 * Automatic numbering: numbering.xml's definitions, the counters Word keeps
 * while it lays a story out, and the number formats, so that the number a
 * reader sees ("一、", "（二）", "1.2") becomes part of the paragraph text.
 *
 * Counters follow Word: paragraphs whose w:num instances share one
 * w:abstractNum continue one list; a w:num with w:lvlOverride/w:startOverride
 * restarts the overridden levels the first time it is used (and whenever
 * those levels restart later); a level restarts when a higher level advances,
 * or per w:lvlRestart (0: never; N: when a level above N-th advances).
 */
import { Styles, onOff } from './styles';
import { XmlScanner, XmlSink } from './xml';

export interface LevelDef {
  start?: number;
  numFmt?: string;
  /** w:numFmt w:val="custom" w:format="001, 002, 003, …" (Word 2010+, inside mc:AlternateContent). */
  customFormat?: string;
  lvlText?: string;
  restart?: number;
  isLgl: boolean;
  suffix?: 'tab' | 'space' | 'nothing';
  pStyle?: string;
}

interface AbstractDef {
  id: string;
  levels: (LevelDef | undefined)[];
  singleLevel: boolean;
  numStyleLink?: string;
}

interface NumDef {
  id: string;
  abstractId?: string;
  overrides: Map<number, { start?: number; level?: LevelDef }>;
}

function newLevel(): LevelDef {
  return { isLgl: false };
}

export class NumberingDefs {
  readonly abstracts = new Map<string, AbstractDef>();
  readonly nums = new Map<string, NumDef>();

  static parse(xml: Buffer | undefined): NumberingDefs {
    const defs = new NumberingDefs();
    if (xml !== undefined) new XmlScanner(xml).run(new NumberingSink(defs));
    return defs;
  }

  /**
   * The abstract definition a num uses, following w:numStyleLink → numbering
   * style → its num → its abstractNum (one hop, as Word does).
   */
  abstractOf(num: NumDef, styles: Styles): AbstractDef | undefined {
    const a = num.abstractId !== undefined ? this.abstracts.get(num.abstractId) : undefined;
    if (a?.numStyleLink !== undefined) {
      const linkedNumId = styles.byId.get(a.numStyleLink)?.numId;
      const linked = linkedNumId !== undefined ? this.nums.get(linkedNumId) : undefined;
      const target = linked?.abstractId !== undefined ? this.abstracts.get(linked.abstractId) : undefined;
      if (target && target.numStyleLink === undefined) return target;
    }
    return a;
  }
}

class NumberingSink implements XmlSink {
  wantText = false;
  private abstract: AbstractDef | null = null;
  private num: NumDef | null = null;
  private override: { ilvl: number; start?: number; level?: LevelDef } | null = null;
  private level: LevelDef | null = null;
  private levelIndex = 0;
  private skip = 0;

  constructor(private readonly defs: NumberingDefs) {}

  start(name: string, x: XmlScanner): void {
    if (this.skip > 0 || name.endsWith('Change')) {
      this.skip++;
      return;
    }
    switch (name) {
      case 'w:abstractNum':
        this.abstract = { id: x.attr('w:abstractNumId') ?? '', levels: [], singleLevel: false };
        return;
      case 'w:num':
        this.num = { id: x.attr('w:numId') ?? '', overrides: new Map() };
        return;
      case 'w:multiLevelType':
        if (this.abstract) this.abstract.singleLevel = x.attr('w:val') === 'singleLevel';
        return;
      case 'w:numStyleLink':
        if (this.abstract) this.abstract.numStyleLink = x.attr('w:val');
        return;
      case 'w:abstractNumId':
        if (this.num) this.num.abstractId = x.attr('w:val');
        return;
      case 'w:lvlOverride': {
        const ilvl = Number(x.attr('w:ilvl'));
        if (this.num && Number.isInteger(ilvl) && ilvl >= 0 && ilvl <= 8) this.override = { ilvl };
        return;
      }
      case 'w:startOverride': {
        const v = Number(x.attr('w:val'));
        if (this.override && Number.isInteger(v)) this.override.start = v;
        return;
      }
      case 'w:lvl': {
        const ilvl = Number(x.attr('w:ilvl'));
        if (Number.isInteger(ilvl) && ilvl >= 0 && ilvl <= 8 && (this.abstract || this.override)) {
          this.level = newLevel();
          this.levelIndex = ilvl;
        }
        return;
      }
    }
    const lvl = this.level;
    if (!lvl) return;
    const val = x.attr('w:val');
    switch (name) {
      case 'w:start': {
        const v = Number(val);
        if (Number.isInteger(v)) lvl.start = v;
        break;
      }
      case 'w:numFmt':
        if (val === 'custom') lvl.customFormat = x.attr('w:format');
        else if (val) lvl.numFmt = val;
        break;
      case 'w:lvlText':
        lvl.lvlText = val;
        break;
      case 'w:lvlRestart': {
        const v = Number(val);
        if (Number.isInteger(v)) lvl.restart = v;
        break;
      }
      case 'w:isLgl':
        lvl.isLgl = onOff(val);
        break;
      case 'w:suff':
        if (val === 'tab' || val === 'space' || val === 'nothing') lvl.suffix = val;
        break;
      case 'w:pStyle':
        lvl.pStyle = val;
        break;
    }
  }

  end(name: string): void {
    if (this.skip > 0) {
      this.skip--;
      return;
    }
    switch (name) {
      case 'w:lvl':
        if (this.level) {
          if (this.override) this.override.level = this.level;
          else if (this.abstract) this.abstract.levels[this.levelIndex] ??= this.level;
          this.level = null;
        }
        break;
      case 'w:lvlOverride':
        if (this.override && this.num) {
          const { ilvl, start, level } = this.override;
          this.num.overrides.set(ilvl, { start, level });
        }
        this.override = null;
        break;
      case 'w:abstractNum':
        if (this.abstract && !this.defs.abstracts.has(this.abstract.id)) this.defs.abstracts.set(this.abstract.id, this.abstract);
        this.abstract = null;
        break;
      case 'w:num':
        if (this.num && !this.defs.nums.has(this.num.id)) this.defs.nums.set(this.num.id, this.num);
        this.num = null;
        break;
    }
  }

  text(): void {}
}

export interface NumberLabel {
  /** The rendered number ("一、", "（二）", "1.1"); for a bullet, the bullet character(s). */
  text: string;
  /** What Word puts between the number and the text. */
  suffix: '\t' | ' ' | '';
  bullet: boolean;
  level: number;
}

interface ListState {
  values: number[];
  /** The level has not been used since it (re)started: its next value is nextStart. */
  fresh: boolean[];
  nextStart: number[];
}

/** Counters for one story (the body, a text box, a header…). */
export class ListCounters {
  private readonly lists = new Map<AbstractDef, ListState>();
  private readonly usedNums = new Set<string>();

  constructor(
    private readonly defs: NumberingDefs,
    private readonly styles: Styles,
  ) {}

  /**
   * Advances the counters for a paragraph numbered (numId, ilvl) and returns
   * its label; `fromStyle` when the numbering comes from the paragraph style.
   */
  next(numId: string, ilvl: number | undefined, styleId: string | undefined, fromStyle: boolean): NumberLabel | undefined {
    const num = this.defs.nums.get(numId);
    if (!num) return undefined;
    const abs = this.defs.abstractOf(num, this.styles);
    if (!abs) return undefined;
    let level = ilvl;
    if (fromStyle && styleId !== undefined) {
      // Numbering that comes with a paragraph style takes the level whose w:pStyle names
      // that style, whatever the style's own w:ilvl says (ECMA-376 17.9.23).
      const linked = abs.levels.findIndex((l) => l?.pStyle === styleId);
      if (linked >= 0) level = linked;
    }
    level = abs.singleLevel ? 0 : Math.min(Math.max(level ?? 0, 0), 8);
    const levelDef = (k: number): LevelDef | undefined => {
      const o = num.overrides.get(k)?.level;
      if (o) return o;
      return abs.levels[k];
    };
    // A level the definition lacks takes the nearest level above it (as Word does).
    let def: LevelDef | undefined;
    for (let k = level; k >= 0 && !def; k--) def = levelDef(k);
    if (!def) return undefined;
    let st = this.lists.get(abs);
    if (!st) {
      st = { values: new Array(9).fill(0), fresh: new Array(9).fill(true), nextStart: [] };
      for (let k = 0; k < 9; k++) st.nextStart[k] = levelDef(k)?.start ?? 0;
      this.lists.set(abs, st);
    }
    if (!this.usedNums.has(numId)) {
      this.usedNums.add(numId);
      for (const [k, o] of num.overrides) {
        if (o.start !== undefined) {
          st.fresh[k] = true;
          st.nextStart[k] = o.start;
        } else if (o.level) {
          st.fresh[k] = true;
          st.nextStart[k] = o.level.start ?? 0;
        }
      }
    }
    if (st.fresh[level]) {
      st.values[level] = st.nextStart[level];
      st.fresh[level] = false;
    } else {
      st.values[level]++;
    }
    for (let m = level + 1; m < 9; m++) {
      const dm = levelDef(m);
      const restart = dm?.restart;
      if (restart === 0) continue;
      // w:lvlRestart N: restart when a level numbered below N (1-based) is used; by default any level above.
      if (level < (restart ?? m)) {
        st.fresh[m] = true;
        st.nextStart[m] = num.overrides.get(m)?.start ?? dm?.start ?? 0;
      }
    }
    const fmt = def.numFmt ?? 'decimal';
    const suffix = def.suffix === 'space' ? ' ' : def.suffix === 'nothing' ? '' : '\t';
    const lvlText = def.lvlText ?? '';
    if (fmt === 'bullet') return { text: lvlText, suffix, bullet: true, level };
    const state = st;
    const text = lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const dk = levelDef(k) ?? def!;
      const value = k === level ? state.values[k] : k < level && !state.fresh[k] ? state.values[k] : state.nextStart[k];
      let f = dk.numFmt ?? 'decimal';
      let custom = dk.customFormat;
      if (def!.isLgl && f !== 'decimalZero') {
        f = 'decimal';
        custom = undefined;
      }
      return formatNumber(value, f, custom);
    });
    return { text, suffix: text === '' ? '' : suffix, bullet: false, level };
  }
}

const CN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const CN_LEGAL = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const TW_LEGAL = ['零', '壹', '貳', '參', '肆', '伍', '陸', '柒', '捌', '玖'];
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** 1–99 in counting form: 一 … 十, 十一, 二十, 九十九 (`units`: 十 or 拾). */
function countingBelow100(n: number, digits: string[], ten: string, leadingOneForTen: boolean): string {
  if (n < 10) return digits[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 && !leadingOneForTen ? '' : digits[tens]) + ten + (ones ? digits[ones] : '');
}

/**
 * 1–9999 read out with 十百千 and 〇/零 for skipped places:
 * 101 一百〇一, 110 一百一十, 1010 一千〇一十.
 */
function countingThousand(n: number, digits: string[], units: [string, string, string], zero: string, leadingOneForTen: boolean): string {
  if (n < 100) return countingBelow100(n, digits, units[0], leadingOneForTen);
  const places = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  const unitOf = [units[2], units[1], units[0], ''];
  let out = '';
  let pendingZero = false;
  let started = false;
  for (let i = 0; i < 4; i++) {
    const d = places[i];
    if (d === 0) {
      if (started) pendingZero = true;
      continue;
    }
    if (pendingZero) out += zero;
    pendingZero = false;
    started = true;
    out += digits[d] + unitOf[i];
  }
  return out;
}

function digitWise(n: number, digits: string[]): string {
  return String(n)
    .split('')
    .map((c) => digits[Number(c)])
    .join('');
}

function letters(n: number, base: string): string {
  const code = base.charCodeAt(0) + ((n - 1) % 26);
  return String.fromCharCode(code).repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

function enclosed(n: number, ranges: [number, number, number][]): string | undefined {
  for (const [from, to, code] of ranges) if (n >= from && n <= to) return String.fromCodePoint(code + n - from);
  return undefined;
}

/** Renders `n` in a w:numFmt (ST_NumberFormat); formats not known here fall back to decimal. */
export function formatNumber(n: number, fmt: string, customFormat?: string): string {
  if (customFormat) {
    // "001, 002, 003, ..." and the like: zero padding to the width of the first example.
    const m = /^(0+)1\b/.exec(customFormat.trim());
    if (m) return String(n).padStart(m[1].length + 1, '0');
  }
  if (n < 0) return String(n);
  switch (fmt) {
    case 'none':
      return '';
    case 'decimal':
    case 'decimalHalfWidth':
      return String(n);
    case 'decimalZero':
      return n < 10 ? '0' + n : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    case 'upperRoman':
      return n > 0 ? roman(n) : '0';
    case 'lowerRoman':
      return n > 0 ? roman(n).toLowerCase() : '0';
    case 'upperLetter':
      return n > 0 ? letters(n, 'A') : '0';
    case 'lowerLetter':
      return n > 0 ? letters(n, 'a') : '0';
    case 'ordinal': {
      const t = n % 100;
      const suffix = t >= 11 && t <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
      return n + suffix;
    }
    case 'chineseCounting':
    case 'taiwaneseCounting':
    case 'japaneseCounting':
      if (n >= 1 && n <= 99) return countingBelow100(n, CN_DIGITS, '十', false);
      if (n >= 100 && n <= 9999) return digitWise(n, CN_DIGITS);
      return String(n);
    case 'chineseCountingThousand':
    case 'taiwaneseCountingThousand':
    case 'japaneseDigitalTenThousand':
      if (n >= 1 && n <= 9999) return countingThousand(n, CN_DIGITS, ['十', '百', '千'], '〇', false);
      return String(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return digitWise(n, CN_DIGITS);
    case 'chineseLegalSimplified':
      if (n >= 1 && n <= 9999) return countingThousand(n, CN_LEGAL, ['拾', '佰', '仟'], '零', true);
      return String(n);
    case 'ideographLegalTraditional':
      if (n >= 1 && n <= 9999) return countingThousand(n, TW_LEGAL, ['拾', '佰', '仟'], '零', true);
      return String(n);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? HEAVENLY_STEMS.charAt(n - 1) : String(n);
    case 'ideographZodiac':
      return n >= 1 && n <= 12 ? EARTHLY_BRANCHES.charAt(n - 1) : String(n);
    case 'ideographEnclosedCircle':
      return enclosed(n, [[1, 10, 0x3220]]) ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosed(n, [[1, 20, 0x2460], [21, 35, 0x3251], [36, 50, 0x32b1]]) ?? String(n);
    case 'decimalEnclosedFullstop':
      return enclosed(n, [[1, 20, 0x2488]]) ?? String(n);
    case 'decimalEnclosedParen':
      return enclosed(n, [[1, 20, 0x2474]]) ?? String(n);
    default:
      return String(n);
  }
}
