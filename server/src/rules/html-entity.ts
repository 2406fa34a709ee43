/**
 * html-entity: HTML character references left in the text by copying from a
 * web page's source or a badly converted export (`&ldquo;`, `&nbsp;`,
 * `&#8220;`, and `ldquo;` or `squo;` with the `&` and a letter lost).
 *
 * Each is replaced by the character it stands for; a no-break space between
 * Chinese words, or as indentation, is deleted. Quotes written the same way
 * (`&quot;`, `squo;`) open and close in turn: a guess, applied by fix all only
 * when those on the line pair up and their name is whole. URLs and Markdown
 * code keep theirs. Their `;` is not reported as half-width punctuation
 * (prose-spans.ts).
 */
import { ENTITY_GATE, EntityMatch, findEntities } from '../engine/html-entities';
import { addressAndCodeSpans } from '../engine/prose-spans';
import { lineRange, RuleFinding } from '../engine/types';
import { LineRule } from './rule';

function describe(e: EntityMatch, written: string): { message: string; title: string } {
  if (e.replacement === '') return { message: `「${written}」是从网页复制时留下的转义字符（空格），不属于正文，应删去。`, title: `删去「${written}」` };
  const shown = e.replacement === ' ' ? '空格' : `「${e.replacement}」`;
  if (!written.startsWith('&') && /^[sd]quo;$/.test(written)) {
    return { message: `「${written}」像是网页转义字符丢了开头（原为引号），应为${shown}；请核对引号的方向。`, title: `改为${shown}` };
  }
  return { message: `「${written}」是从网页复制时留下的转义字符，应为${shown}。`, title: `改为${shown}` };
}

export function htmlEntityFindings(line: string, markdown: boolean): RuleFinding[] {
  const entities = findEntities(line);
  if (entities.length === 0) return [];
  const spans = addressAndCodeSpans(line, markdown);
  const out: RuleFinding[] = [];
  for (const e of entities) {
    if (spans.some(([a, b]) => e.start < b && a < e.end)) continue;
    const written = line.slice(e.start, e.end);
    const range = lineRange(0, e.start, e.end);
    const { message, title } = describe(e, written);
    out.push({
      message,
      range,
      fix: e.certain ? { title, edits: [{ range, newText: e.replacement }] } : { title, edits: [{ range, newText: e.replacement }], manual: true },
      data: { replacement: e.replacement },
    });
  }
  return out;
}

export const htmlEntityRule: LineRule = {
  id: 'html-entity',
  docs: {
    title: '网页转义字符',
    summary: '从网页复制时留下的转义字符 `&ldquo;`、`&nbsp;`、`&#8220;`（或丢了 `&` 的 `ldquo;`），应为相应的标点，或删去',
    readme: { problem: '网页转义字符', examples: '`&ldquo;第一议题&rdquo;`、`&nbsp;&nbsp;开展`、`squo;`' },
    hover: {
      explanation:
        '从网页源代码或转换不当的文档复制的文字，会把引号、空格、破折号等留成 HTML 转义字符（如 `&ldquo;` 是左双引号，`&nbsp;` 是不换行空格），有时连开头的 `&` 也丢了。快速修复会换成相应的字符；中文之间的空格直接删去。',
      wrong: '落实&ldquo;第一议题&rdquo;制度，&nbsp;&nbsp;开展“三会一课”。',
      right: '落实“第一议题”制度，开展“三会一课”。',
    },
    details: [
      '从网页复制时留下的 HTML 字符实体：`&ldquo;` `&rdquo;` `&lsquo;` `&rsquo;` `&quot;` `&nbsp;` `&mdash;` `&hellip;` `&middot;` 等，以及数字形式 `&#8220;`。',
      '丢了 `&` 的 `ldquo;` `rdquo;` `nbsp;` `mdash;` `hellip;` 等也报告；`squo;` `dquo;`（连左右的 l、r 也丢了）按先后当作左引号、右引号。',
      '',
      '- 默认级别：错误',
      '- 可一键修复：是（换成相应的字符；中文之间、段首的空格删去）',
      '- 需要中文分词：否',
      '',
      '同一行中 `&quot;`、`squo;`、`dquo;` 按先后一左一右配对；配不成对，或名称不全（`squo;`）时，快速修复需逐个确认，「全部修复」不会自动改。',
      '网址和 Markdown 行内代码中的转义字符不报告。转义字符末尾的 `;` 不再当作半角分号报告。',
      '',
      '- 错误示例：`落实&ldquo;第一议题&rdquo;制度，&nbsp;&nbsp;开展宣讲活动。`',
      '- 正确示例：`落实“第一议题”制度，开展宣讲活动。`',
    ],
  },
  defaultSeverity: 'error',
  fixable: true,
  scope: 'line',
  kinds: ['body', 'heading', 'title', 'toc'],
  mayFind: (line) => line.includes(';') && ENTITY_GATE.test(line),
  checkLine: (line, ctx) => htmlEntityFindings(line, ctx.markdown),
};
