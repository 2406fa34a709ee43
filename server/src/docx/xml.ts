/**
 * A small, strict, pull-free XML scanner for the parts of a .docx package.
 *
 * It hands element starts, ends and (only when the sink asks for it) decoded
 * text to a sink, and reads attributes of the current start tag on demand, so
 * the hundreds of thousands of tags of a long document cost no attribute
 * objects. It does no namespace processing beyond one thing: when a part's
 * root element binds a known OOXML namespace to an unusual prefix (or to the
 * default namespace), names are rewritten to the usual prefix (w:, r:, v:…),
 * so the walkers can match plain qualified names.
 *
 * Security: a DOCTYPE is refused (no DTD, so no entity expansion); only the
 * five predefined entities and character references are decoded. There is no
 * recursion, so deep nesting cannot overflow the stack.
 */

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export interface XmlSink {
  /** Set to true while the sink wants the text between tags. */
  wantText: boolean;
  start(name: string, scanner: XmlScanner): void;
  end(name: string): void;
  text(text: string): void;
}

/** Namespace URIs (transitional and strict) and the prefix walkers use for them. */
const CANONICAL_PREFIX: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'urn:schemas-microsoft-com:vml': 'v',
  'urn:schemas-microsoft-com:office:office': 'o',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingShape': 'wps',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://purl.oclc.org/ooxml/drawingml/main': 'a',
  'http://schemas.openxmlformats.org/officeDocument/2006/math': 'm',
  'http://purl.oclc.org/ooxml/officeDocument/math': 'm',
  'http://schemas.openxmlformats.org/package/2006/relationships': '',
  'http://schemas.openxmlformats.org/package/2006/metadata/core-properties': 'cp',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
};

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the predefined entities and character references; unknown entities stay as written. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]+);/g, (all, body: string) => {
    if (body.charCodeAt(0) === 35 /* # */) {
      const code = body.charCodeAt(1) === 120 /* x */ ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body] ?? all;
  });
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

export class XmlScanner {
  private attrStart = 0;
  private attrEnd = 0;
  /** Source prefix → walker prefix, when the part's root uses unusual prefixes. */
  private remap: Map<string, string> | null = null;
  /** Walker prefix → source prefix, for attribute look-ups under a remap. */
  private reverse: Map<string, string> | null = null;

  private readonly src: string;
  private readonly bytes: Buffer | null;

  /**
   * `xml` as a string, or as UTF-8 bytes: then the markup is scanned as a
   * Latin-1 string (one byte a character, so string offsets are byte offsets:
   * cheaper to make and to scan than the decoded text) and only text and
   * attribute values are decoded from UTF-8.
   */
  constructor(xml: string | Buffer) {
    if (typeof xml === 'string') {
      this.src = xml;
      this.bytes = null;
    } else {
      this.src = xml.toString('latin1');
      this.bytes = xml;
    }
  }

  /** The characters of [from, to) of the source. */
  private chars(from: number, to: number): string {
    return this.bytes ? this.bytes.toString('utf8', from, to) : this.src.slice(from, to);
  }

  /** The value of attribute `qname` on the current start tag (entities decoded), or undefined. */
  attr(qname: string): string | undefined {
    if (this.reverse) {
      const colon = qname.indexOf(':');
      const prefix = colon < 0 ? '' : qname.slice(0, colon);
      const source = this.reverse.get(prefix);
      if (source !== undefined) {
        const local = qname.slice(colon + 1);
        // An unprefixed attribute is in no namespace even under a default
        // namespace; a writer that uses a default namespace writes them bare.
        return this.rawAttr(source === '' ? local : source + ':' + local);
      }
    }
    return this.rawAttr(qname);
  }

  /** Calls `fn` with every attribute of the current start tag. */
  forEachAttr(fn: (name: string, value: string) => void): void {
    const s = this.src;
    let i = this.attrStart;
    const end = this.attrEnd;
    while (i < end) {
      while (i < end && isSpace(s.charCodeAt(i))) i++;
      if (i >= end) break;
      const nameStart = i;
      while (i < end && s.charCodeAt(i) !== 61 /* = */ && !isSpace(s.charCodeAt(i))) i++;
      const name = s.slice(nameStart, i);
      while (i < end && isSpace(s.charCodeAt(i))) i++;
      if (s.charCodeAt(i) !== 61) throw new XmlSyntaxError('attribute without value', i);
      i++;
      while (i < end && isSpace(s.charCodeAt(i))) i++;
      const q = s.charCodeAt(i);
      if (q !== 34 && q !== 39) throw new XmlSyntaxError('unquoted attribute value', i);
      const close = s.indexOf(q === 34 ? '"' : "'", i + 1);
      if (close < 0 || close >= end) throw new XmlSyntaxError('unterminated attribute value', i);
      fn(name, decodeEntities(this.chars(i + 1, close)));
      i = close + 1;
    }
  }

  private rawAttr(qname: string): string | undefined {
    const s = this.src;
    let i = this.attrStart;
    const end = this.attrEnd;
    const n = qname.length;
    while (i < end) {
      while (i < end && isSpace(s.charCodeAt(i))) i++;
      if (i >= end) return undefined;
      const nameStart = i;
      while (i < end && s.charCodeAt(i) !== 61 && !isSpace(s.charCodeAt(i))) i++;
      const match = i - nameStart === n && s.startsWith(qname, nameStart);
      while (i < end && isSpace(s.charCodeAt(i))) i++;
      if (s.charCodeAt(i) !== 61) throw new XmlSyntaxError('attribute without value', i);
      i++;
      while (i < end && isSpace(s.charCodeAt(i))) i++;
      const q = s.charCodeAt(i);
      if (q !== 34 && q !== 39) throw new XmlSyntaxError('unquoted attribute value', i);
      const close = s.indexOf(q === 34 ? '"' : "'", i + 1);
      if (close < 0 || close >= end) throw new XmlSyntaxError('unterminated attribute value', i);
      if (match) return decodeEntities(this.chars(i + 1, close));
      i = close + 1;
    }
    return undefined;
  }

  /** Reads the root element's namespace declarations and sets up prefix rewriting when needed. */
  private setUpPrefixes(): void {
    let remap: Map<string, string> | null = null;
    this.forEachAttr((name, value) => {
      let prefix: string;
      if (name === 'xmlns') prefix = '';
      else if (name.startsWith('xmlns:')) prefix = name.slice(6);
      else return;
      const canonical = CANONICAL_PREFIX[value];
      if (canonical === undefined || canonical === prefix) return;
      (remap ??= new Map()).set(prefix, canonical);
    });
    if (remap) {
      this.remap = remap;
      this.reverse = new Map();
      for (const [source, canonical] of remap as Map<string, string>) this.reverse.set(canonical, source);
    }
  }

  private canonicalName(name: string): string {
    const remap = this.remap!;
    const colon = name.indexOf(':');
    const prefix = colon < 0 ? '' : name.slice(0, colon);
    const canonical = remap.get(prefix);
    if (canonical === undefined) return name;
    const local = name.slice(colon + 1);
    return canonical === '' ? local : canonical + ':' + local;
  }

  /** Scans the whole text, calling the sink. Throws XmlSyntaxError on malformed XML. */
  run(sink: XmlSink): void {
    const s = this.src;
    const n = s.length;
    const open: string[] = [];
    let sawRoot = false;
    let i = 0;
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        if (open.length > 0) throw new XmlSyntaxError('unexpected end of document', n);
        break;
      }
      if (lt > i && sink.wantText && open.length > 0) sink.text(decodeEntities(this.chars(i, lt)));
      const c = s.charCodeAt(lt + 1);
      if (c === 47 /* / */) {
        const gt = s.indexOf('>', lt + 2);
        if (gt < 0) throw new XmlSyntaxError('unterminated end tag', lt);
        let nameEnd = gt;
        while (nameEnd > lt + 2 && isSpace(s.charCodeAt(nameEnd - 1))) nameEnd--;
        const raw = s.slice(lt + 2, nameEnd);
        const top = open.pop();
        if (top !== raw) throw new XmlSyntaxError(`end tag </${raw}> does not match <${top ?? ''}>`, lt);
        sink.end(this.remap ? this.canonicalName(raw) : raw);
        i = gt + 1;
      } else if (c === 63 /* ? */) {
        const end = s.indexOf('?>', lt + 2);
        if (end < 0) throw new XmlSyntaxError('unterminated processing instruction', lt);
        i = end + 2;
      } else if (c === 33 /* ! */) {
        if (s.startsWith('<!--', lt)) {
          const end = s.indexOf('-->', lt + 4);
          if (end < 0) throw new XmlSyntaxError('unterminated comment', lt);
          i = end + 3;
        } else if (s.startsWith('<![CDATA[', lt)) {
          const end = s.indexOf(']]>', lt + 9);
          if (end < 0) throw new XmlSyntaxError('unterminated CDATA section', lt);
          if (sink.wantText && open.length > 0) sink.text(this.chars(lt + 9, end));
          i = end + 3;
        } else if (s.startsWith('<!DOCTYPE', lt)) {
          throw new XmlSyntaxError('DOCTYPE declarations are not allowed', lt);
        } else {
          throw new XmlSyntaxError('unexpected markup declaration', lt);
        }
      } else {
        // Start tag: the name, then attributes up to the '>' outside quotes.
        let j = lt + 1;
        while (j < n) {
          const d = s.charCodeAt(j);
          if (isSpace(d) || d === 47 || d === 62 /* > */) break;
          j++;
        }
        if (j === lt + 1) throw new XmlSyntaxError('empty tag name', lt);
        const raw = s.slice(lt + 1, j);
        let k = j;
        for (;;) {
          if (k >= n) throw new XmlSyntaxError('unterminated start tag', lt);
          const d = s.charCodeAt(k);
          if (d === 62) break;
          if (d === 34 || d === 39) {
            const close = s.indexOf(d === 34 ? '"' : "'", k + 1);
            if (close < 0) throw new XmlSyntaxError('unterminated attribute value', k);
            k = close + 1;
          } else if (d === 60 /* < */) {
            throw new XmlSyntaxError('"<" inside a start tag', k);
          } else k++;
        }
        const selfClosing = s.charCodeAt(k - 1) === 47;
        this.attrStart = j;
        this.attrEnd = selfClosing ? k - 1 : k;
        if (open.length === 0) {
          if (sawRoot) throw new XmlSyntaxError('more than one root element', lt);
          sawRoot = true;
          this.setUpPrefixes();
        }
        const name = this.remap ? this.canonicalName(raw) : raw;
        sink.start(name, this);
        if (selfClosing) sink.end(name);
        else open.push(raw);
        i = k + 1;
      }
    }
    if (!sawRoot) throw new XmlSyntaxError('no root element', 0);
    if (open.length > 0) throw new XmlSyntaxError('unexpected end of document', n);
  }
}

/** Line number (1-based) of an offset (a byte offset for bytes), for error messages. */
export function lineOf(src: string | Buffer, offset: number): number {
  let line = 1;
  const nl = typeof src === 'string' ? '\n' : 0x0a;
  for (let i = src.indexOf(nl as never); i >= 0 && i < offset; i = src.indexOf(nl as never, i + 1)) line++;
  return line;
}
