import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../../server/src/features/analyze';
import { applyFix, bodyLine, reportWith, run, spans } from './util';

const CODE = 'punctuation';

describe('punctuation: half-width marks inside Chinese sentences', () => {
  const cases: [string, string[], string][] = [
    ['学习的深度不足,没有在理论研究上下功夫。', [','], '学习的深度不足，没有在理论研究上下功夫。'],
    ['存在“重业务轻思想”的倾向;把大量时间用于业务。', [';'], '存在“重业务轻思想”的倾向；把大量时间用于业务。'],
    ['召开会议3次, 覆盖全体党员。', [', '], '召开会议3次，覆盖全体党员。'],
    ['主要做法如下:一是抓学习。', [':'], '主要做法如下：一是抓学习。'],
    ['这是为什么?我们要反思!', ['?', '!'], '这是为什么？我们要反思！'],
    ['党委(党组)理论学习中心组。', ['(', ')'], '党委（党组）理论学习中心组。'],
    ['(1)加强组织领导。', ['(', ')'], '（1）加强组织领导。'],
    ['推广APP(应用程序)。', ['(', ')'], '推广APP（应用程序）。'],
    ['详见http://www.example.gov.cn/a?b=1,c=2(第3页)。', ['(', ')'], '详见http://www.example.gov.cn/a?b=1,c=2（第3页）。'],
  ];
  for (const [line, covered, fixed] of cases) {
    test(line, () => {
      let text = reportWith(line);
      const fs = run(text, CODE, false);
      assert.deepEqual(spans(text, fs), covered);
      for (const f of [...fs].reverse()) text = applyFix(text, f);
      assert.equal(bodyLine(text), fixed);
    });
  }
});

describe('punctuation: half-width marks that are not Chinese punctuation stay', () => {
  const silent = [
    '共发放资料1,000份，会议于14:30召开，比例为3:2。',
    '访问 https://www.example.com/path?x=1 了解详情。',
    '联系邮箱:admin@example.com',
    '使用Windows, Linux等系统。',
    '开发了App (Beta) 版本。',
    '学习《条例》《准则》等党规，开展“学习强国”“八桂先锋”学习。',
    '核对、登记、上报，党、政、军、民、学，对、错要分明。',
    '按月、季、年进行考核，做到件件有着落、事事有回音。',
  ];
  for (const line of silent) {
    test(line, () => {
      // The second line carries a full-width colon; the first sentence's ':' in the e-mail line is Chinese.
      const text = reportWith(line);
      const found = spans(text, run(text, CODE));
      if (line.startsWith('联系邮箱')) assert.deepEqual(found, [':']);
      else assert.deepEqual(found, []);
    });
  }
  test('Markdown link targets and inline code keep their marks', () => {
    const text = [
      '# 2024年意识形态工作总结',
      '',
      '详见[通知](http://example.com/a(1)?b=2)，运行`npm run build;echo ok`即可。',
      '',
      '活动现场如图所示![现场照片](photo.png)。',
      '',
      '[^1]: 数据来源于年度统计。',
    ].join('\n');
    const fs = analyzeText(text, { markdown: true }).findings.filter((f) => f.code === CODE);
    assert.deepEqual(fs, []);
  });
});

describe('punctuation: a mark typed twice', () => {
  test('，， and 。。 are fixed by deleting one', () => {
    let text = reportWith('做好宣传工作，，营造良好氛围。。');
    const fs = run(text, CODE, false);
    assert.deepEqual(spans(text, fs), ['，，', '。。']);
    for (const f of [...fs].reverse()) text = applyFix(text, f);
    assert.equal(bodyLine(text), '做好宣传工作，营造良好氛围。');
  });
  test('。。。 is an ellipsis written wrong: no automatic fix', () => {
    const text = reportWith('全体党员参加。。。');
    const fs = run(text, CODE, false);
    assert.deepEqual(spans(text, fs), ['。。。']);
    assert.equal(fs[0].fix, undefined);
    assert.match(fs[0].message, /……/);
  });
  test('、、 usually lost an item: reported without a fix', () => {
    const text = reportWith('利用微信群、、公众号等平台发布信息。');
    const fs = run(text, CODE, false);
    assert.deepEqual(spans(text, fs), ['、、']);
    assert.equal(fs[0].fix, undefined);
    assert.match(fs[0].message, /漏写了一项/);
  });
});

describe('punctuation: a 、 or ， whose word was cut out', () => {
  test('加强对、微博等: found with words, not without', () => {
    const text = reportWith('从而加强对、微博等新兴媒体的监管。');
    assert.deepEqual(spans(text, run(text, CODE)), ['对、']);
    assert.deepEqual(spans(text, run(text, CODE, false)), []);
  });
  const cases: [string, string][] = [
    ['通过微信、QQ、等平台发布信息。', 'Q、'],
    ['开设专栏（、微信）宣传。', '（、'],
    ['组织开展“、学习强国”答题。', '“、'],
    ['在公众号、抖音、）等平台发布。', '音、'],
    ['认真开展宣传，、营造氛围。', '，、'],
    ['召开会议研究部署并与、群众代表座谈。', '与、'],
    ['积极向、上级部门报送信息。', '向、'],
    ['\u3000\u3000、加强宣传阵地建设。', '\u3000、'],
    ['、加强宣传阵地建设。', '、'],
    ['主要做法：，一是加强学习。', '：，'],
    ['利用微信、微博、。', '博、'],
  ];
  for (const [line, covered] of cases) {
    test(line, () => {
      const text = reportWith(line);
      const fs = run(text, CODE);
      assert.deepEqual(spans(text, fs), [covered]);
      assert.equal(fs[0].fix, undefined);
    });
  }
  const silent = [
    '认真核对、登记、上报各类信息。',
    '做好针对性、实效性工作，面对、解决各类问题。',
    '严格落实同部署、同落实、同检查、同考核。',
    '对、错要分明，是、非要清楚。',
    '加强对微信、微博等新兴媒体的监管。',
    '发挥党员在学习、工作、生活中的表率作用。',
    '组织党员和群众参加活动。',
  ];
  for (const line of silent) {
    test(`silent: ${line}`, () => assert.deepEqual(spans(reportWith(line), run(reportWith(line), CODE)), []));
  }
});

describe('punctuation: 、 between titles in 书名号', () => {
  test('《条例》、《准则》: the 、 is deleted', () => {
    const text = reportWith('组织党员干部学习《条例》、《准则》等党规党纪。');
    const fs = run(text, CODE, false);
    assert.deepEqual(spans(text, fs), ['、']);
    assert.equal(bodyLine(applyFix(text, fs[0])), '组织党员干部学习《条例》《准则》等党规党纪。');
    assert.match(fs[0].message, /GB\/T 15834/);
  });
});
