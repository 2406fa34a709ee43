/**
 * Measures readDocx on generated documents of about 5 MB: one of text only
 * (markup as Word writes it: runs split by revision ids, fonts per run,
 * numbered headings, a table now and then) and one that is mostly images.
 *
 *   npm run build && node out/test/docx/throughput.js
 *
 * Not a test: it prints figures.
 */
import { randomBytes } from 'node:crypto';
import { readDocx } from '../../server/src/docx';
import { buildDocx, numPr, pStyle } from './build';
import { ZipInput } from './zip-writer';
import { NUMBERING, STYLES } from './fixtures';

/** Common characters, from which a vocabulary of two- and three-character words is drawn. */
const CHARS =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质';

function rng(seed: number): (n: number) => number {
  let s = seed >>> 0;
  // xorshift32: its low bits are as good as its high ones.
  return (n) => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s % n;
  };
}

const VOCAB: string[] = (() => {
  const rand = rng(99);
  const words: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const len = 2 + (rand(4) === 0 ? 1 : 0);
    let w = '';
    for (let k = 0; k < len; k++) w += CHARS.charAt(rand(CHARS.length));
    words.push(w);
  }
  return words;
})();

function phrase(rand: (n: number) => number): string {
  let out = '';
  const n = 3 + rand(6);
  for (let i = 0; i < n; i++) out += VOCAB[rand(VOCAB.length)];
  return out;
}


function run(text: string, rand: (n: number) => number): string {
  const rsid = (0x100000 + rand(0xefffff)).toString(16).toUpperCase().padStart(8, '0');
  return `<w:r w:rsidR="${rsid}"><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hint="eastAsia"/><w:sz w:val="32"/></w:rPr><w:t>${text}</w:t></w:r>`;
}

function paragraph(rand: (n: number) => number): string {
  const runs: string[] = [];
  const n = 3 + rand(6);
  for (let i = 0; i < n; i++) runs.push(run(phrase(rand) + (rand(3) === 0 ? String(rand(500)) : '') + (i === n - 1 ? '。' : '，'), rand));
  return `<w:p w:rsidR="00${rand(999999)}"><w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr>${runs.join('')}</w:p>`;
}

function body(paragraphs: number): string {
  const rand = rng(2025);
  const chunks: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    if (i % 40 === 0) chunks.push(`<w:p><w:pPr>${pStyle('1')}</w:pPr>${run('主要工作开展情况', rand)}</w:p>`);
    else if (i % 10 === 0) chunks.push(`<w:p><w:pPr>${pStyle('2')}</w:pPr>${run('加强组织领导', rand)}</w:p>`);
    else if (i % 97 === 0) chunks.push(`<w:tbl><w:tr><w:tc>${paragraph(rand)}</w:tc><w:tc>${paragraph(rand)}</w:tc></w:tr></w:tbl>`);
    else if (i % 7 === 0) chunks.push(`<w:p><w:pPr>${numPr(1, 2)}</w:pPr>${run(phrase(rand), rand)}</w:p>`);
    else chunks.push(paragraph(rand));
  }
  return chunks.join('');
}

/** A package (with `extra` entries) of about `targetBytes`: the paragraph count is scaled from a sample. */
export function build(targetBytes: number, extra: ZipInput[] = []): Buffer {
  const extraBytes = buildDocx({ body: '', extra }).length - buildDocx({ body: '' }).length;
  const sample = 2000;
  const perParagraph = buildDocx({ styles: STYLES, numbering: NUMBERING, body: body(sample) }).length / sample;
  const count = Math.ceil((targetBytes - extraBytes) / perParagraph);
  return buildDocx({ styles: STYLES, numbering: NUMBERING, body: body(count), extra });
}

function measure(label: string, bytes: Buffer, runs = 7): void {
  const times: number[] = [];
  let doc = readDocx(bytes);
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    doc = readDocx(bytes);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  const ms = times[Math.floor(times.length / 2)];
  const mb = bytes.length / (1024 * 1024);
  const xmlMb = doc.stats.xmlBytes / (1024 * 1024);
  const chars = doc.paragraphs.reduce((n, p) => n + p.text.length, 0);
  console.log(
    `${label}: ${mb.toFixed(2)} MB .docx, ${xmlMb.toFixed(1)} MB XML, ${doc.paragraphs.length} paragraphs, ${(chars / 1e6).toFixed(2)} M chars: ` +
      `median ${ms.toFixed(0)} ms = ${(mb / (ms / 1000)).toFixed(1)} MB/s of .docx, ${(xmlMb / (ms / 1000)).toFixed(1)} MB/s of XML`,
  );
}

if (require.main === module) {
  const MB = 1024 * 1024;
  measure('text only', build(5 * MB));
  const image = randomBytes(4 * MB);
  measure(
    'mostly images',
    build(5 * MB, [
      { name: 'word/media/image1.jpeg', data: image.subarray(0, 2 * MB), method: 0 },
      { name: 'word/media/image2.png', data: image.subarray(2 * MB), method: 8 },
    ]),
  );
}
