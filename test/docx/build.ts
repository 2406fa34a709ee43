/**
 * Builds .docx fixtures in memory: the package boilerplate around the parts a
 * test writes by hand (document body, styles, numbering, headers, comments…).
 */
import { ZipInput, buildZip } from './zip-writer';

export const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface DocxParts {
  /** The children of w:body (a w:sectPr naming rIdH1/rIdF1 is added when headers or footers are given). */
  body: string;
  styles?: string;
  numbering?: string;
  /** The children of w:hdr / w:ftr. */
  header?: string;
  footer?: string;
  /** The w:comment elements of comments.xml. */
  comments?: string;
  footnotes?: string;
  core?: Record<string, string>;
  app?: Record<string, string>;
  /** More entries (images, bombs…). */
  extra?: ZipInput[];
  /** Replace an entry's text or options by name. */
  override?: Record<string, Partial<ZipInput>>;
}

export function styleXml(styles: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles ${NS}>${styles}</w:styles>`;
}

export function numberingXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering ${NS}>${body}</w:numbering>`;
}

export function docxEntries(parts: DocxParts): ZipInput[] {
  const rels: string[] = [];
  const types: string[] = [];
  const entries: ZipInput[] = [];
  const add = (name: string, data: string, relType: string | null, id: string, contentType: string): void => {
    entries.push({ name, data });
    if (relType) rels.push(`<Relationship Id="${id}" Type="${REL}/${relType}" Target="${name.replace('word/', '')}"/>`);
    types.push(`<Override PartName="/${name}" ContentType="${contentType}"/>`);
  };
  const wml = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
  let sect = '';
  if (parts.header !== undefined || parts.footer !== undefined) {
    sect =
      '<w:sectPr>' +
      (parts.header !== undefined ? '<w:headerReference w:type="default" r:id="rIdH1"/>' : '') +
      (parts.footer !== undefined ? '<w:footerReference w:type="default" r:id="rIdF1"/>' : '') +
      '</w:sectPr>';
  }
  add(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${parts.body}${sect}</w:body></w:document>`,
    null,
    '',
    `${wml}.document.main+xml`,
  );
  if (parts.styles !== undefined) add('word/styles.xml', styleXml(parts.styles), 'styles', 'rIdS', `${wml}.styles+xml`);
  if (parts.numbering !== undefined) add('word/numbering.xml', numberingXml(parts.numbering), 'numbering', 'rIdN', `${wml}.numbering+xml`);
  if (parts.header !== undefined) add('word/header1.xml', `<w:hdr ${NS}>${parts.header}</w:hdr>`, 'header', 'rIdH1', `${wml}.header+xml`);
  if (parts.footer !== undefined) add('word/footer1.xml', `<w:ftr ${NS}>${parts.footer}</w:ftr>`, 'footer', 'rIdF1', `${wml}.footer+xml`);
  if (parts.comments !== undefined) add('word/comments.xml', `<w:comments ${NS}>${parts.comments}</w:comments>`, 'comments', 'rIdC', `${wml}.comments+xml`);
  if (parts.footnotes !== undefined) add('word/footnotes.xml', `<w:footnotes ${NS}>${parts.footnotes}</w:footnotes>`, 'footnotes', 'rIdFn', `${wml}.footnotes+xml`);
  entries.push({
    name: 'word/_rels/document.xml.rels',
    data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  });
  const rootRels = [`<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>`];
  if (parts.core) {
    const fields = Object.entries(parts.core)
      .map(([k, v]) => `<${k}>${v}</${k}>`)
      .join('');
    entries.push({
      name: 'docProps/core.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${fields}</cp:coreProperties>`,
    });
    rootRels.push('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>');
  }
  if (parts.app) {
    const fields = Object.entries(parts.app)
      .map(([k, v]) => `<${k}>${v}</${k}>`)
      .join('');
    entries.push({
      name: 'docProps/app.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">${fields}</Properties>`,
    });
    rootRels.push(`<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>`);
  }
  entries.unshift(
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${types.join('')}</Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rootRels.join('')}</Relationships>`,
    },
  );
  entries.push(...(parts.extra ?? []));
  for (const [name, o] of Object.entries(parts.override ?? {})) {
    const e = entries.find((x) => x.name === name);
    if (e) Object.assign(e, o);
    else entries.push({ name, data: '', ...o });
  }
  return entries;
}

export function buildDocx(parts: DocxParts): Buffer {
  return buildZip(docxEntries(parts));
}

/** A paragraph: optional pPr children, then runs. */
export function p(runs: string, pPr = ''): string {
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs}</w:p>`;
}

/** A run of text with optional rPr children. */
export function r(text: string, rPr = ''): string {
  return `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
}

export const pStyle = (id: string): string => `<w:pStyle w:val="${id}"/>`;
export const numPr = (numId: number | string, ilvl?: number): string =>
  `<w:numPr>${ilvl !== undefined ? `<w:ilvl w:val="${ilvl}"/>` : ''}<w:numId w:val="${numId}"/></w:numPr>`;

/** A package whose document.xml binds the WordprocessingML namespace to `prefix` instead of w. */
export function buildDocxWithPrefix(prefix: string, bodyChildren: string): Buffer {
  return buildZip(
    docxEntries({
      body: '',
      override: {
        'word/document.xml': {
          data: `<?xml version="1.0" encoding="UTF-8"?><${prefix}:document xmlns:${prefix}="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><${prefix}:body>${bodyChildren}</${prefix}:body></${prefix}:document>`,
        },
      },
    }),
  );
}

/** A minimal OLE compound file whose directory names the given streams (what sniffing looks at). */
export function compoundFile(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(0, 0x30);
  const dir = Buffer.alloc(512);
  ['Root Entry', ...streams].slice(0, 4).forEach((name, i) => {
    const n = Buffer.from(name + '\0', 'utf16le');
    n.copy(dir, i * 128);
    dir.writeUInt16LE(n.length, i * 128 + 64);
    dir[i * 128 + 66] = i === 0 ? 5 : 2;
  });
  return Buffer.concat([header, dir, Buffer.alloc(1024)]);
}
