import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { covered, draft, findings } from '../helpers';

const complete = (title = '2024年意识形态工作总结') =>
  draft(
    title,
    '今年以来，局党组认真落实意识形态工作责任制，现将有关情况总结如下。',
    '一、主要工作开展情况',
    '（一）压实工作责任。制定责任清单，明确班子成员职责。',
    '（二）强化理论武装。组织集中学习12次。',
    '二、存在的问题',
    '一是学习形式比较单一。二是网络阵地管理还有短板。',
    '三、下一步工作打算',
    '一是创新学习方式。二是加强网络阵地管理。',
  );

describe('missing-section', () => {
  test('silent on a complete report', () => assert.deepEqual(findings(complete(), 'missing-section'), []));

  test('a report without problems: one error on its title naming the part and a heading to add', () => {
    const text = draft(
      '2024年意识形态工作总结',
      '今年以来，局党组认真落实意识形态工作责任制。',
      '一、主要工作开展情况',
      '组织集中学习12次。',
      '二、下一步工作打算',
      '继续深化学习。',
    );
    const fs = findings(text, 'missing-section');
    assert.equal(fs.length, 1);
    assert.equal(fs[0].severity, 'error');
    assert.deepEqual(covered(text, fs), ['2024年意识形态工作总结']);
    assert.match(fs[0].message, /缺少「存在的问题」/);
    assert.match(fs[0].message, /二、存在的问题/);
    assert.deepEqual(fs[0].data, { slot: 'problems', heading: '二、存在的问题', beforeLine: 4, report: 0 });
  });

  test('achievement text that mentions problems does not supply the problems part', () => {
    const text = draft(
      '2024年意识形态工作总结',
      '今年以来，局党组认真落实意识形态工作责任制。',
      '一、主要工作开展情况',
      '深入基层调研，及时研究解决实际问题。',
      '二、下一步工作打算',
      '继续深化学习。',
    );
    assert.match(findings(text, 'missing-section')[0]?.message ?? '', /存在的问题/);
  });

  test('in a collection, each report is checked on its own', () => {
    const text = draft(
      complete('篇1：2024年意识形态工作总结'),
      '',
      '篇2：2024年意识形态工作总结（学校）',
      '学校党委认真落实意识形态工作责任制。',
      '一、主要工作开展情况',
      '开展思政课集体备课20次。',
      '二、存在的问题',
      '课程思政融合还不够深。',
    );
    const fs = findings(text, 'missing-section');
    assert.deepEqual(covered(text, fs), ['2024年意识形态工作总结（学校）']);
    assert.match(fs[0].message, /下一步工作打算/);
  });

  test('paragraph-style reports with running-text problems and plans are complete', () => {
    const text = draft(
      '2024年意识形态工作总结',
      '年初以来，镇党委认真贯彻上级关于意识形态工作的部署。',
      '一是把责任制建起来。成立领导小组，制定实施方案。',
      '二是把理论学习抓起来。组织中心组学习10次。',
      '一年来虽然做了一些工作，但与上级要求相比还存在一定差距，主要是宣传方式单一。在下步工作中，我们将重点抓好三个方面：一是抓责任，二是抓学习，三是抓宣传。',
    );
    assert.deepEqual(findings(text), []);
  });

  test('a bare title with nothing else misses every required part', () => {
    assert.equal(findings('2024年意识形态工作总结', 'missing-section').length, 3);
  });
});

describe('section-order', () => {
  test('plans before problems: a warning on the problems heading', () => {
    const text = draft(
      '2024年意识形态工作总结',
      '今年以来，局党组认真落实意识形态工作责任制。',
      '一、主要工作开展情况',
      '组织集中学习12次。',
      '二、下一步工作打算',
      '继续深化学习。',
      '三、存在的问题',
      '学习不够深入。',
    );
    const fs = findings(text, 'section-order');
    assert.equal(fs.length, 1);
    assert.equal(fs[0].severity, 'warning');
    assert.equal(fs[0].range.start.line, 6);
    assert.match(fs[0].message, /「存在的问题」应放在「下一步工作打算」之前/);
  });

  test('silent in the standard order, with an optional situation part anywhere', () => {
    assert.deepEqual(findings(complete(), 'section-order'), []);
    const text = draft(
      '2024年意识形态工作报告',
      '现将有关情况报告如下。',
      '一、意识形态领域形势研判分析',
      '总体平稳。',
      '二、工作开展情况',
      '开展学习。',
      '三、存在主要问题',
      '学习不深。',
      '四、下步工作措施',
      '深化学习。',
    );
    assert.deepEqual(findings(text), []);
  });
});

describe('numbering', () => {
  const report = (...body: string[]) => draft('2024年意识形态工作总结', '现将有关情况总结如下。', ...body);
  const messages = (text: string) => findings(text, 'numbering').map((f) => `${f.range.start.line}:${covered(text, [f])[0]}:${f.message}`);

  test('a skipped number', () => {
    const text = report('一、主要工作开展情况', '开展学习。', '三、存在的问题', '不够深入。', '四、下一步工作打算', '深化学习。');
    const m = messages(text);
    assert.equal(m.length, 1);
    assert.match(m[0], /^4:三、:编号不连续：「一、」之后应为「二、」，这里却是「三、」/);
  });

  test('a duplicate and a number out of order', () => {
    const text = report('一、主要工作开展情况', '（一）压实责任。制定清单。', '（二）强化学习。集中学习。', '（二）管好阵地。审核信息。', '（一）抓好宣传。开展宣讲。');
    const m = messages(text);
    assert.equal(m.length, 2);
    assert.match(m[0], /^5:（二）:编号重复/);
    assert.match(m[1], /^6:（一）:编号在同一上级标题下重新从「（一）」开始/);
  });

  test('numbering restarts with each report of a collection and under each parent', () => {
    const text = draft(
      complete('篇1：2024年意识形态工作总结'),
      '',
      complete('篇2：2024年意识形态工作总结'),
    );
    assert.deepEqual(findings(text, 'numbering'), []);
  });

  test('a sub-level before the first top-level heading has no parent', () => {
    const text = report('（一）压实责任。制定清单。', '一、主要工作开展情况', '开展学习。');
    assert.match(messages(text)[0], /^2:（一）:.*没有上级标题/);
  });

  test('mixed styles at one level', () => {
    const text = report('一、主要工作开展情况', '1.压实责任。制定清单。', '2、强化学习。集中学习。', '3.管好阵地。审核信息。');
    const m = messages(text);
    assert.equal(m.length, 1);
    assert.match(m[0], /^4:2、:同一级标题的编号样式不一致：前面用「1.」，这里用「2、」/);
  });

  test('1、 directly under 一、 is fine', () => {
    const text = report('一、工作开展情况', '1、压实责任。制定清单。', '2、强化学习。集中学习。');
    assert.deepEqual(messages(text), []);
  });

  test('一是/二是 lists: starting at 二是, skipping, and legitimate runs', () => {
    assert.match(messages(report('一、主要工作开展情况', '始终把意识形态工作摆在重要位置。二是加强思想引领。三是管好阵地。'))[0], /^3:二是:.*缺少「一是」/);
    assert.match(messages(report('一、主要工作开展情况', '一是加强领导。三是管好阵地。'))[0], /^3:三是:列举编号跳号/);
    assert.deepEqual(messages(report('一、主要工作开展情况', '一是加强领导。二是强化学习；三是管好阵地。')), []);
    // A list that runs on from one line to the next.
    assert.deepEqual(messages(report('一、主要工作开展情况', '一是加强领导。二是强化学习。', '三是管好阵地。', '四是抓好宣传。')), []);
    // 一是/二是 lines as headings of a paragraph-style report.
    assert.deepEqual(messages(report('一是加强领导。成立领导小组。', '二是强化学习。集中学习。', '三是管好阵地。审核信息。')), []);
    assert.match(messages(report('二是加强领导。成立领导小组。', '三是强化学习。集中学习。'))[0], /^2:二是:.*缺少「一是」/);
    // 说一是一 is not a list.
    assert.deepEqual(messages(report('一、主要工作开展情况', '坚持说一是一、说二是二的作风。')), []);
  });
});

describe('empty-section', () => {
  test('a heading with nothing before the next heading of its level, and one at the end', () => {
    const text = draft(
      '2024年意识形态工作总结',
      '现将有关情况总结如下。',
      '一、主要工作开展情况',
      '二、存在的问题',
      '学习不够深入。',
      '三、下一步工作打算',
    );
    const fs = findings(text, 'empty-section');
    assert.deepEqual(covered(text, fs), ['一、主要工作开展情况', '三、下一步工作打算']);
    assert.match(fs[0].message, /下面没有内容/);
  });

  test('silent for run-in headings, headings with sub-headings and 一是 list lines', () => {
    assert.deepEqual(findings(complete(), 'empty-section'), []);
    const text = draft(
      '2024年意识形态工作总结',
      '现将有关情况总结如下。',
      '一、主要工作开展情况',
      '（一）压实责任。制定清单。',
      '二、存在问题及不足',
      '一是对意识形态工作的认识还不够清晰。',
      '二是在舆情处置方面经验欠缺。',
      '三、下一步工作思路',
      '（一）加强组织领导。',
      '健全工作机制。',
    );
    assert.deepEqual(findings(text, 'empty-section'), []);
  });
});

describe('template-residue', () => {
  test('a watermark line before the title, with a fix that deletes the line', () => {
    const text = draft('本文系读者投稿，仅供学习参考，请勿照搬照抄！', complete());
    const fs = findings(text, 'template-residue');
    assert.equal(fs.length, 1);
    assert.equal(fs[0].severity, 'error');
    assert.deepEqual(fs[0].fix?.edits, [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, newText: '' }]);
    assert.deepEqual(findings(text, 'missing-section'), []);
  });

  test('an advertising block before the title is residue as a whole', () => {
    const text = draft('仅供学习 禁止外传', '某某文库', '海量范文 持续更新', '', '关注公众号获取更多资料', '会员群：  QQ群：', '', '', complete());
    const fs = findings(text, 'template-residue');
    assert.equal(fs.length, 1);
    assert.deepEqual([fs[0].range.start.line, fs[0].range.end.line], [0, 5]);
  });

  test('paid-content markers inside a paragraph and on their own line', () => {
    const text = draft(complete(), '组织学习12次，并通过撰写##paidbegin##心得体会等形式提升质量。', '##paidend##');
    const fs = findings(text, 'template-residue');
    assert.deepEqual(covered(text, fs), ['##paidbegin##', '##paidend##']);
    assert.deepEqual(fs[0].fix?.edits[0].newText, '');
  });

  test('a web preview line repeating the title and opening', () => {
    const text = draft(' 2024年意识形态工作总结今年以来，局党组认真落实意识形态工作责任制，现将有...', complete());
    const fs = findings(text, 'template-residue');
    assert.equal(fs.length, 1);
    assert.match(fs[0].message, /网页预览/);
  });

  test('ordinary sentences that mention subscriptions or references stay silent', () => {
    const text = draft(
      complete(),
      '（三）做好党报党刊订阅工作，全年订阅各类报刊120份。',
      '数据仅供参考的说法不是水印，会员单位、二维码宣传牌也不是广告：我们在社区设置了二维码宣传牌，方便群众扫码学习。',
    );
    assert.deepEqual(findings(text, 'template-residue'), []);
  });

  test('a watermark sentence inside a long paragraph is cut out as a whole sentence', () => {
    const body = '全年组织集中学习12次，开展专题研讨4次，撰写心得体会60余篇，各支部均按计划完成学习任务，学习成效明显，干部职工的理论水平和政治素养有了明显提高，为各项工作开展打下了坚实的思想基础。';
    const text = draft(complete(), body + '本文仅供学习参考，请勿照搬照抄！各支部还开展了主题党日活动。');
    const fs = findings(text, 'template-residue');
    assert.deepEqual(covered(text, fs), ['本文仅供学习参考，请勿照搬照抄！']);
  });

  test('a disclaimer and a paid-content hint on adjacent lines make one block to delete', () => {
    const text = draft(complete(), '免责声明：本文来源于网络。', '此处隐藏3216字，下载后查看全文');
    const fs = findings(text, 'template-residue');
    assert.equal(fs.length, 1);
    assert.deepEqual([fs[0].range.start.line, fs[0].range.end.line], [9, 10]);
    assert.match(fs[0].message, /免责声明/);
  });
});
