/**
 * The few facts the reader needs from styles.xml: each style's name, what it is
 * based on, its outline level and numbering (paragraph styles), and the run
 * properties that hide or mark text (hidden, highlight, shading) for character
 * styles. Everything is resolved through w:basedOn on demand and memoised.
 */
import { XmlScanner, XmlSink } from './xml';

export interface StyleDef {
  id: string;
  type: string;
  name?: string;
  basedOn?: string;
  isDefault: boolean;
  outlineLevel?: number;
  numId?: string;
  ilvl?: number;
  vanish?: boolean;
  highlight?: string;
  shading?: string;
}

export interface ParagraphStyleInfo {
  id: string;
  name?: string;
  /** 1–9 for a heading style (heading N / 标题 N, or a style based on one). */
  headingLevel?: number;
  /** 0–8 from w:outlineLvl through the chain; undefined for body text (9). */
  outlineLevel?: number;
  numId?: string;
  ilvl?: number;
  isToc: boolean;
}

export interface RunStyleInfo {
  vanish?: boolean;
  highlight?: string;
  shading?: string;
}

/** Heading style names: the built-in English names Word stores, and the names WPS and Chinese templates use. */
const HEADING_NAME = /^(?:heading|标题)\s*([1-9])$/i;
/** Table-of-contents entry styles: Word's toc N, LibreOffice's Contents N, 目录 N. */
const TOC_NAME = /^(?:toc|contents|目录)\s*[1-9]$/i;

/** w:val of an on/off property: absent or true/1/on means on. */
export function onOff(value: string | undefined): boolean {
  return value === undefined || value === 'true' || value === '1' || value === 'on';
}

/** The fill of a w:shd element, or undefined when it paints nothing. */
export function shadingFill(x: XmlScanner): string | undefined {
  const val = x.attr('w:val');
  if (val === 'nil') return undefined;
  let fill = x.attr('w:fill');
  if (val === 'solid') fill = x.attr('w:color') ?? fill;
  if (!fill) return undefined;
  const f = fill.toUpperCase();
  return f === 'AUTO' || f === 'FFFFFF' ? undefined : f;
}

export class Styles {
  readonly byId = new Map<string, StyleDef>();
  defaultParagraphStyle?: string;
  private readonly paragraphMemo = new Map<string, ParagraphStyleInfo>();
  private readonly runMemo = new Map<string, RunStyleInfo>();

  static parse(xml: Buffer | undefined): Styles {
    const styles = new Styles();
    if (xml !== undefined) new XmlScanner(xml).run(new StylesSink(styles));
    return styles;
  }

  /** Walks `id` and its w:basedOn ancestors (cycles cut). */
  private *chain(id: string): Generator<StyleDef> {
    const seen = new Set<string>();
    let cur = this.byId.get(id);
    while (cur && !seen.has(cur.id)) {
      seen.add(cur.id);
      yield cur;
      cur = cur.basedOn !== undefined ? this.byId.get(cur.basedOn) : undefined;
    }
  }

  paragraph(id: string | undefined): ParagraphStyleInfo | undefined {
    const styleId = id ?? this.defaultParagraphStyle;
    if (styleId === undefined) return undefined;
    const memo = this.paragraphMemo.get(styleId);
    if (memo) return memo;
    const own = this.byId.get(styleId);
    const info: ParagraphStyleInfo = { id: styleId, name: own?.name, isToc: false };
    let outline: number | undefined;
    let numId: string | undefined;
    let ilvl: number | undefined;
    for (const s of this.chain(styleId)) {
      if (info.headingLevel === undefined && s.name) {
        const m = HEADING_NAME.exec(s.name.trim());
        if (m) info.headingLevel = Number(m[1]);
      }
      if (!info.isToc && s.name && TOC_NAME.test(s.name.trim())) info.isToc = true;
      if (outline === undefined && s.outlineLevel !== undefined) outline = s.outlineLevel;
      if (numId === undefined && s.numId !== undefined) {
        numId = s.numId;
        ilvl = s.ilvl;
      }
    }
    if (!own) {
      // No styles part, or a style it does not define: fall back on the usual ids.
      const m = /^heading\s?([1-9])$/i.exec(styleId);
      if (m) info.headingLevel = Number(m[1]);
    }
    if (outline !== undefined && outline >= 0 && outline <= 8) info.outlineLevel = outline;
    if (info.headingLevel === undefined && info.outlineLevel !== undefined && own?.name && !/^(?:normal|正文)$/i.test(own.name)) {
      // A custom style with an outline level is a heading to Word's navigation pane.
      info.headingLevel = info.outlineLevel + 1;
    }
    if (numId !== undefined) {
      info.numId = numId;
      info.ilvl = ilvl;
    }
    this.paragraphMemo.set(styleId, info);
    return info;
  }

  run(id: string): RunStyleInfo {
    const memo = this.runMemo.get(id);
    if (memo) return memo;
    const info: RunStyleInfo = {};
    for (const s of this.chain(id)) {
      if (info.vanish === undefined && s.vanish !== undefined) info.vanish = s.vanish;
      if (info.highlight === undefined && s.highlight !== undefined) info.highlight = s.highlight;
      if (info.shading === undefined && s.shading !== undefined) info.shading = s.shading;
    }
    this.runMemo.set(id, info);
    return info;
  }
}

class StylesSink implements XmlSink {
  wantText = false;
  private cur: StyleDef | null = null;
  private names: string[] = [];
  private skip = 0;

  constructor(private readonly styles: Styles) {}

  start(name: string, x: XmlScanner): void {
    if (this.skip > 0 || name.endsWith('Change')) {
      this.skip++;
      return;
    }
    const parent = this.names[this.names.length - 1];
    this.names.push(name);
    const cur = this.cur;
    if (name === 'w:style') {
      const id = x.attr('w:styleId') ?? '';
      this.cur = { id, type: x.attr('w:type') ?? 'paragraph', isDefault: onOff(x.attr('w:default')) && x.attr('w:default') !== undefined };
      return;
    }
    if (!cur) return;
    switch (name) {
      case 'w:name':
        cur.name = x.attr('w:val');
        break;
      case 'w:basedOn':
        cur.basedOn = x.attr('w:val');
        break;
      case 'w:outlineLvl': {
        const v = Number(x.attr('w:val'));
        if (Number.isInteger(v)) cur.outlineLevel = v;
        break;
      }
      case 'w:numId':
        if (parent === 'w:numPr') cur.numId = x.attr('w:val');
        break;
      case 'w:ilvl':
        if (parent === 'w:numPr') {
          const v = Number(x.attr('w:val'));
          if (Number.isInteger(v) && v >= 0 && v <= 8) cur.ilvl = v;
        }
        break;
      case 'w:vanish':
        if (parent === 'w:rPr') cur.vanish = onOff(x.attr('w:val'));
        break;
      case 'w:highlight':
        if (parent === 'w:rPr') {
          const v = x.attr('w:val');
          cur.highlight = v && v !== 'none' ? v : '';
        }
        break;
      case 'w:shd':
        if (parent === 'w:rPr') cur.shading = shadingFill(x) ?? '';
        break;
    }
  }

  end(name: string): void {
    if (this.skip > 0) {
      this.skip--;
      return;
    }
    this.names.pop();
    if (name === 'w:style' && this.cur) {
      const s = this.cur;
      this.cur = null;
      if (!this.styles.byId.has(s.id)) this.styles.byId.set(s.id, s);
      if (s.type === 'paragraph' && s.isDefault && this.styles.defaultParagraphStyle === undefined) {
        this.styles.defaultParagraphStyle = s.id;
      }
    }
  }

  text(): void {}
}
