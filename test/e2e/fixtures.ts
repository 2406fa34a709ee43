import { Draft, h1, h2, text } from '../docx/drafts';

/**
 * The documents of the end-to-end scenarios, shared by the code-server test
 * (driven through the browser) and the in-VS-Code suite (driven through the
 * vscode API). A short annual report of our own with exactly four
 * placeholders and nothing else to find, so every count is exact.
 */

export const DRAFT_NAME = 'draft.txt';
export const DRAFT = [
  '县文化和旅游局2025年度意识形态工作总结',
  '2025年，局党组认真落实意识形态工作责任制，牢牢把握正确政治方向，现将全年工作情况总结如下。',
  '一、主要工作开展情况',
  '（一）加强组织领导，压实工作责任',
  '全年召开党组会议X次专题研究意识形态工作，制定班子成员责任清单，层层签订责任书。',
  '（二）强化理论武装，筑牢思想根基',
  '开展中心组集体学习12次、专题研讨X次，组织干部职工参加各类培训XX人次。',
  '（三）守好宣传阵地，加强舆论引导',
  '赴某社区开展政策宣讲，通过政务新媒体发布信息360条，及时回应群众关切。',
  '二、存在的问题',
  '一是理论学习的深度还不够，学用结合不够紧密。二是网络阵地管理还有薄弱环节。',
  '三、下一步工作打算',
  '一是持续深化理论武装，推动学习成果转化。二是压实阵地管理责任，守牢网络意识形态阵地。',
  '',
].join('\n');

/** The placeholders of DRAFT: 1-based line and column, as VS Code shows them ([Ln 5, Col 9]). */
export const DRAFT_PLACEHOLDERS = [
  { line: 5, column: 9, text: 'X' },
  { line: 7, column: 18, text: 'X' },
  { line: 7, column: 33, text: 'XX' },
  { line: 9, column: 2, text: '某' },
];

/**
 * Typed on DRAFT's last, empty line: continues the 一是/二是 run of the plans
 * and brings a new placeholder.
 */
export const TYPED_LINE = '三是开展基层宣讲X场。';
export const TYPED_PLACEHOLDER = { line: 14, column: 9, text: 'X' };

/** What fills the first placeholder (line 5, 「X次」). */
export const FILL = '8';

/**
 * Typed as a new last line after TYPED_LINE: 「二十大大」 is a doubled character
 * that only the word-segmenting rules see (二十大/大), so its finding shows
 * that nodejieba from the VSIX runs in the server.
 */
export const SEGMENTED_LINE = '四是深入学习贯彻党的二十大大精神。';
export const SEGMENTED_FINDING = { line: 15, column: 11, code: 'duplicated-char' };

/** An empty file in which the skeleton snippet is inserted. */
export const SKELETON_NAME = 'skeleton.txt';
export const SKELETON_PREFIX = 'ndzj';
export const SKELETON_SNIPPET = '年度意识形态工作总结';
/** Top-level parts the outline must show after the skeleton is inserted. */
export const SKELETON_PARTS = ['一、主要工作开展情况', '二、存在的问题', '三、下一步工作打算'];

/** A note that is not a report (no report title), though it holds a placeholder-like X. */
export const NOTE_NAME = 'notes.txt';
export const NOTE = ['会议记录', '下周召开X次碰头会，议题待定。', ''].join('\n');

/**
 * A draft with faults the quick fixes repair: a watermark line, a skipped
 * number ((一) then (三)), a half-width comma; and one placeholder, which no
 * fix may touch.
 */
export const FIXABLE_NAME = 'fixable.txt';
export const FIXABLE = [
  '仅供学习参考，请勿照搬照抄',
  '街道党工委2025年度意识形态工作总结',
  '2025年，街道党工委认真落实意识形态工作责任制，现将全年工作总结如下。',
  '一、主要工作开展情况',
  '（一）压实工作责任。制定责任清单,层层传导压力。',
  '（三）强化理论武装。开展集中学习X次。',
  '二、存在的问题',
  '宣传方式比较单一。',
  '三、下一步工作打算',
  '创新宣传方式，提高传播效果。',
  '',
].join('\n');
/** The line of the skipped number (0-based) and what renumbering makes of it. */
export const FIXABLE_SKIP = { line: 5, before: '（三）强化理论武装。开展集中学习X次。', after: '（二）强化理论武装。开展集中学习X次。' };
/** The whole text after 「修复全部可自动修复的问题」. */
export const FIXABLE_ALL_FIXED = FIXABLE.split('\n').slice(1).join('\n').replace('清单,层层', '清单，层层').replace('（三）强化', '（二）强化');

/**
 * The Word document of the Word scenario: automatic numbering, a yellow
 * highlighted figure, a comment, a header notice from a template site. Its
 * filled version (the figure typed, the highlight gone) is what replaces it on disk.
 */
export const WORD_NAME = '年度总结.docx';
const WORD_PARAS = [
  text('县文化和旅游局2025年度意识形态工作总结'),
  text('2025年，局党组认真落实意识形态工作责任制，现将全年工作情况总结如下。'),
  h1('主要工作开展情况'),
  h2('加强组织领导'),
  text('全年召开党组会议', { highlight: 'X' }, '次专题研究意识形态工作。'),
  h2('守好宣传阵地'),
  text('通过政务新媒体发布信息360条，', { comment: '请核实条数', on: '及时回应群众关切' }, '。'),
  h1('存在的问题'),
  text('一是理论学习的深度还不够。二是网络阵地管理还有薄弱环节。'),
  h1('下一步工作打算'),
  text('一是持续深化理论武装。二是压实阵地管理责任。'),
];
export const WORD_DRAFT: Draft = { paras: WORD_PARAS, header: { text: '仅供学习参考' } };
export const WORD_DRAFT_FILLED: Draft = { paras: WORD_PARAS.map((p, i) => (i === 4 ? text('全年召开党组会议6次专题研究意识形态工作。') : p)), header: { text: '仅供学习参考' } };
export const WORD_OUTLINE = ['一、主要工作开展情况', '（一）加强组织领导', '（二）守好宣传阵地', '二、存在的问题'];
