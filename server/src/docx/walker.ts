/**
 * Walks one WordprocessingML part (document, header, footer, footnotes,
 * endnotes, comments) and builds its paragraphs: text with tracked changes,
 * fields and hidden text sorted out, the marks that become findings, and the
 * automatic number put in front.
 */
import { ListCounters, NumberingDefs } from './numbering';
import { Styles, onOff, shadingFill } from './styles';
import { DocxFindingKind, DocxParagraph, DocxRegion } from './types';
import { XmlScanner, XmlSink } from './xml';

export type PartKind = 'body' | 'header' | 'footer' | 'footnote' | 'endnote' | 'comment';

/** A mark on a stretch of a paragraph's text (raw offsets, before the number is put in front). */
export interface Span {
  kind: DocxFindingKind;
  start: number;
  end: number;
  /** Text left out of the paragraph (deletions, hidden text, watermarks), where start = end. */
  excluded?: string;
  author?: string;
  date?: string;
  color?: string;
}

export class ParaBuilder {
  readonly parts: string[] = [];
  length = 0;
  styleId?: string;
  numId?: string;
  ilvl?: number;
  outlineLevel?: number;
  markDeleted = false;
  toc = false;
  /** Paragraphs of text boxes anchored in this one, emitted right after it. */
  readonly children: ParaBuilder[] = [];
  readonly spans: Span[] = [];
  private readonly lastSpan = new Map<string, Span>();
  /** Set when the paragraph is finished. */
  prefixLength = 0;
  paragraph!: DocxParagraph;
  index = -1;

  constructor(
    public region: DocxRegion,
    readonly part: string,
    readonly table: { index: number; row: number; cell: number } | undefined,
    readonly commentId: string | undefined,
  ) {}

  append(s: string): void {
    this.parts.push(s);
    this.length += s.length;
  }

  /** Marks [start, end), merged with the previous mark of the same kind and details when they touch. */
  mark(kind: DocxFindingKind, start: number, end: number, author?: string, date?: string, color?: string): void {
    const key = kind + '\u0000' + (author ?? '') + '\u0000' + (date ?? '') + '\u0000' + (color ?? '');
    const last = this.lastSpan.get(key);
    if (last && last.excluded === undefined && last.end === start) {
      last.end = end;
      return;
    }
    const span: Span = { kind, start, end, author, date, color };
    this.spans.push(span);
    this.lastSpan.set(key, span);
  }

  /** Records text left out at the current end, merged with left-out text of the same kind just before. */
  exclude(kind: DocxFindingKind, text: string, author?: string, date?: string): void {
    const at = this.length;
    const key = '-' + kind + '\u0000' + (author ?? '') + '\u0000' + (date ?? '');
    const last = this.lastSpan.get(key);
    if (last && last.start === at) {
      last.excluded += text;
      return;
    }
    const span: Span = { kind, start: at, end: at, excluded: text, author, date };
    this.spans.push(span);
    this.lastSpan.set(key, span);
  }
}

interface RunState {
  vanish?: boolean;
  highlight?: string;
  shading?: string;
  color?: string;
  rStyle?: string;
  resolved: boolean;
}

interface Field {
  instr: string;
  result: boolean;
  toc: boolean;
}

interface TablePos {
  index: number;
  row: number;
  cell: number;
}

interface Story {
  textbox: boolean;
  para: ParaBuilder | null;
  outerParas: ParaBuilder[];
  run: RunState | null;
  fields: Field[];
  /** Fields on the stack still in their instruction part: their text is not shown. */
  hiddenFields: number;
  tables: TablePos[];
  counters: ListCounters;
  lastFinished: ParaBuilder | null;
  pendingCommentStarts: string[];
  /** For a text box: the paragraph it is anchored in. */
  anchor: ParaBuilder | null;
}

interface Revision {
  author?: string;
  date?: string;
}

export interface Anchor {
  para: ParaBuilder;
  offset: number;
}

export interface CommentAnchors {
  start?: Anchor;
  end?: Anchor;
  reference?: Anchor;
}

export interface CommentContent {
  id: string;
  author?: string;
  date?: string;
  paras: ParaBuilder[];
}

/** What all parts of one document share while they are walked. */
export class ReadContext {
  readonly anchors = new Map<string, CommentAnchors>();
  readonly comments: CommentContent[] = [];
  /** Header and footer relationship ids in the order the sections name them. */
  readonly headerFooterRefs: { id: string; kind: 'header' | 'footer' }[] = [];
  tableCount = 0;
  /** Marks that belong to no paragraph (a watermark outside any paragraph). */
  readonly loose: { kind: DocxFindingKind; text: string; part: string }[] = [];

  constructor(
    readonly styles: Styles,
    readonly numbering: NumberingDefs,
  ) {}

  anchorsOf(id: string): CommentAnchors {
    let a = this.anchors.get(id);
    if (!a) this.anchors.set(id, (a = {}));
    return a;
  }
}

const enum F {
  None,
  P,
  R,
  T,
  DelText,
  Instr,
  Del,
  Ins,
  Tbl,
  Txbx,
  AltContent,
  Sdt,
  SdtContent,
  PPr,
  RunRPr,
  MarkRPr,
  Wsp,
  Comment,
  FieldToc,
}

/** The elements the walker acts on, as numbers for a switch on one Map look-up per tag. */
const enum El {
  a_prstTxWarp,
  m_r,
  m_t,
  mc_AlternateContent,
  mc_Choice,
  mc_Fallback,
  v_textpath,
  w_br,
  w_color,
  w_comment,
  w_commentRangeEnd,
  w_commentRangeStart,
  w_commentReference,
  w_cr,
  w_del,
  w_delText,
  w_docPartGallery,
  w_endnote,
  w_fldChar,
  w_fldSimple,
  w_footerReference,
  w_footnote,
  w_headerReference,
  w_highlight,
  w_ilvl,
  w_ins,
  w_instrText,
  w_moveFrom,
  w_moveTo,
  w_noBreakHyphen,
  w_numId,
  w_outlineLvl,
  w_p,
  w_pPr,
  w_pStyle,
  w_ptab,
  w_r,
  w_rPr,
  w_rStyle,
  w_sdt,
  w_sdtContent,
  w_shd,
  w_showingPlcHdr,
  w_sym,
  w_t,
  w_tab,
  w_tbl,
  w_tc,
  w_tr,
  w_txbxContent,
  w_vanish,
  wps_wsp,
}

const ELEMENTS = new Map<string, El>([
  ['a:prstTxWarp', El.a_prstTxWarp],
  ['m:r', El.m_r],
  ['m:t', El.m_t],
  ['mc:AlternateContent', El.mc_AlternateContent],
  ['mc:Choice', El.mc_Choice],
  ['mc:Fallback', El.mc_Fallback],
  ['v:textpath', El.v_textpath],
  ['w:br', El.w_br],
  ['w:color', El.w_color],
  ['w:comment', El.w_comment],
  ['w:commentRangeEnd', El.w_commentRangeEnd],
  ['w:commentRangeStart', El.w_commentRangeStart],
  ['w:commentReference', El.w_commentReference],
  ['w:cr', El.w_cr],
  ['w:del', El.w_del],
  ['w:delText', El.w_delText],
  ['w:docPartGallery', El.w_docPartGallery],
  ['w:endnote', El.w_endnote],
  ['w:fldChar', El.w_fldChar],
  ['w:fldSimple', El.w_fldSimple],
  ['w:footerReference', El.w_footerReference],
  ['w:footnote', El.w_footnote],
  ['w:headerReference', El.w_headerReference],
  ['w:highlight', El.w_highlight],
  ['w:ilvl', El.w_ilvl],
  ['w:ins', El.w_ins],
  ['w:instrText', El.w_instrText],
  ['w:moveFrom', El.w_moveFrom],
  ['w:moveTo', El.w_moveTo],
  ['w:noBreakHyphen', El.w_noBreakHyphen],
  ['w:numId', El.w_numId],
  ['w:outlineLvl', El.w_outlineLvl],
  ['w:p', El.w_p],
  ['w:pPr', El.w_pPr],
  ['w:pStyle', El.w_pStyle],
  ['w:ptab', El.w_ptab],
  ['w:r', El.w_r],
  ['w:rPr', El.w_rPr],
  ['w:rStyle', El.w_rStyle],
  ['w:sdt', El.w_sdt],
  ['w:sdtContent', El.w_sdtContent],
  ['w:shd', El.w_shd],
  ['w:showingPlcHdr', El.w_showingPlcHdr],
  ['w:sym', El.w_sym],
  ['w:t', El.w_t],
  ['w:tab', El.w_tab],
  ['w:tbl', El.w_tbl],
  ['w:tc', El.w_tc],
  ['w:tr', El.w_tr],
  ['w:txbxContent', El.w_txbxContent],
  ['w:vanish', El.w_vanish],
  ['wps:wsp', El.wps_wsp],
]);

const NEWLINES = /[\r\n\v\f]/g;

export class PartWalker implements XmlSink {
  wantText = false;

  private readonly names: string[] = [];
  private readonly frames: number[] = [];
  private skip = 0;
  private readonly stories: Story[] = [];
  private story: Story;
  private textBuf = '';
  private readonly dels: Revision[] = [];
  private readonly inss: Revision[] = [];
  private tocDepth = 0;
  private placeholderDepth = 0;
  private readonly altContent: boolean[] = [];
  private readonly sdts: { toc: boolean; placeholder: boolean }[] = [];
  private readonly wsps: { wordArt: boolean; depth: number; paras: ParaBuilder[] }[] = [];
  private inPPr = false;
  private inRunRPr = false;
  private inMarkRPr = false;
  private preserve = true;
  private comment: CommentContent | null = null;

  constructor(
    private readonly ctx: ReadContext,
    readonly part: string,
    private readonly kind: PartKind,
    /** Where finished top-level paragraphs go, text-box paragraphs after their anchors. */
    private readonly output: ParaBuilder[],
  ) {
    this.story = this.newStory(false, null);
    this.stories.push(this.story);
  }

  /** Walks `xml` and appends its paragraphs to `output`. */
  static walk(ctx: ReadContext, part: string, kind: PartKind, xml: Buffer, output: ParaBuilder[]): void {
    new XmlScanner(xml).run(new PartWalker(ctx, part, kind, output));
  }

  private newStory(textbox: boolean, anchor: ParaBuilder | null): Story {
    return {
      textbox,
      para: null,
      outerParas: [],
      run: null,
      fields: [],
      hiddenFields: 0,
      tables: [],
      counters: new ListCounters(this.ctx.numbering, this.ctx.styles),
      lastFinished: null,
      pendingCommentStarts: [],
      anchor,
    };
  }

  start(name: string, x: XmlScanner): void {
    if (this.skip > 0) {
      this.skip++;
      return;
    }
    const code = ELEMENTS.get(name);
    if (code === undefined) {
      // Most tags (fonts, sizes, spacing…) matter to no one: one look-up and they are passed.
      if (name.endsWith('Change')) {
        // Tracked formatting changes hold the old properties: never the current ones.
        this.skip = 1;
        return;
      }
      this.names.push(name);
      this.frames.push(F.None);
      return;
    }
    const parent = this.names[this.names.length - 1];
    const st = this.story;
    let frame = F.None;
    switch (code) {
      case El.w_p:
        this.openParagraph();
        frame = F.P;
        break;
      case El.w_pPr:
        if (parent === 'w:p' && st.para) {
          this.inPPr = true;
          frame = F.PPr;
        }
        break;
      case El.w_pStyle:
        if (this.inPPr && parent === 'w:pPr') st.para!.styleId = x.attr('w:val');
        break;
      case El.w_numId:
        if (this.inPPr && parent === 'w:numPr') st.para!.numId = x.attr('w:val');
        break;
      case El.w_ilvl:
        if (this.inPPr && parent === 'w:numPr') {
          const v = Number(x.attr('w:val'));
          if (Number.isInteger(v) && v >= 0 && v <= 8) st.para!.ilvl = v;
        }
        break;
      case El.w_outlineLvl:
        if (this.inPPr && parent === 'w:pPr') {
          const v = Number(x.attr('w:val'));
          if (Number.isInteger(v)) st.para!.outlineLevel = v;
        }
        break;
      case El.w_rPr:
        if ((parent === 'w:r' || parent === 'm:r') && st.run) {
          this.inRunRPr = true;
          frame = F.RunRPr;
        } else if (parent === 'w:pPr' && this.inPPr) {
          this.inMarkRPr = true;
          frame = F.MarkRPr;
        }
        break;
      case El.w_vanish:
        if (this.inRunRPr && parent === 'w:rPr') st.run!.vanish = onOff(x.attr('w:val'));
        break;
      case El.w_highlight:
        if (this.inRunRPr && parent === 'w:rPr') {
          const v = x.attr('w:val');
          st.run!.highlight = v && v !== 'none' ? v : '';
        }
        break;
      case El.w_shd:
        if (this.inRunRPr && parent === 'w:rPr') st.run!.shading = shadingFill(x) ?? '';
        break;
      case El.w_color:
        if (this.inRunRPr && parent === 'w:rPr') {
          const v = (x.attr('w:val') ?? '').toUpperCase();
          st.run!.color = v && v !== 'AUTO' && v !== '000000' ? v : '';
        }
        break;
      case El.w_rStyle:
        if (this.inRunRPr && parent === 'w:rPr') st.run!.rStyle = x.attr('w:val');
        break;
      case El.w_r:
      case El.m_r:
        if (st.para) {
          st.run = { resolved: false };
          frame = F.R;
        }
        break;
      case El.w_t:
      case El.m_t:
        if (st.run && (parent === 'w:r' || parent === 'm:r')) {
          this.collect(x.attr('xml:space') === 'preserve' || name === 'm:t');
          frame = F.T;
        }
        break;
      case El.w_delText:
        if (st.run && parent === 'w:r') {
          this.collect(x.attr('xml:space') === 'preserve');
          frame = F.DelText;
        }
        break;
      case El.w_instrText:
        if (st.run && parent === 'w:r') {
          this.collect(true);
          frame = F.Instr;
        }
        break;
      case El.w_tab:
      case El.w_ptab:
        if (parent === 'w:r') this.emit('\t', false);
        break;
      case El.w_br:
      case El.w_cr:
        if (parent === 'w:r' && st.para && st.para.length > 0) this.emit(' ', false);
        break;
      case El.w_noBreakHyphen:
        if (parent === 'w:r') this.emit('-', false);
        break;
      case El.w_sym:
        if (parent === 'w:r') {
          const code = parseInt(x.attr('w:char') ?? '', 16);
          // Symbol-font code points (F0xx) name a glyph of that font, not a character.
          if (code > 0 && code <= 0x10ffff && !(code >= 0xf000 && code <= 0xf0ff)) this.emit(String.fromCodePoint(code), false);
        }
        break;
      case El.w_fldChar:
        this.fieldChar(x.attr('w:fldCharType'));
        break;
      case El.w_fldSimple:
        if (/^\s*TOC\b/i.test(x.attr('w:instr') ?? '')) {
          this.enterToc();
          frame = F.FieldToc;
        }
        break;
      case El.w_del:
      case El.w_moveFrom:
        if (parent !== undefined && !parent.endsWith('Pr')) {
          this.dels.push({ author: x.attr('w:author'), date: x.attr('w:date') });
          frame = F.Del;
        } else if (this.inMarkRPr && parent === 'w:rPr') {
          st.para!.markDeleted = true;
        }
        break;
      case El.w_ins:
      case El.w_moveTo:
        if (parent !== undefined && !parent.endsWith('Pr')) {
          this.inss.push({ author: x.attr('w:author'), date: x.attr('w:date') });
          frame = F.Ins;
        }
        break;
      case El.w_tbl:
        st.tables.push({ index: this.ctx.tableCount++, row: -1, cell: -1 });
        frame = F.Tbl;
        break;
      case El.w_tr: {
        const t = st.tables[st.tables.length - 1];
        if (t) {
          t.row++;
          t.cell = -1;
        }
        break;
      }
      case El.w_tc: {
        const t = st.tables[st.tables.length - 1];
        if (t) t.cell++;
        break;
      }
      case El.w_txbxContent:
        this.story = this.newStory(true, st.para);
        this.stories.push(this.story);
        frame = F.Txbx;
        break;
      case El.mc_AlternateContent:
        this.altContent.push(false);
        frame = F.AltContent;
        break;
      case El.mc_Choice:
      case El.mc_Fallback: {
        // Take the first branch only: the others repeat the same content (a text box is in both).
        const top = this.altContent.length - 1;
        if (top < 0 || this.altContent[top]) {
          this.skip = 1;
          return;
        }
        this.altContent[top] = true;
        break;
      }
      case El.w_sdt:
        this.sdts.push({ toc: false, placeholder: false });
        frame = F.Sdt;
        break;
      case El.w_docPartGallery: {
        const sdt = this.sdts[this.sdts.length - 1];
        if (sdt && /table of contents/i.test(x.attr('w:val') ?? '')) sdt.toc = true;
        break;
      }
      case El.w_showingPlcHdr: {
        const sdt = this.sdts[this.sdts.length - 1];
        if (sdt && parent === 'w:sdtPr') sdt.placeholder = onOff(x.attr('w:val'));
        break;
      }
      case El.w_sdtContent: {
        const sdt = this.sdts[this.sdts.length - 1];
        if (sdt?.toc) this.enterToc();
        if (sdt?.placeholder) this.placeholderDepth++;
        frame = F.SdtContent;
        break;
      }
      case El.w_commentRangeStart: {
        const id = x.attr('w:id');
        if (id === undefined) break;
        if (st.para) this.ctx.anchorsOf(id).start = { para: st.para, offset: st.para.length };
        else st.pendingCommentStarts.push(id);
        break;
      }
      case El.w_commentRangeEnd: {
        const id = x.attr('w:id');
        if (id === undefined) break;
        const para = st.para ?? st.lastFinished;
        if (para) this.ctx.anchorsOf(id).end = { para, offset: para.length };
        break;
      }
      case El.w_commentReference: {
        const id = x.attr('w:id');
        if (id !== undefined && st.para) this.ctx.anchorsOf(id).reference = { para: st.para, offset: st.para.length };
        break;
      }
      case El.w_headerReference:
      case El.w_footerReference: {
        const id = x.attr('r:id');
        if (id !== undefined && this.kind === 'body') {
          this.ctx.headerFooterRefs.push({ id, kind: name === 'w:headerReference' ? 'header' : 'footer' });
        }
        break;
      }
      case El.v_textpath: {
        const text = x.attr('string');
        if (text && text.trim()) {
          const kind = this.kind === 'header' || this.kind === 'footer' ? 'watermark' : 'wordart';
          if (st.para) st.para.exclude(kind, text.replace(NEWLINES, ' '));
          else this.ctx.loose.push({ kind, text, part: this.part });
        }
        break;
      }
      case El.wps_wsp:
        this.wsps.push({ wordArt: false, depth: this.stories.length, paras: [] });
        frame = F.Wsp;
        break;
      case El.a_prstTxWarp: {
        const w = this.wsps[this.wsps.length - 1];
        if (w) w.wordArt = true;
        break;
      }
      case El.w_comment:
        if (this.kind === 'comment') {
          this.comment = { id: x.attr('w:id') ?? '', author: x.attr('w:author'), date: x.attr('w:date'), paras: [] };
          frame = F.Comment;
        }
        break;
      case El.w_footnote:
      case El.w_endnote: {
        const type = x.attr('w:type');
        if (type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice') {
          this.skip = 1;
          return;
        }
        break;
      }
    }
    this.names.push(name);
    this.frames.push(frame);
  }

  end(): void {
    if (this.skip > 0) {
      this.skip--;
      return;
    }
    this.names.pop();
    const frame = this.frames.pop();
    const st = this.story;
    switch (frame) {
      case F.P:
        this.closeParagraph();
        break;
      case F.PPr:
        this.inPPr = false;
        break;
      case F.RunRPr:
        this.inRunRPr = false;
        break;
      case F.MarkRPr:
        this.inMarkRPr = false;
        break;
      case F.R:
        st.run = null;
        break;
      case F.T:
        this.wantText = false;
        this.emit(this.collected(), false);
        break;
      case F.DelText:
        this.wantText = false;
        this.emit(this.collected(), true);
        break;
      case F.Instr: {
        this.wantText = false;
        const f = st.fields[st.fields.length - 1];
        if (f && !f.result) f.instr += this.textBuf;
        break;
      }
      case F.Del:
        this.dels.pop();
        break;
      case F.Ins:
        this.inss.pop();
        break;
      case F.Tbl:
        st.tables.pop();
        break;
      case F.Txbx:
        this.closeStory();
        break;
      case F.AltContent:
        this.altContent.pop();
        break;
      case F.Sdt:
        this.sdts.pop();
        break;
      case F.SdtContent: {
        const sdt = this.sdts[this.sdts.length - 1];
        if (sdt?.toc) this.tocDepth--;
        if (sdt?.placeholder) this.placeholderDepth--;
        break;
      }
      case F.FieldToc:
        this.tocDepth--;
        break;
      case F.Wsp: {
        const w = this.wsps.pop()!;
        if (w.wordArt && w.paras.length > 0 && (this.kind === 'header' || this.kind === 'footer')) {
          const first = w.paras[0];
          first.mark('watermark', 0, first.length);
        }
        break;
      }
      case F.Comment:
        if (this.comment) this.ctx.comments.push(this.comment);
        this.comment = null;
        break;
    }
  }

  text(s: string): void {
    this.textBuf += s;
  }

  private collect(preserve: boolean): void {
    this.textBuf = '';
    this.wantText = true;
    this.preserve = preserve;
  }

  /** The text of the element just closed; without xml:space="preserve", surrounding XML white space is not content. */
  private collected(): string {
    const s = this.textBuf;
    this.textBuf = '';
    return this.preserve ? s : s.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
  }

  private enterToc(): void {
    this.tocDepth++;
    if (this.story.para) this.story.para.toc = true;
  }

  private fieldChar(type: string | undefined): void {
    const st = this.story;
    if (type === 'begin') {
      st.fields.push({ instr: '', result: false, toc: false });
      st.hiddenFields++;
    } else if (type === 'separate') {
      const f = st.fields[st.fields.length - 1];
      if (f && !f.result) {
        f.result = true;
        st.hiddenFields--;
        if (/^\s*TOC\b/i.test(f.instr)) {
          f.toc = true;
          this.enterToc();
        }
      }
    } else if (type === 'end') {
      const f = st.fields.pop();
      if (f) {
        if (!f.result) st.hiddenFields--;
        if (f.toc) this.tocDepth--;
      }
    }
  }

  private resolveRun(run: RunState): void {
    run.resolved = true;
    if (run.rStyle === undefined) return;
    const s = this.ctx.styles.run(run.rStyle);
    run.vanish ??= s.vanish;
    run.highlight ??= s.highlight;
    run.shading ??= s.shading;
  }

  /** Adds run text to the current paragraph, or records it as deleted or hidden. */
  private emit(raw: string, deleted: boolean): void {
    const st = this.story;
    const b = st.para;
    if (!b || st.hiddenFields > 0) return;
    const s = raw.replace(NEWLINES, ' ');
    if (s === '') return;
    if (deleted || this.dels.length > 0) {
      const r = this.dels[this.dels.length - 1];
      b.exclude('deletion', s, r?.author, r?.date);
      return;
    }
    const run = st.run;
    if (run && !run.resolved) this.resolveRun(run);
    if (run?.vanish) {
      b.exclude('hidden-text', s);
      return;
    }
    const start = b.length;
    b.append(s);
    const end = b.length;
    if (this.inss.length > 0) {
      const r = this.inss[this.inss.length - 1];
      b.mark('insertion', start, end, r.author, r.date);
    }
    if (run?.highlight) b.mark('highlight', start, end, undefined, undefined, run.highlight);
    if (run?.shading) b.mark('shading', start, end, undefined, undefined, run.shading);
    if (run?.color) b.mark('font-color', start, end, undefined, undefined, run.color);
    if (this.placeholderDepth > 0) b.mark('content-control-placeholder', start, end);
  }

  private regionFor(st: Story): DocxRegion {
    if (this.kind !== 'body') return this.kind;
    if (st.textbox) return 'textbox';
    if (st.tables.length > 0) return 'table';
    return 'body';
  }

  private openParagraph(): void {
    const st = this.story;
    if (st.para) st.outerParas.push(st.para);
    const t = st.tables[st.tables.length - 1];
    const b = new ParaBuilder(this.regionFor(st), this.part, t ? { index: t.index, row: t.row, cell: t.cell } : undefined, this.comment?.id);
    if (this.tocDepth > 0) b.toc = true;
    st.para = b;
    st.run = null;
    for (const id of st.pendingCommentStarts) this.ctx.anchorsOf(id).start = { para: b, offset: 0 };
    st.pendingCommentStarts.length = 0;
  }

  private closeParagraph(): void {
    const st = this.story;
    const b = st.para!;
    this.finish(b, st);
    st.para = st.outerParas.pop() ?? null;
    st.run = null;
    st.lastFinished = b;
    const w = this.wsps[this.wsps.length - 1];
    if (w && this.stories.length > w.depth) w.paras.push(b);
    if (this.comment) this.comment.paras.push(b);
    // Loops, not push(...spread): a text box can hold more paragraphs than a call has room for arguments.
    const target = st.para ? st.para.children : st.anchor ? st.anchor.children : this.output;
    target.push(b);
    for (const c of b.children) target.push(c);
  }

  private closeStory(): void {
    this.stories.pop();
    this.story = this.stories[this.stories.length - 1];
  }

  /** Style, numbering and final text of a paragraph. */
  private finish(b: ParaBuilder, st: Story): void {
    const styles = this.ctx.styles;
    const info = styles.paragraph(b.styleId);
    const p: DocxParagraph = { text: '', region: b.region, part: b.part };
    if (info) {
      if (info.name !== undefined) p.style = info.name;
      p.styleId = info.id;
      if (info.headingLevel !== undefined) p.headingLevel = info.headingLevel;
    }
    const outline = b.outlineLevel ?? info?.outlineLevel;
    if (outline !== undefined && outline >= 0 && outline <= 8) {
      p.outlineLevel = outline;
      if (p.headingLevel === undefined && b.outlineLevel !== undefined) p.headingLevel = outline + 1;
    } else if (b.outlineLevel !== undefined) {
      // The paragraph's own 「正文文本」 level (9) makes a paragraph of a heading style body text, as in Word's navigation pane.
      delete p.headingLevel;
    }
    if (p.region === 'body' && (b.toc || info?.isToc)) p.region = 'toc';
    if (b.table) p.table = b.table;
    if (b.commentId !== undefined) p.commentId = b.commentId;
    let prefix = '';
    const numId = b.numId ?? info?.numId;
    if (numId !== undefined && numId !== '0' && !b.markDeleted) {
      const fromStyle = b.numId === undefined;
      const ilvl = b.ilvl ?? (fromStyle ? info?.ilvl : undefined);
      const label = st.counters.next(numId, ilvl, info?.id, fromStyle);
      if (label) {
        p.listLevel = label.level;
        if (label.bullet) p.bulleted = true;
        else {
          p.numbered = true;
          p.numberText = label.text;
          p.numberSuffix = label.suffix;
          prefix = label.text + label.suffix;
        }
      }
    }
    b.prefixLength = prefix.length;
    p.text = prefix + b.parts.join('');
    b.paragraph = p;
  }
}
