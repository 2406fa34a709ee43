/**
 * marked-placeholder: runs a Word template marks as "fill this in" — yellow
 * (or other) highlight, character shading, a content control still showing
 * its prompt, or coloured text that reads as a prompt. Highlight left in a
 * submitted report prints and shows; usually the text under it was never
 * replaced.
 */
import wordData from '../data/word.json';
import { RuleFinding } from '../engine/types';
import { WordFact } from '../engine/word-facts';
import { DocumentRule, RuleContext } from './rule';
import { excerpt, placeData, placeRange, whereNote } from './word-place';

const HIGHLIGHT_NAMES: Record<string, string> = {
  yellow: '黄色',
  green: '绿色',
  cyan: '青色',
  magenta: '粉红色',
  blue: '蓝色',
  red: '红色',
  darkBlue: '深蓝色',
  darkCyan: '深青色',
  darkGreen: '深绿色',
  darkMagenta: '紫色',
  darkRed: '深红色',
  darkYellow: '深黄色',
  darkGray: '深灰色',
  lightGray: '浅灰色',
  black: '黑色',
  white: '白色',
};

/** Coloured text counts only when it reads as a prompt: colour alone is also emphasis or a red heading. */
const FILL_HINT = new RegExp(wordData.fillHint);

/**
 * A fill a template marks with: a colour. Text pasted from a web page keeps
 * the page's background as character shading, light grey or off-white, which
 * marks nothing.
 */
function markingFill(hex: string | undefined): boolean {
  const m = /^([0-9A-F]{2})([0-9A-F]{2})([0-9A-F]{2})$/i.exec(hex ?? '');
  if (!m) return true;
  const rgb = [m[1], m[2], m[3]].map((x) => parseInt(x, 16));
  const min = Math.min(...rgb);
  const max = Math.max(...rgb);
  return max - min >= 0x30 && min < 0xf0;
}

function marked(f: WordFact): boolean {
  if (f.text.trim() === '') return false;
  switch (f.kind) {
    case 'highlight':
      return f.color !== 'white';
    case 'shading':
      return markingFill(f.color);
    case 'content-control-placeholder':
      return true;
    case 'font-color':
      // Dark grey text is a web page's body colour, not a template's prompt.
      return FILL_HINT.test(f.text) && markingFill(f.color);
    default:
      return false;
  }
}

function how(f: WordFact): string {
  switch (f.kind) {
    case 'highlight':
      return `用${HIGHLIGHT_NAMES[f.color ?? ''] ?? ''}高亮标出`;
    case 'shading':
      return '加了底纹';
    case 'content-control-placeholder':
      return '是内容控件的提示文字';
    default:
      return '用彩色字标出';
  }
}

export const markedPlaceholderRule: DocumentRule = {
  id: 'marked-placeholder',
  docs: {
    title: '标记的待填内容',
    summary: 'Word 模板用高亮、底纹或彩色字标出的待填写内容还在',
    readme: { problem: '高亮的待填内容（Word）', examples: '黄色高亮的「XX单位」、内容控件的「单击此处输入文字」' },
    hover: {
      explanation:
        'Word 模板常用黄色高亮（或底纹、彩色字、内容控件）标出需要填写的地方。这段文字还带着这样的标记，多半还没有换成实际内容；即使已经改好，高亮也会印出来。请填写实际内容，并清除高亮或底纹。',
      wrong: '[黄色高亮：XX]单位全年开展专题学习[黄色高亮：X]次',
      right: '县文旅局全年开展专题学习12次（无高亮）',
    },
    details: [
      '只检查 Word 文档（.docx）。以下文字报告为待填写的内容：',
      '- 带高亮（任何颜色，黄色最常见）或彩色字符底纹的文字（从网页粘贴带来的浅灰、近白底纹不算）；',
      '- 内容控件中仍显示提示语的文字（如「单击或点击此处输入文字。」）；',
      '- 彩色字中读起来像填写提示的文字（「请填写……」「××」「（单位名称）」）。只是颜色不同的标题或强调不报告。',
      '',
      '- 错误示例：模板中黄色高亮的「XX」没有换成单位名称，高亮也还在。',
      '- 正确示例：填上单位名称，并把高亮颜色设为“无”。',
    ],
  },
  defaultSeverity: 'error',
  fixable: false,
  fillIn: true,
  scope: 'document',
  check(ctx: RuleContext): RuleFinding[] {
    const out: RuleFinding[] = [];
    const seen = new Set<string>();
    for (const f of ctx.word?.facts ?? []) {
      if (!marked(f)) continue;
      // A run both highlighted and shaded is one place to fill in.
      const key = `${f.paragraph}:${f.start}:${f.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        message: `${whereNote(f)}「${excerpt(f.text)}」${how(f)}，是模板中待填写的内容：请填写实际内容并清除标记。`,
        range: placeRange(f),
        data: placeData(f, { mark: f.kind, text: f.text, ...(f.color ? { color: f.color } : {}) }),
      });
    }
    return out;
  },
};
