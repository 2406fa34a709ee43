/**
 * The one error type the Word reader throws. Every way a file can fail to be
 * read (wrong format, encryption, damage, limits) is a DocxError with a code a
 * caller can branch on and a message in Chinese that can be shown as it is.
 */

export type DocxErrorCode =
  /** The file has no bytes. */
  | 'empty'
  /** Not a format we recognise at all. */
  | 'not-docx'
  /** A Word 97–2003 .doc (OLE compound file with a WordDocument stream). */
  | 'legacy-doc'
  /** Password-protected: an OLE file holding EncryptedPackage, or a zip with encrypted entries. */
  | 'encrypted'
  /** An HTML or MHT web page saved with a .docx name. */
  | 'html'
  | 'rtf'
  | 'pdf'
  /** Word 2003 XML or Flat OPC: one XML file, not a zip package. */
  | 'flat-xml'
  /** A zip package of another office format (.xlsx, .pptx, .odt…). */
  | 'other-office'
  /** A zip that is damaged, truncated, or whose XML is malformed. */
  | 'corrupt'
  /** More uncompressed XML than allowed: a zip bomb or an abnormal file. */
  | 'too-large'
  /** More zip entries than allowed. */
  | 'too-many-entries';

export class DocxError extends Error {
  override readonly name = 'DocxError';
  constructor(
    readonly code: DocxErrorCode,
    message: string,
    /** Technical detail for logs (English), when there is any. */
    readonly detail?: string,
  ) {
    super(message);
  }
}

const RESAVE = '请在 Word 或 WPS 中打开，另存为“Word 文档（*.docx）”后再检查。';

export function corrupt(what: string, detail?: string): DocxError {
  return new DocxError('corrupt', `Word 文档已损坏，无法读取：${what}。可尝试在 Word 或 WPS 中打开并另存为 .docx 后再检查。`, detail);
}

export const errors = {
  empty: () => new DocxError('empty', '文件是空的（0 字节），不是 Word 文档。'),
  notDocx: (what = '无法识别的文件格式') =>
    new DocxError('not-docx', `这不是 Word（.docx）文档：${what}。${RESAVE}`),
  /** `ext`: the file's extension as named (".doc", ".wps", ".docx"), for a message that names what the user has. */
  legacyDoc: (ext = '.doc') =>
    new DocxError(
      'legacy-doc',
      ext === '.wps'
        ? `这是 WPS 文字的旧版格式（.wps）文件，暂不能直接检查。${RESAVE}`
        : `这是旧版 Word（.doc）文件${ext === '.doc' ? '' : `，只是扩展名为 ${ext}`}，暂不能直接检查。${RESAVE}`,
    ),
  encrypted: () =>
    new DocxError('encrypted', '文档已加密或设置了打开密码，无法读取。请在 Word 或 WPS 中取消密码保护后另存为 .docx 再检查。'),
  html: (ext = '.docx') =>
    new DocxError('html', `这是网页（HTML）文件，只是扩展名为 ${ext}。${RESAVE}`),
  rtf: (ext = '.docx') =>
    new DocxError('rtf', `这是 RTF 格式文件，只是扩展名为 ${ext}。${RESAVE}`),
  pdf: () =>
    new DocxError('pdf', '这是 PDF 文件，不是 Word 文档。请使用 Word 原稿（.docx）进行检查。'),
  flatXml: () =>
    new DocxError('flat-xml', `这是 Word XML 格式（单个 .xml 文件），不是 .docx 压缩包。${RESAVE}`),
  otherOffice: (kind: string) =>
    new DocxError('other-office', `这是${kind}，不是 Word 文档。`),
  tooLarge: (limitBytes: number) =>
    new DocxError(
      'too-large',
      `文档解压后的内容超过 ${formatMb(limitBytes)} MB 的上限，可能是异常的压缩文件，已停止读取。`,
    ),
  tooManyEntries: (limit: number) =>
    new DocxError('too-many-entries', `文档包含的文件超过 ${limit} 个的上限，可能是异常的压缩文件，已停止读取。`),
};

function formatMb(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 10 ? String(Math.round(mb)) : String(Math.round(mb * 10) / 10);
}
