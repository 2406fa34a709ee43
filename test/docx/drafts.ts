/**
 * Acceptance drafts for Word files: each draft is written once as a list of
 * paragraphs and becomes both a .docx (automatic Chinese-counting numbering,
 * a table, a header watermark, tracked changes, a comment, highlight…) and
 * the same draft typed as a .txt (numbers typed, one line per paragraph,
 * table cells one per line). All text is made up for these tests.
 */
import { buildDocx, numPr, p, pStyle, r } from './build';

/** A run of the draft: plain text, or text Word holds in a particular way. */
export type Run =
  | string
  | { ins: string }
  | { del: string }
  | { highlight: string; color?: string }
  | { comment: string; on: string }
  | { hidden: string };

export type Para =
  | { kind: 'text'; runs: Run[] }
  /** An auto-numbered heading: level 0 (一、, tab after the number) or 1 (（一）, nothing after); `restart` starts level 0 again at 一. */
  | { kind: 'heading'; level: 0 | 1; runs: Run[]; restart?: boolean }
  | { kind: 'table'; rows: Run[][][] };

export interface Draft {
  paras: Para[];
  header?: { text?: string; watermark?: string };
  core?: Record<string, string>;
  app?: Record<string, string>;
}

export const text = (...runs: Run[]): Para => ({ kind: 'text', runs });
export const h1 = (...runs: Run[]): Para => ({ kind: 'heading', level: 0, runs });
export const h1Restart = (...runs: Run[]): Para => ({ kind: 'heading', level: 0, runs, restart: true });
export const h2 = (...runs: Run[]): Para => ({ kind: 'heading', level: 1, runs });
export const table = (...rows: Run[][][]): Para => ({ kind: 'table', rows });

const STYLES =
  '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>';

const NUMBERING =
  '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>' +
  // Level 0 keeps Word's default tab after the number; level 1 has none.
  '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>' +
  '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/></w:lvl>' +
  '</w:abstractNum>' +
  '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
  '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>';

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function runXml(run: Run, ids: { next: number }, comments: string[]): string {
  if (typeof run === 'string') return r(run);
  if ('ins' in run) return `<w:ins w:id="${ids.next++}" w:author="张三" w:date="2025-03-01T10:00:00Z">${r(run.ins)}</w:ins>`;
  if ('del' in run) return `<w:del w:id="${ids.next++}" w:author="张三" w:date="2025-03-01T10:00:00Z"><w:r><w:delText xml:space="preserve">${run.del}</w:delText></w:r></w:del>`;
  if ('highlight' in run) return r(run.highlight, `<w:highlight w:val="${run.color ?? 'yellow'}"/>`);
  if ('hidden' in run) return r(run.hidden, '<w:vanish/>');
  const id = ids.next++;
  comments.push(`<w:comment w:id="${id}" w:author="李四" w:date="2025-03-02T09:00:00Z">${p(r(run.comment))}</w:comment>`);
  return `<w:commentRangeStart w:id="${id}"/>${r(run.on)}<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;
}

/** The text a reader sees of a run (deleted and hidden text are not seen). */
function runText(run: Run): string {
  if (typeof run === 'string') return run;
  if ('ins' in run) return run.ins;
  if ('highlight' in run) return run.highlight;
  if ('comment' in run) return run.on;
  return '';
}

export function draftDocx(d: Draft): Buffer {
  const ids = { next: 100 };
  const comments: string[] = [];
  const runs = (rs: Run[]) => rs.map((x) => runXml(x, ids, comments)).join('');
  const body = d.paras
    .map((para) => {
      if (para.kind === 'text') return p(runs(para.runs));
      if (para.kind === 'heading') return p(runs(para.runs), pStyle(para.level === 0 ? '1' : '2') + (para.restart ? numPr(2) : ''));
      return (
        '<w:tbl><w:tblPr/><w:tblGrid>' +
        para.rows[0].map(() => '<w:gridCol/>').join('') +
        '</w:tblGrid>' +
        para.rows.map((row) => '<w:tr>' + row.map((cell) => `<w:tc>${p(runs(cell))}</w:tc>`).join('') + '</w:tr>').join('') +
        '</w:tbl>'
      );
    })
    .join('');
  let header: string | undefined;
  if (d.header) {
    header = (d.header.text !== undefined ? p(r(d.header.text)) : '') +
      (d.header.watermark !== undefined
        ? p(`<w:r><w:pict><v:shape id="PowerPlusWaterMarkObject1" type="#_x0000_t136"><v:textpath style="font-family:&quot;宋体&quot;" string="${d.header.watermark}"/></v:shape></w:pict></w:r>`)
        : '');
  }
  return buildDocx({ body, styles: STYLES, numbering: NUMBERING, header, comments: comments.length ? comments.join('') : undefined, core: d.core, app: d.app });
}

/** The same draft as its writer would have typed it: numbers typed, one line per paragraph and per table cell. */
export function draftText(d: Draft): string {
  const lines: string[] = [];
  const count = [0, 0];
  for (const para of d.paras) {
    const t = para.kind === 'table' ? '' : para.runs.map(runText).join('');
    if (para.kind === 'text') lines.push(t);
    else if (para.kind === 'heading') {
      if (para.level === 0) {
        count[0] = para.restart ? 1 : count[0] + 1;
        count[1] = 0;
        lines.push(`${CN[count[0] - 1]}、${t}`);
      } else {
        count[1]++;
        lines.push(`（${CN[count[1] - 1]}）${t}`);
      }
    } else {
      for (const row of para.rows) for (const cell of row) lines.push(cell.map(runText).join(''));
    }
  }
  return lines.join('\n');
}
