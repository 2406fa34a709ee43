import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findPlaceholders } from '../../server/src/rules/placeholder';
import { covered, draft, findings } from '../helpers';

const texts = (line: string, markdown = false) => findPlaceholders(line, markdown).map((p) => p.text);

describe('placeholder: found, with the exact span', () => {
  const cases: [string, string[]][] = [
    ['全年召开党委会X次，专题研究意识形态工作XX次。', ['X', 'XX']],
    ['xx镇党委在x个村开展宣讲。', ['xx', 'x']],
    ['在X、X、X等村设立宣传栏。', ['X', 'X', 'X']],
    ['通过zz微信公众号发布信息。', ['zz']],
    ['组织××名干部参加培训，覆盖○○社区。', ['××', '○○']],
    ['由某某同志负责，某镇党委落实。', ['某某', '某']],
    ['会议于＿＿月召开，参会__人。', ['＿＿', '__']],
    ['20XX年、202X年、20__年、20xx年的工作', ['20XX', '202X', '20__', '20xx']],
    ['【单位名称】党委认真落实责任制。', ['【单位名称】']],
    ['共召开会议（  ）次。', ['（  ）']],
    ['全年开展活动Ｘ场，参与率达X%，满意度X％。', ['Ｘ', 'X', 'X']],
    ['在《XX日报》和《XXX通讯》刊发稿件。', ['XX', 'XXX']],
    ['开展“第X个X宣传月”活动。', ['X', 'X']],
    ['拍摄微电影《XX》。', ['XX']],
  ];
  for (const [line, expected] of cases) {
    test(line, () => assert.deepEqual(texts(line), expected));
  }
});

describe('placeholder: letters and symbols that belong to real words stay silent', () => {
  const silent = [
    '利用“学习强国”APP和PPT课件开展学习，建立QQ群和微信群。',
    '推进5G基站和VR展厅建设，淘汰Windows XP电脑。',
    '为群众提供X光、X射线和CT、B超检查。',
    '会场按3×4排列，配备N95口罩。',
    '二○○八年以来、二〇二三年以来持续推进。',
    '某些单位、某种程度上、某个环节、某一方面存在不足，某市场主体反映问题。',
    '登录www.xx.gov.cn查看，邮箱x@example.com。',
    '【打击倒卖活动】',
    '采取MAX模式，Xi和xyz都不是占位符。',
  ];
  for (const line of silent) test(line, () => assert.deepEqual(texts(line), []));

  test('Markdown strong emphasis __粗体__ is not a blank', () => {
    assert.deepEqual(texts('这是__重点内容__的说明', true), []);
    assert.deepEqual(texts('参会__人', true), ['__']);
  });
});

describe('placeholder findings', () => {
  test('one finding per occurrence, ranges in UTF-16 characters', () => {
    const text = draft('2024年意识形态工作总结', '　　XX党委全年召开会议X次。');
    const fs = findings(text, 'placeholder');
    assert.deepEqual(covered(text, fs), ['XX', 'X']);
    assert.deepEqual(fs[0].range, { start: { line: 1, character: 2 }, end: { line: 1, character: 4 } });
    assert.equal(fs[0].severity, 'error');
    assert.match(fs[0].message, /「XX」.*占位符.*单位或地名/);
    assert.match(fs[1].message, /实际数字/);
  });

  test('CRLF, CR and a BOM do not shift positions', () => {
    for (const eol of ['\r\n', '\r', '\n']) {
      const text = '\uFEFF2024年意识形态工作总结' + eol + '全年召开会议X次。' + eol;
      const fs = findings(text, 'placeholder');
      assert.equal(fs.length, 1, JSON.stringify(eol));
      assert.deepEqual(fs[0].range.start, { line: 1, character: 6 });
    }
  });

  test('characters beyond the BMP count as two UTF-16 units', () => {
    const text = draft('2024年意识形态工作总结', '𠮷X次');
    assert.deepEqual(findings(text, 'placeholder')[0].range.start, { line: 1, character: 2 });
  });

  test('extra patterns of the user are found too', () => {
    const text = draft('2024年意识形态工作总结', '由〔待定〕负责。');
    assert.equal(findings(text, 'placeholder').length, 0);
    const fs = findings(text, 'placeholder', { extraPlaceholderPatterns: [/〔待定〕/] });
    assert.deepEqual(covered(text, fs), ['〔待定〕']);
  });
});
