import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import * as zlib from 'node:zlib';
import { DocxError, DocxErrorCode, ReadDocxOptions, readDocx } from '../../server/src/docx';
import { buildDocx, compoundFile, docxEntries, p, r } from './build';
import { contentDocx } from './fixtures';
import { ZipInput, buildZip } from './zip-writer';

const FIXTURES = join(__dirname, '../../../test/docx/fixtures');

/** Reads and expects a DocxError with `code`; returns its message. */
function refused(bytes: Buffer, code: DocxErrorCode, options?: ReadDocxOptions): string {
  try {
    readDocx(bytes, options);
  } catch (e) {
    assert.ok(e instanceof DocxError, `expected a DocxError, got ${String(e)}`);
    assert.equal(e.code, code, `${e.code}: ${e.message} (${e.detail ?? ''})`);
    return e.message;
  }
  assert.fail(`expected DocxError ${code}, the file was read`);
}

const small = (): Buffer => buildDocx({ body: p(r('2025年某单位意识形态工作总结')) });

describe('files that are not .docx', () => {
  test('empty file', () => {
    assert.match(refused(Buffer.alloc(0), 'empty'), /空的/);
  });

  test('legacy .doc (a real Word 97 file written by LibreOffice)', () => {
    const message = refused(readFileSync(join(FIXTURES, 'legacy.doc')), 'legacy-doc');
    assert.ok(message.startsWith('这是旧版 Word（.doc）文件'), message);
    assert.match(message, /另存为/);
  });

  test('the messages name the extension the file has: a WPS .wps, a .doc renamed .docx, a web page or RTF saved as .doc or .wps', () => {
    const legacy = readFileSync(join(FIXTURES, 'legacy.doc'));
    const wps = refused(legacy, 'legacy-doc', { fileName: '/某处/县文旅局总结.WPS' });
    assert.ok(wps.startsWith('这是 WPS 文字的旧版格式（.wps）文件'), wps);
    assert.match(wps, /另存为/);
    assert.match(refused(legacy, 'legacy-doc', { fileName: '总结.docx' }), /^这是旧版 Word（\.doc）文件，只是扩展名为 \.docx，/);
    assert.match(refused(legacy, 'legacy-doc', { fileName: '总结.doc' }), /^这是旧版 Word（\.doc）文件，暂不能/);
    assert.match(refused(Buffer.from('<html><body><p>总结</p></body></html>'), 'html', { fileName: '范文.doc' }), /只是扩展名为 \.doc。/);
    assert.match(refused(Buffer.from('{\\rtf1\\ansi 总结}'), 'rtf', { fileName: '范文.wps' }), /只是扩展名为 \.wps。/);
    assert.match(refused(Buffer.from('{\\rtf1\\ansi 总结}'), 'rtf'), /只是扩展名为 \.docx。/);
  });

  test('password-protected .docx: an OLE file with EncryptionInfo and EncryptedPackage', () => {
    const message = refused(compoundFile(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']), 'encrypted');
    assert.match(message, /加密|密码/);
  });

  test('an OLE file with a stream name only in its body text is not taken for encrypted', () => {
    const cf = compoundFile(['WordDocument']);
    // "EncryptedPackage" written at an offset that is no directory entry.
    Buffer.from('xEncryptedPackage\0', 'utf16le').copy(cf, 1030);
    refused(cf, 'legacy-doc');
  });

  test('web page, MHT, RTF and PDF renamed to .docx', () => {
    assert.match(refused(Buffer.from('\ufeff<!DOCTYPE html>\n<html><body><p>总结</p></body></html>'), 'html'), /网页（HTML）/);
    assert.match(refused(Buffer.from('<html xmlns:o="urn:schemas-microsoft-com:office:office"><head></head></html>'), 'html'), /网页/);
    refused(Buffer.from('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart"\r\n'), 'html');
    assert.match(refused(Buffer.from('{\\rtf1\\ansi\\ansicpg936 总结}'), 'rtf'), /RTF/);
    assert.match(refused(Buffer.from('%PDF-1.7\n%âãÏÓ\n'), 'pdf'), /PDF/);
    const utf16Html = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<html><body></body></html>', 'utf16le')]);
    refused(utf16Html, 'html');
  });

  test('Word 2003 XML is named as such', () => {
    const xml = '<?xml version="1.0"?><?mso-application progid="Word.Document"?><w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"/>';
    assert.match(refused(Buffer.from(xml), 'flat-xml'), /Word XML/);
  });

  test('plain text and other zips', () => {
    assert.match(refused(Buffer.from('一、主要工作开展情况'), 'not-docx'), /不是 Word（\.docx）文档/);
    const xlsx = buildZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'xl/workbook.xml', data: '<workbook/>' }]);
    assert.match(refused(xlsx, 'other-office'), /Excel/);
    const odt = buildZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', method: 0 }, { name: 'content.xml', data: '<x/>' }]);
    assert.match(refused(odt, 'other-office'), /OpenDocument/);
    assert.match(refused(buildZip([{ name: 'a.txt', data: 'x' }]), 'not-docx'), /ZIP/);
  });
});

describe('damaged packages', () => {
  test('truncated file', () => {
    const whole = small();
    assert.match(refused(whole.subarray(0, Math.floor(whole.length / 2)), 'corrupt'), /损坏/);
  });

  test('bad deflate data, wrong CRC, unknown compression method', () => {
    const garbage = buildDocx({ body: '', override: { 'word/document.xml': { rawDeflated: Buffer.from('not deflate data at all, really'), declaredSize: 100 } } });
    assert.match(refused(garbage, 'corrupt'), /word\/document\.xml/);
    refused(buildDocx({ body: p(r('甲')), override: { 'word/document.xml': { crc: 1234 } } }), 'corrupt');
    const entries = docxEntries({ body: p(r('甲')) });
    const zip = buildZip(entries);
    // Patch the document's method (central directory and local header) to 12 (bzip2).
    for (let at = zip.indexOf('word/document.xml'); at >= 0; at = zip.indexOf('word/document.xml', at + 1)) {
      if (zip.readUInt32LE(at - 46) === 0x02014b50) zip.writeUInt16LE(12, at - 46 + 10);
      if (zip.readUInt32LE(at - 30) === 0x04034b50) zip.writeUInt16LE(12, at - 30 + 8);
    }
    assert.match(refused(zip, 'corrupt'), /不支持的压缩方式/);
  });

  test('an archive comment holding the end-record signature, and bytes appended after the archive', () => {
    const zip = buildDocx({ body: p(r('正文')) });
    const comment = Buffer.concat([Buffer.from('PK\x05\x06', 'latin1'), Buffer.alloc(30, 0x41)]);
    const withComment = Buffer.concat([zip.subarray(0, zip.length - 2), Buffer.from([comment.length, 0]), comment]);
    assert.equal(readDocx(withComment).paragraphs[0].text, '正文');
    assert.equal(readDocx(Buffer.concat([zip, Buffer.from('签名数据')])).paragraphs[0].text, '正文');
  });

  test('zip-level encryption', () => {
    refused(buildDocx({ body: p(r('甲')), override: { 'word/document.xml': { flags: 1 } } }), 'encrypted');
  });

  test('malformed XML names the part and the line; a DOCTYPE is refused', () => {
    const broken = buildDocx({ body: '', override: { 'word/document.xml': { data: '<?xml version="1.0"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\n<w:body><w:p>\n</w:body></w:document>' } } });
    assert.match(refused(broken, 'corrupt'), /“word\/document\.xml”的 XML 格式有误（第 4 行附近）/);
    const dtd = buildDocx({ body: '', override: { 'word/document.xml': { data: '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaa">]><w:document/>' } } });
    refused(dtd, 'corrupt');
  });

  test('random damage never escapes as anything but a DocxError', () => {
    const base = contentDocx();
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let read = 0;
    for (let i = 0; i < 300; i++) {
      const b = Buffer.from(base);
      const kind = i % 3;
      if (kind === 0) for (let k = 0; k < 4; k++) b[rand(b.length)] = rand(256);
      const bytes = kind === 1 ? b.subarray(0, rand(b.length)) : b;
      if (kind === 2) b.fill(rand(256), rand(b.length), rand(b.length));
      try {
        readDocx(bytes);
        read++;
      } catch (e) {
        assert.ok(e instanceof DocxError, `iteration ${i}: ${String((e as Error).stack ?? e)}`);
      }
    }
    assert.ok(read > 0 && read < 300, `some damaged copies still read (${read})`);
  });
});

describe('limits', () => {
  test('an entry declaring more than the budget is refused before inflating', () => {
    const bomb = buildDocx({ body: '', override: { 'word/document.xml': { rawDeflated: zlib.deflateRawSync(Buffer.from('<w:document/>')), declaredSize: 201 * 1024 * 1024 } } });
    assert.match(refused(bomb, 'too-large'), /超过 200 MB 的上限/);
  });

  test('an entry lying about its size stops at the declared size', () => {
    const zeros = zlib.deflateRawSync(Buffer.alloc(5 * 1024 * 1024, 0x20));
    const liar = buildDocx({ body: '', override: { 'word/document.xml': { rawDeflated: zeros, declaredSize: 1000 } } });
    const message = refused(liar, 'corrupt');
    assert.match(message, /解压后超过了记录的大小/);
  });

  test('the budget counts all parts together', () => {
    const filler = '<w:p><w:r><w:t>' + '总结'.repeat(20000) + '</w:t></w:r></w:p>';
    const bytes = buildDocx({ body: filler, header: filler, footer: filler });
    readDocx(bytes, { maxUncompressedBytes: 1024 * 1024 });
    assert.match(refused(bytes, 'too-large', { maxUncompressedBytes: 300 * 1024 }), /超过 0\.3 MB 的上限/);
  });

  test('too many entries', () => {
    const entries: ZipInput[] = docxEntries({ body: p(r('甲')) });
    for (let i = 0; i < 10001; i++) entries.push({ name: `word/media/image${i}.png`, data: 'x', method: 0 });
    assert.match(refused(buildZip(entries), 'too-many-entries'), /超过 10000 个/);
    refused(buildDocx({ body: '' }), 'too-many-entries', { maxEntries: 3 });
  });

  test('images are never inflated: a broken, huge-declared image does not stop the read', () => {
    const image: ZipInput = { name: 'word/media/image1.png', rawDeflated: Buffer.from('garbage'), data: '', declaredSize: 0xfffffff0 };
    const doc = readDocx(buildDocx({ body: p(r('正文')), extra: [image] }));
    assert.equal(doc.paragraphs[0].text, '正文');
    assert.ok(doc.stats.xmlBytes < 10_000);
  });
});

describe('a file written by LibreOffice', () => {
  test('reads like the fixture it was converted from', () => {
    const doc = readDocx(readFileSync(join(FIXTURES, 'libreoffice-content.docx')));
    const texts = doc.paragraphs.map((x) => `${x.region}:${x.text}`);
    for (const expected of [
      'body:全年共开展12次专题学习。',
      'body:本单位共有XX个宣传阵地，（填写时间）前完成。',
      'body:正式内容到此结束。',
      'table:专题学习',
      'textbox:文本框中的说明文字',
      'toc:一、主要工作开展情况\t1',
      'body:第一行 第二行\t完',
      'footer:第 1 页',
      'comment:请核实阵地数量。',
    ]) {
      assert.ok(texts.includes(expected), `${expected} in ${texts.join(' | ')}`);
    }
    const kinds = doc.hidden.map((f) => `${f.kind}:${f.text}`);
    for (const expected of ['deletion:8', 'insertion:12', 'comment:请核实阵地数量。', 'highlight:XX', 'hidden-text:（模板说明：此处删除）', 'watermark:样稿', 'property:某某范文网']) {
      assert.ok(kinds.includes(expected), `${expected} in ${kinds.join(' | ')}`);
    }
  });
});
