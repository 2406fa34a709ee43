import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../../server/src/features/analyze';
import { codeActionsFor } from '../../server/src/features/fixes';
import { ProfileData, compileProfile, getProfile } from '../../server/src/engine/profile';
import { draft, findings } from '../helpers';
import { actionsFor, applyAction, linesOf, only } from '../fixes/util';
import { HEAD, complete } from './structure';
import { ruleTester } from './tester';

const ID = 'missing-section';
const report = (...body: string[]) => draft(...HEAD, ...body);
const TITLE = '2024年意识形态工作总结';

ruleTester(ID, {
  valid: [
    { name: 'a complete report', text: complete() },
    { name: 'a watermark line before the title is not the title', text: draft('本文系读者投稿，仅供学习参考，请勿照搬照抄！', complete()) },
    {
      name: 'problems written in running text as risks to watch for',
      text: draft(
        '2024年第一季度意识形态工作情况报告',
        '一季度，我镇意识形态工作总体平稳。',
        '一、主要工作开展情况',
        '开展专题学习6次，工作取得阶段性成效，但仍需警惕“两类风险”：一是网络谣言传播风险，二是极端思想渗透风险。',
        '二、下一步工作打算',
        '加强网络舆情监测。',
      ),
    },
  ],
  invalid: [
    {
      name: 'a report without problems: one error on its title naming the part and a heading to add',
      text: draft(TITLE, '今年以来，局党组认真落实意识形态工作责任制。', '一、主要工作开展情况', '组织集中学习12次。', '二、下一步工作打算', '继续深化学习。'),
      findings: [
        {
          line: 0,
          text: TITLE,
          severity: 'error',
          message: /缺少「存在的问题」.*二、存在的问题/,
          data: { slot: 'problems', heading: '二、存在的问题', beforeLine: 4, report: 0 },
        },
      ],
    },
    {
      name: 'achievement text that mentions problems does not supply the problems part',
      text: draft(TITLE, '今年以来，局党组认真落实意识形态工作责任制。', '一、主要工作开展情况', '深入基层调研，及时研究解决实际问题。', '二、下一步工作打算', '继续深化学习。'),
      findings: [{ line: 0, text: TITLE, message: /存在的问题/ }],
    },
    {
      name: 'in a collection, each report is checked on its own',
      text: draft(
        complete('篇1：2024年意识形态工作总结'),
        '',
        '篇2：2024年意识形态工作总结（学校）',
        '学校党委认真落实意识形态工作责任制。',
        '一、主要工作开展情况',
        '开展思政课集体备课20次。',
        '二、存在的问题',
        '课程思政融合还不够深。',
      ),
      findings: [{ line: 10, text: '2024年意识形态工作总结（学校）', message: /下一步工作打算/ }],
    },
    {
      name: 'a bare title with nothing else misses every required part',
      text: TITLE,
      findings: [
        { line: 0, text: TITLE, message: /主要工作及成效/ },
        { line: 0, text: TITLE, message: /存在的问题/ },
        { line: 0, text: TITLE, message: /下一步工作打算/ },
      ],
    },
  ],
});

test('missing-section: paragraph-style reports with running-text problems and plans are complete (no rule finds anything)', () => {
  const text = draft(
    TITLE,
    '年初以来，镇党委认真贯彻上级关于意识形态工作的部署。',
    '一是把责任制建起来。成立领导小组，制定实施方案。',
    '二是把理论学习抓起来。组织中心组学习10次。',
    '一年来虽然做了一些工作，但与上级要求相比还存在一定差距，主要是宣传方式单一。在下步工作中，我们将重点抓好三个方面：一是抓责任，二是抓学习，三是抓宣传。',
  );
  assert.deepEqual(findings(text), []);
});

// The quick fix: the missing part's heading and a prompt, never applied by fix all.
const CRLF = report('一、主要工作开展情况', '组织集中学习12次。', '二、存在的问题', '学习形式单一。').replace(/\n/g, '\r\n');
const SPACED = draft(...HEAD, '', '一、主要工作开展情况', '组织集中学习12次。', '', '二、下一步工作打算', '继续深化学习。');
const MARKDOWN = draft('# 2024年意识形态工作总结', '今年以来，局党组认真落实意识形态工作责任制。', '## 一、主要工作开展情况', '组织集中学习12次。', '## 二、存在的问题', '学习形式单一。');
const TWO_MISSING = report('一、主要工作开展情况', '组织集中学习12次。');

ruleTester(ID, {
  suite: 'inserting the missing part',
  invalid: [
    {
      name: 'at the end of a CRLF draft without a final line end: appended with CRLF',
      text: CRLF,
      findings: [{ line: 0, text: TITLE }],
      output: CRLF + '\r\n三、下一步工作打算\r\n【请填写本部分内容】',
      outputFindings: [],
    },
    {
      name: 'in a draft whose parts are separated by blank lines, so is the new one',
      text: SPACED,
      findings: [{ line: 0, text: TITLE }],
      output: draft(...HEAD, '', '一、主要工作开展情况', '组织集中学习12次。', '', '二、存在的问题', '【请填写本部分内容】', '', '三、下一步工作打算', '继续深化学习。'),
    },
    {
      name: 'Markdown headings keep their #',
      text: MARKDOWN,
      options: { markdown: true },
      findings: [{ line: 0, text: TITLE }],
      output: MARKDOWN + '\n## 三、下一步工作打算\n【请填写本部分内容】',
      outputFindings: [],
    },
    {
      name: 'never part of fix all',
      text: TWO_MISSING,
      findings: [
        { line: 0, text: TITLE, message: /存在的问题/ },
        { line: 0, text: TITLE, message: /下一步工作打算/ },
      ],
      fixAllOutput: TWO_MISSING,
    },
  ],
});

describe('missing-section: the quick fix', () => {
  test('its heading and a prompt go where the profile’s order puts them; later numbers move up', () => {
    const text = report('一、主要工作开展情况', '组织集中学习12次。', '二、下一步工作打算', '继续深化学习。');
    const a = analyzeText(text);
    const { actions } = actionsFor(a, ID);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].isPreferred, true);
    assert.match(actions[0].title, /「二、存在的问题」/);
    const { text: out, analysis } = applyAction(text, actions[0]);
    assert.deepEqual(linesOf(out).slice(4), ['二、存在的问题', '【请填写本部分内容】', '三、下一步工作打算', '继续深化学习。']);
    assert.deepEqual(only(analysis.findings, ID), []);
    assert.deepEqual(only(analysis.findings, 'numbering'), []);
    assert.deepEqual(only(analysis.findings, 'empty-section'), []);
    // The prompt is a placeholder the author must replace, and says what belongs there.
    const prompts = only(analysis.findings, 'placeholder');
    assert.equal(prompts.length, 1);
    assert.equal(prompts[0].range.start.line, 5);
    assert.match(prompts[0].message, /「【请填写本部分内容】」.*请填入实际内容/);
  });

  test('two parts missing: each has its own fix', () => {
    const a = analyzeText(TWO_MISSING);
    const titles = only(a.findings, ID).map((f) => codeActionsFor(a, f.range).find((x) => x.diagnostics.includes(f) && x.isPreferred)?.title);
    assert.equal(titles.length, 2);
    assert.match(titles[0] ?? '', /二、存在的问题/);
    assert.match(titles[1] ?? '', /二、下一步工作打算/);
  });

  test('a profile whose heading words would make the prompt a heading gets a prompt that cannot be one', () => {
    const data = JSON.parse(JSON.stringify(getProfile('ideology-summary').data)) as ProfileData;
    data.id = 'test-prompt-words';
    data.parts = data.parts.map((p) => (p.slot === 'problems' ? { ...p, headingPatterns: [...p.headingPatterns, '本部分'] } : p));
    const profile = compileProfile(data);
    const text = report('一、主要工作开展情况', '组织集中学习12次。', '二、下一步工作打算', '继续深化学习。');
    const { actions } = actionsFor(analyzeText(text, { profile }), ID);
    const { text: out, analysis } = applyAction(text, actions[0], { profile });
    assert.equal(linesOf(out)[5], '【请填写本部分内容，替换本行】');
    assert.deepEqual(only(analysis.findings, 'empty-section'), []);
    assert.deepEqual(only(analysis.findings, ID), []);
    assert.equal(only(analysis.findings, 'placeholder').length, 1);
  });
});
