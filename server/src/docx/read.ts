/**
 * readDocx: a .docx file's bytes in, its paragraphs and Word-only facts out.
 *
 * Order of work: recognise the container (sniff.ts), open the zip directory,
 * find the main document through the package relationships, read styles and
 * numbering, walk the document, then the headers and footers the sections
 * name, footnotes, endnotes and comments, and last the document properties.
 * Only XML parts are inflated, each once, under one budget.
 */
import { DocxError, corrupt, errors } from './errors';
import { NumberingDefs } from './numbering';
import { checkContainer } from './sniff';
import { Styles } from './styles';
import { DocxDocument, DocxFinding, DocxParagraph, DocxProperties, ReadDocxOptions } from './types';
import { ParaBuilder, PartKind, PartWalker, ReadContext } from './walker';
import { XmlScanner, XmlSink, XmlSyntaxError, lineOf } from './xml';
import { InflateBudget, ZipArchive } from './zip';

export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
export const DEFAULT_MAX_ENTRIES = 10_000;

interface Relationship {
  id: string;
  type: string;
  target: string;
}

class Package {
  readonly budget: InflateBudget;
  constructor(
    readonly zip: ZipArchive,
    maxBytes: number,
  ) {
    this.budget = new InflateBudget(maxBytes);
  }

  has(name: string): boolean {
    return this.zip.get(name) !== undefined;
  }

  /** A part's XML as UTF-8 bytes, or undefined when the package lacks it. */
  xml(name: string): Buffer | undefined {
    const entry = this.zip.get(name);
    if (!entry) return undefined;
    return utf8(this.zip.read(entry, this.budget));
  }

  /** Parses XML of `part` with `sink`, turning syntax errors into DocxError. */
  scan(part: string, xml: Buffer, sink: XmlSink): void {
    guardXml(part, xml, () => new XmlScanner(xml).run(sink));
  }

  relationships(sourcePart: string): Relationship[] {
    const slash = sourcePart.lastIndexOf('/');
    const dir = slash >= 0 ? sourcePart.slice(0, slash + 1) : '';
    const relsName = dir + '_rels/' + sourcePart.slice(slash + 1) + '.rels';
    const xml = this.xml(relsName);
    if (xml === undefined) return [];
    const out: Relationship[] = [];
    this.scan(relsName, xml, {
      wantText: false,
      start(name, x) {
        if (name !== 'Relationship' || x.attr('TargetMode') === 'External') return;
        const id = x.attr('Id');
        const type = x.attr('Type');
        const target = x.attr('Target');
        if (id && type && target) out.push({ id, type, target: resolveTarget(dir, target) });
      },
      end() {},
      text() {},
    });
    return out;
  }
}

function guardXml(part: string, xml: string | Buffer, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (e instanceof XmlSyntaxError) {
      throw corrupt(`“${part}”的 XML 格式有误（第 ${lineOf(xml, e.offset)} 行附近）`, `${part}: ${e.message} at ${e.offset}`);
    }
    throw e;
  }
}

/** A relationship target, relative to the source part's folder, as a zip entry name. */
function resolveTarget(dir: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(t);
  } catch {
    // keep as written
  }
  const segments = (t.startsWith('/') ? t.slice(1) : dir + t).split('/');
  const out: string[] = [];
  for (const s of segments) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}

/** XML bytes as UTF-8 without a byte order mark (UTF-16 parts, which XML allows, are re-encoded). */
function utf8(buf: Buffer): Buffer {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3);
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return Buffer.from(buf.toString('utf16le', 2), 'utf8');
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    return Buffer.from(Buffer.from(buf.subarray(2, buf.length - (buf.length % 2))).swap16().toString('utf16le'), 'utf8');
  }
  return buf;
}

/** The extension of the file's name in lower case, ".docx" when unnamed or unknown: error messages name it. */
function extensionOf(name: string | undefined): string {
  const m = name === undefined ? null : /\.(docx|doc|wps|docm|dotx|dot|wpt)$/i.exec(name);
  return m ? '.' + m[1].toLowerCase() : '.docx';
}

const typeIs = (r: Relationship, suffix: string): boolean => r.type.endsWith('/' + suffix);

/** Reads a .docx. Throws DocxError (and only DocxError) when the file cannot be read. */
export function readDocx(bytes: Buffer | Uint8Array, options: ReadDocxOptions = {}): DocxDocument {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    return readPackage(buf, options);
  } catch (e) {
    if (e instanceof DocxError) throw e;
    // A structure this reader did not foresee: still a typed error, never a crash.
    throw corrupt('文件结构无法解析', e instanceof Error ? e.stack ?? e.message : String(e));
  }
}

function readPackage(buf: Buffer, options: ReadDocxOptions): DocxDocument {
  checkContainer(buf, extensionOf(options.fileName));
  const zip = new ZipArchive(buf, options.maxEntries ?? DEFAULT_MAX_ENTRIES);
  const pkg = new Package(zip, options.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES);

  const rootRels = pkg.relationships('');
  const mainPart = rootRels.find((r) => typeIs(r, 'officeDocument'))?.target ?? (pkg.has('word/document.xml') ? 'word/document.xml' : undefined);
  if (mainPart === undefined || !pkg.has(mainPart)) throw notWord(pkg);

  const docRels = pkg.relationships(mainPart);
  const relTarget = (suffix: string): string | undefined => docRels.find((r) => typeIs(r, suffix))?.target;
  const readOptional = (part: string | undefined): Buffer | undefined => (part !== undefined ? pkg.xml(part) : undefined);

  const stylesPart = relTarget('styles');
  const numberingPart = relTarget('numbering');
  const stylesXml = readOptional(stylesPart);
  const numberingXml = readOptional(numberingPart);
  let styles!: Styles;
  let numbering!: NumberingDefs;
  guardXml(stylesPart ?? 'word/styles.xml', stylesXml ?? '', () => (styles = Styles.parse(stylesXml)));
  guardXml(numberingPart ?? 'word/numbering.xml', numberingXml ?? '', () => (numbering = NumberingDefs.parse(numberingXml)));

  const ctx = new ReadContext(styles, numbering);
  const builders: ParaBuilder[] = [];
  const walk = (part: string, kind: PartKind): void => {
    const xml = pkg.xml(part);
    if (xml === undefined) return;
    guardXml(part, xml, () => PartWalker.walk(ctx, part, kind, xml, builders));
  };

  walk(mainPart, 'body');
  const byId = new Map(docRels.map((r) => [r.id, r]));
  const seen = new Set<string>();
  for (const kind of ['header', 'footer'] as const) {
    for (const ref of ctx.headerFooterRefs) {
      const rel = byId.get(ref.id);
      if (ref.kind !== kind || !rel || !typeIs(rel, kind) || seen.has(rel.target)) continue;
      seen.add(rel.target);
      walk(rel.target, kind);
    }
  }
  const footnotes = relTarget('footnotes');
  if (footnotes) walk(footnotes, 'footnote');
  const endnotes = relTarget('endnotes');
  if (endnotes) walk(endnotes, 'endnote');
  const comments = relTarget('comments');
  if (comments) walk(comments, 'comment');

  const paragraphs: DocxParagraph[] = builders.map((b, i) => {
    b.index = i;
    return b.paragraph;
  });
  const hidden = collectFindings(ctx, builders);
  const properties = readProperties(pkg, rootRels);
  for (const name of PROPERTY_FINDINGS) {
    const value = properties[name];
    if (value !== undefined && value.trim() !== '') hidden.push({ kind: 'property', name, text: value });
  }
  return { paragraphs, hidden, properties, stats: { xmlBytes: pkg.budget.used, entries: zip.entries.size } };
}

function notWord(pkg: Package): DocxError {
  if (pkg.has('xl/workbook.xml')) return errors.otherOffice(' Excel 工作簿（.xlsx）');
  if (pkg.has('ppt/presentation.xml')) return errors.otherOffice(' PowerPoint 演示文稿（.pptx）');
  if (pkg.has('mimetype')) {
    const mime = pkg.xml('mimetype')?.toString('latin1') ?? '';
    if (mime.includes('opendocument.text')) return errors.otherOffice(' OpenDocument 文本文档（.odt）');
    if (mime.includes('opendocument')) return errors.otherOffice(' OpenDocument 文件');
    if (mime.includes('epub')) return errors.otherOffice(' EPUB 电子书');
  }
  if (pkg.has('[content_types].xml')) return errors.notDocx('压缩包中没有 Word 正文（word/document.xml）');
  return errors.notDocx('这是一个普通的 ZIP 压缩包');
}

function collectFindings(ctx: ReadContext, builders: ParaBuilder[]): DocxFinding[] {
  const out: DocxFinding[] = [];
  for (const b of builders) {
    const text = b.paragraph.text;
    for (const s of b.spans) {
      const start = b.prefixLength + s.start;
      const end = b.prefixLength + s.end;
      const f: DocxFinding = { kind: s.kind, paragraph: b.index, start, end, text: s.excluded ?? text.slice(start, end) };
      if (s.author !== undefined) f.author = s.author;
      if (s.date !== undefined) f.date = s.date;
      if (s.color !== undefined) f.color = s.color;
      out.push(f);
    }
  }
  for (const c of ctx.comments) {
    const a = ctx.anchors.get(c.id);
    const from = a?.start ?? a?.reference;
    const to = a?.end ?? a?.reference ?? from;
    const f: DocxFinding = { kind: 'comment', name: c.id, text: c.paras.map((p) => p.paragraph.text).join('\n') };
    if (c.author !== undefined) f.author = c.author;
    if (c.date !== undefined) f.date = c.date;
    if (from && to) {
      f.paragraph = from.para.index;
      f.start = from.para.prefixLength + from.offset;
      f.end = to.para.prefixLength + to.offset;
      if (to.para !== from.para) f.endParagraph = to.para.index;
    }
    if (c.paras.length > 0) f.commentParagraphs = [c.paras[0].index, c.paras[c.paras.length - 1].index];
    out.push(f);
  }
  for (const l of ctx.loose) out.push({ kind: l.kind, text: l.text, part: l.part });
  // Stable: by paragraph, then offset; document-wide facts last.
  return out
    .map((f, i) => ({ f, i }))
    .sort((x, y) => {
      const px = x.f.paragraph ?? Infinity;
      const py = y.f.paragraph ?? Infinity;
      if (px !== py) return px - py;
      const sx = x.f.start ?? 0;
      const sy = y.f.start ?? 0;
      return sx !== sy ? sx - sy : x.i - y.i;
    })
    .map((e) => e.f);
}

/** The properties reported as findings: the ones that name people, organisations or the template. */
const PROPERTY_FINDINGS: (keyof DocxProperties)[] = ['creator', 'lastModifiedBy', 'company', 'manager', 'title', 'subject', 'keywords', 'description', 'category', 'template'];

const CORE_NAMES: Record<string, keyof DocxProperties> = {
  title: 'title',
  subject: 'subject',
  creator: 'creator',
  keywords: 'keywords',
  description: 'description',
  lastModifiedBy: 'lastModifiedBy',
  revision: 'revision',
  created: 'created',
  modified: 'modified',
  lastPrinted: 'lastPrinted',
  category: 'category',
};

const APP_NAMES: Record<string, keyof DocxProperties> = {
  Company: 'company',
  Manager: 'manager',
  Template: 'template',
  Application: 'application',
  AppVersion: 'appVersion',
  TotalTime: 'totalTime',
  Pages: 'pages',
  Words: 'words',
  Characters: 'characters',
};

function readProperties(pkg: Package, rootRels: Relationship[]): DocxProperties {
  const props: DocxProperties = {};
  const read = (part: string, names: Record<string, keyof DocxProperties>): void => {
    const xml = pkg.xml(part);
    if (xml === undefined) return;
    let depth = 0;
    let current: keyof DocxProperties | undefined;
    let buf = '';
    pkg.scan(part, xml, {
      wantText: false,
      start(name) {
        depth++;
        if (depth === 2) {
          const local = name.slice(name.indexOf(':') + 1);
          current = Object.prototype.hasOwnProperty.call(names, local) ? names[local] : undefined;
          buf = '';
          this.wantText = current !== undefined;
        }
      },
      end() {
        if (depth === 2 && current !== undefined) {
          const v = buf.trim();
          if (v !== '') props[current] = v;
          current = undefined;
          this.wantText = false;
        }
        depth--;
      },
      text(s) {
        buf += s;
      },
    });
  };
  read(rootRels.find((r) => typeIs(r, 'core-properties'))?.target ?? 'docProps/core.xml', CORE_NAMES);
  read(rootRels.find((r) => typeIs(r, 'extended-properties'))?.target ?? 'docProps/app.xml', APP_NAMES);
  return props;
}
