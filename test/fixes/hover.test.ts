import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../../server/src/features/analyze';
import { hoverAt } from '../../server/src/features/hover';
import { ALL_RULES, findRule } from '../../server/src/rules';
import { draft } from '../helpers';

const TEXT = draft(
  '2024年意识形态工作总结',
  '今年以来，XX镇党委认真落实意识形态工作责任制，现将有关情况总结如下。',
  '一、加强组织领导',
  '全年召开党委会X次，在《XX》发表稿件，202X年度考核优秀，某镇文化站开展活动。',
  '二、存在的问题',
  '（一）理论学习还不够深入',
  '学用结合不紧。',
  '（二）阵地管理还有短板',
  '巡查不够经常。',
  '（一）深化理论武装',
  '办好读书班。',
);
const a = analyzeText(TEXT);
const at = (line: number, text: string, offset = 0) => {
  const character = TEXT.split('\n')[line].indexOf(text) + offset;
  assert.ok(character >= offset, `${text} on line ${line}`);
  return hoverAt(a, { line, character }) ?? '';
};

describe('hover on a placeholder: what belongs there, from the words around it', () => {
  test('X次 wants a count', () => {
    const h = at(3, 'X次');
    assert.match(h, /占位符「X」.*\*\*次数\*\*/);
    assert.match(h, /后面紧跟“次”/);
  });
  test('XX镇 wants the town’s name', () => assert.match(at(1, 'XX镇'), /\*\*镇名\*\*/));
  test('《XX》 wants the name of a paper or document', () => assert.match(at(3, 'XX》'), /\*\*报刊或文件名称\*\*.*书名号/s));
  test('202X wants a year', () => assert.match(at(3, '202X'), /\*\*年份/));
  test('某镇 wants a town’s name', () => assert.match(at(3, '某镇'), /占位符「某」.*\*\*镇名\*\*/));
  test('the placeholder section is followed by the rule’s explanation and a right example', () => {
    const h = at(3, 'X次');
    assert.match(h, /---\n\n\*\*未填写的占位符\*\*（规则 `placeholder`）/);
    assert.ok(h.includes(`正确示例：${findRule('placeholder')!.docs.hover.right}`));
  });
  test('a deletion gap says something seems missing, and what was left', () => {
    const text = draft('2024年意识形态工作总结', '坚持以思想为指导，深化特色.主义学习。');
    const ga = analyzeText(text);
    assert.match(hoverAt(ga, { line: 1, character: 3 }) ?? '', /^\*\*此处似乎缺少内容「以思想为指导」\*\*：.*只留下了前后的字/);
    assert.match(hoverAt(ga, { line: 1, character: 13 }) ?? '', /^\*\*此处似乎缺少内容「色\.主」\*\*：.*只留下了一个点/);
  });
  test('a choice asks to keep the author’s own level', () => {
    const text = draft('2024年意识形态工作总结', '县（市、区）党委认真落实责任制。');
    assert.match(hoverAt(analyzeText(text), { line: 1, character: 1 }) ?? '', /^\*\*供选择的写法「县（市、区）」\*\*：.*只保留本单位实际的一级（如「县」）/);
  });
  test('the prompt of an inserted part says what that part must say', () => {
    const text = draft('2024年意识形态工作总结', '现将有关情况总结如下。', '一、主要工作开展情况', '开展学习。', '二、存在的问题', '【请填写本部分内容】', '三、下一步工作打算', '深化学习。');
    const h = hoverAt(analyzeText(text), { line: 5, character: 2 }) ?? '';
    assert.match(h, /\*\*「存在的问题」部分的内容\*\*/);
    assert.match(h, /实事求是地查摆工作中存在的不足/);
  });
});

describe('hover on a heading: its part and the words that decided it', () => {
  test('a heading named by its words', () => {
    const h = at(4, '存在的问题');
    assert.match(h, /标题「二、存在的问题」.*一级标题，归入「存在的问题」部分/);
    assert.match(h, /根据标题中的“存在的问题”归入「存在的问题」/);
  });
  test('a topic heading', () => assert.match(at(2, '加强'), /以“加强”开头，是写工作做法的主题式标题，归入「主要工作及成效」/));
  test('a sub-heading: its level and the part of its top-level heading', () => {
    assert.match(at(5, '理论学习'), /第 2 级标题，属于「存在的问题」部分（所在一级标题：「二、存在的问题」）/);
  });
  test('a restart read as the plans part', () => {
    const h = at(9, '深化');
    assert.match(h, /重新从头编号.*视为缺少标题的「下一步工作打算」/);
    // … with the numbering finding's explanation after it, the marker being the finding.
    assert.match(hoverAt(a, { line: 9, character: 0 }) ?? '', /编号错乱/);
  });
  test('running text that holds a part', () => {
    const text = draft('2024年意识形态工作总结', '现将有关情况总结如下。', '一是加强领导。成立领导小组。', '一年来虽有成效，但还存在一些不足，主要是宣传方式单一。下一步，我们将重点抓好理论学习。');
    const analysis = analyzeText(text);
    const line = text.split('\n')[3];
    const problems = hoverAt(analysis, { line: 3, character: line.indexOf('存在') }) ?? '';
    assert.match(problems, /正文中的“[^”]*存在一些不足”表明这里写的是「存在的问题」（没有单独的标题）/);
    const plans = hoverAt(analysis, { line: 3, character: line.indexOf('下一步') + 1 }) ?? '';
    assert.match(plans, /「下一步工作打算」/);
  });
  test('plain body text: nothing to say', () => assert.equal(at(6, '学用'), ''));
});

describe('rule documentation', () => {
  test('every registered rule has a title, an explanation and both examples', () => {
    for (const rule of ALL_RULES) {
      const { title, hover } = rule.docs;
      for (const [key, text] of Object.entries({ title, ...hover })) assert.ok(/[\u4e00-\u9fff]/.test(text), `${rule.id}.${key}`);
      assert.notEqual(hover.wrong, hover.right, rule.id);
    }
  });
  test('a finding’s hover shows its rule’s right example', () => {
    const text = draft('2024年意识形态工作总结', '现将有关情况总结如下。', '一、主要工作开展情况', '开展学习。', '三、存在的问题', '学习不深。', '四、下一步工作打算', '深化学习。');
    const h = hoverAt(analyzeText(text), { line: 4, character: 0 }) ?? '';
    assert.match(h, /\*\*编号错乱\*\*（规则 `numbering`）/);
    assert.ok(h.includes('正确示例：\n\n```text\n二、存在的问题'));
  });
});
