import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../../server/src/features/analyze';
import { codeActionsFor, nextPlaceholder } from '../../server/src/features/fixes';
import { reportWith } from '../chinese/util';
import { draft } from '../helpers';
import { actionsFor, only } from '../fixes/util';
import { InvalidCase, ruleTester } from './tester';

const ID = 'placeholder';

/** `line` as the body line (line 2) of a small report, and the placeholders it must hold. */
const inBody = (line: string, found: string[], markdown = false): InvalidCase => ({
  name: line,
  text: reportWith(line),
  options: { markdown },
  findings: found.map((text) => ({ line: 2, text })),
});

ruleTester(ID, {
  suite: 'found, with the exact span',
  invalid: [
    inBody('全年召开党委会X次，专题研究意识形态工作XX次。', ['X', 'XX']),
    inBody('xx镇党委在x个村开展宣讲。', ['xx', 'x']),
    inBody('在X、X、X等村设立宣传栏。', ['X', 'X', 'X']),
    inBody('通过zz微信公众号发布信息。', ['zz']),
    inBody('组织××名干部参加培训，覆盖○○社区。', ['××', '○○']),
    inBody('由某某同志负责，某镇党委落实。', ['某某', '某']),
    inBody('会议于＿＿月召开，参会__人。', ['＿＿', '__']),
    inBody('20XX年、202X年、20__年、20xx年的工作', ['20XX', '202X', '20__', '20xx']),
    inBody('【单位名称】党委认真落实责任制。', ['【单位名称】']),
    inBody('共召开会议（  ）次。', ['（  ）']),
    inBody('全年开展活动Ｘ场，参与率达X%，满意度X％。', ['Ｘ', 'X', 'X']),
    inBody('在《XX日报》和《XXX通讯》刊发稿件。', ['XX', 'XXX']),
    inBody('开展“第X个X宣传月”活动。', ['X', 'X']),
    inBody('拍摄微电影《XX》。', ['XX']),
  ],
});

ruleTester(ID, {
  suite: 'letters and symbols that belong to real words stay silent',
  valid: [
    '利用“学习强国”APP和PPT课件开展学习，建立QQ群和微信群。',
    '推进5G基站和VR展厅建设，淘汰Windows XP电脑。',
    '为群众提供X光、X射线和CT、B超检查。',
    '会场按3×4排列，配备N95口罩。',
    '二○○八年以来、二〇二三年以来持续推进。',
    '某些单位、某种程度上、某个环节、某一方面存在不足，某市场主体反映问题。',
    '登录www.xx.gov.cn查看，邮箱x@example.com。',
    '【打击倒卖活动】',
    '采取MAX模式，Xi和xyz都不是占位符。',
  ].map((line) => ({ name: line, text: reportWith(line) })),
});

ruleTester(ID, {
  suite: 'Markdown strong emphasis __粗体__ is not a blank',
  valid: [{ name: '这是__重点内容__的说明', text: reportWith('这是__重点内容__的说明'), options: { markdown: true } }],
  invalid: [inBody('参会__人', ['__'], true)],
});

const XX_TEXT = draft('2024年意识形态工作总结', '　　XX党委全年召开会议X次。');

ruleTester(ID, {
  suite: 'findings',
  invalid: [
    {
      name: 'one finding per occurrence, ranges in UTF-16 characters; never fixed',
      text: XX_TEXT,
      findings: [
        { line: 1, text: 'XX', character: 2, severity: 'error', message: /「XX」.*占位符.*单位或地名/ },
        { line: 1, text: 'X', character: 12, message: /实际数字/ },
      ],
      output: null,
      fixAllOutput: XX_TEXT,
    },
    ...['\r\n', '\r', '\n'].map((eol) => ({
      name: `a BOM and ${JSON.stringify(eol)} line ends do not shift positions`,
      text: '\uFEFF2024年意识形态工作总结' + eol + '全年召开会议X次。' + eol,
      findings: [{ line: 1, text: 'X', character: 6 }],
    })),
    {
      name: 'characters beyond the BMP count as two UTF-16 units',
      text: draft('2024年意识形态工作总结', '𠮷X次'),
      findings: [{ line: 1, text: 'X', character: 2 }],
    },
    {
      name: 'extra patterns of the user are found too',
      text: draft('2024年意识形态工作总结', '由〔待定〕负责。'),
      options: { extraPlaceholderPatterns: [/〔待定〕/] },
      findings: [{ line: 1, text: '〔待定〕' }],
    },
  ],
  valid: [{ name: 'without the user’s pattern, 〔待定〕 is text', text: draft('2024年意识形态工作总结', '由〔待定〕负责。') }],
});

describe('placeholder: never fixed, its action jumps to the next one', () => {
  const HEAD = ['2024年意识形态工作总结', '今年以来，区文化馆党支部认真落实意识形态工作责任制，现将有关情况总结如下。'];
  const text = draft(...HEAD, '一、主要工作开展情况', '全年召开党委会X次，XX镇党委在《XX日报》发表稿件。', '二、存在的问题', '学习不深。', '三、下一步工作打算', '深化学习。');
  const a = analyzeText(text);
  const ranges = only(a.findings, ID).map((f) => f.range);

  test('from each placeholder to the next, wrapping round to the first, with no edit', () => {
    assert.equal(ranges.length, 3);
    for (let i = 0; i < ranges.length; i++) {
      const { actions } = actionsFor(a, ID, 3);
      const mine = codeActionsFor(a, ranges[i]).filter((x) => x.diagnostics.some((d) => d.range === ranges[i]));
      assert.equal(mine.length, 1, `placeholder ${i}`);
      assert.deepEqual({ title: mine[0].title, edits: mine[0].edits, preferred: mine[0].isPreferred }, { title: '跳到下一个占位符', edits: [], preferred: false });
      assert.deepEqual(mine[0].select, ranges[(i + 1) % ranges.length]);
      assert.ok(actions.length >= 1);
    }
  });

  test('nextPlaceholder from any position', () => {
    assert.deepEqual(nextPlaceholder(a, { line: 0, character: 0 }), ranges[0]);
    assert.deepEqual(nextPlaceholder(a, { line: 3, character: 9 }), ranges[1]);
    // From inside or at the end of one placeholder: the one after it.
    assert.deepEqual(nextPlaceholder(a, { line: 3, character: 11 }), ranges[2]);
    assert.deepEqual(nextPlaceholder(a, { line: 3, character: 12 }), ranges[2]);
    assert.deepEqual(nextPlaceholder(a, { line: 6, character: 0 }), ranges[0]);
  });

  test('a lone placeholder has nowhere to jump', () => {
    const one = analyzeText(draft(...HEAD, '一、主要工作开展情况', '全年召开党委会X次。'));
    const f = only(one.findings, ID)[0];
    assert.equal(nextPlaceholder(one, f.range.start), null);
    assert.deepEqual(codeActionsFor(one, f.range).filter((x) => x.diagnostics.includes(f)), []);
  });
});

ruleTester(ID, {
  suite: 'asterisks that mask a name or a figure',
  invalid: [
    inBody('*镇党委全年召开会议**次。', ['*', '**']),
    inBody('投入宣传经费*.*万元，中共*县委表彰*名个人。', ['*', '*', '*', '*']),
    inBody('于*月*日召开专题会议。', ['*', '*']),
    inBody('在微**平台开设专栏。', ['**']),
    inBody('全年参会＊＊人。', ['＊＊']),
    inBody('参会**人，发放资料**份。', ['**', '**'], true),
  ],
  valid: [
    { name: 'arithmetic', text: reportWith('按5*2的标准配置宣传栏。') },
    { name: 'Markdown emphasis', text: reportWith('这是*重点*和**关键**内容。'), options: { markdown: true } },
    { name: 'a Markdown bullet', text: reportWith('* 加强阵地管理'), options: { markdown: true } },
    { name: 'a separator line', text: reportWith('******') },
    { name: 'a footnote mark', text: reportWith('注*：以上数据截至年底。') },
  ],
});
