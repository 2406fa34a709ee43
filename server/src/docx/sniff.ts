/**
 * Tells what a file is from its first bytes, before any zip reading: a .docx
 * is a zip, and the files people rename to .docx (old .doc, encrypted .docx,
 * web pages, RTF, PDF) each get their own error.
 */
import { DocxError, errors } from './errors';

const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Throws the right DocxError unless `bytes` starts like a zip archive; `ext` is the file's extension, for the messages. */
export function checkContainer(bytes: Buffer, ext = '.docx'): void {
  if (bytes.length === 0) throw errors.empty();
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const kind = bytes.readUInt16LE(2);
    // Local file header, empty archive, spanned-archive marker.
    if (kind === 0x0403 || kind === 0x0605 || kind === 0x0807) return;
  }
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(CFB_SIGNATURE)) throw compoundFileError(bytes, ext);
  throw textFormatError(bytes, ext);
}

/**
 * An OLE compound file: an encrypted OOXML package (streams EncryptionInfo and
 * EncryptedPackage), a Word 97–2003 document (stream WordDocument), or another
 * legacy Office file. Stream names sit in 128-byte directory entries, which
 * start at multiples of 128 from the file start (sectors are 512 or 4096 bytes
 * and the header takes sector -1), with the name's byte length (terminator
 * included) at offset 64; checking both avoids matching body text.
 */
function compoundFileError(bytes: Buffer, ext: string): DocxError {
  const has = (name: string): boolean => {
    const needle = Buffer.from(name + '\0', 'utf16le');
    for (let at = bytes.indexOf(needle, 512); at >= 0; at = bytes.indexOf(needle, at + 2)) {
      if (at % 128 === 0 && at + 66 <= bytes.length && bytes.readUInt16LE(at + 64) === needle.length) return true;
    }
    return false;
  };
  if (has('EncryptedPackage') || has('EncryptionInfo')) return errors.encrypted();
  if (has('WordDocument')) return errors.legacyDoc(ext);
  if (has('Workbook') || has('Book')) return errors.otherOffice('旧版 Excel 工作簿（.xls）');
  if (has('PowerPoint Document')) return errors.otherOffice('旧版 PowerPoint 演示文稿（.ppt）');
  return errors.notDocx('这是 OLE 复合文档，但其中没有 Word 正文');
}

/** A file that is not binary-zip: recognise the text formats that get renamed to .docx. */
function textFormatError(bytes: Buffer, ext: string): DocxError {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return errors.pdf();
  const head = decodeHead(bytes.subarray(0, 4096)).replace(/^[\s\ufeff]+/, '');
  const lower = head.toLowerCase();
  if (lower.startsWith('{\\rtf')) return errors.rtf(ext);
  if (/^mime-version:/m.test(lower.slice(0, 1024)) && lower.includes('multipart/related')) return errors.html(ext);
  if (lower.startsWith('<')) {
    if (/<html[\s>]|<!doctype html/.test(lower)) return errors.html(ext);
    if (lower.includes('w:worddocument') || lower.includes('progid="word.document"') || lower.includes('<pkg:package')) {
      return errors.flatXml();
    }
  }
  return errors.notDocx();
}

function decodeHead(head: Buffer): string {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return head.subarray(3).toString('latin1');
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return head.subarray(2).toString('utf16le');
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) {
    const swapped = Buffer.from(head.subarray(2, head.length - (head.length % 2)));
    return swapped.swap16().toString('utf16le');
  }
  return head.toString('latin1');
}
