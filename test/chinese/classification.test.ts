/**
 * Part classification by words (engine/parse.ts with a segmenter): a pattern
 * counts only where it sits on word boundaries, so 计划 inside 计划生育 or 有
 * inside 有效 no longer decides a part. Without a segmenter the substring
 * behaviour is unchanged.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../../server/src/features/analyze';
import { segmenter } from './util';

const slots = (text: string, withWords: boolean) =>
  analyzeText(text, { segmenter: withWords ? segmenter() : undefined }).doc.reports[0].parts.map((p) => `${p.slot}@${p.line}:${p.reason}`);

const report = (...body: string[]) => ['2024年意识形态工作总结', '2024年以来，局党组认真落实意识形态工作责任制，现将有关情况总结如下。', ...body].join('\n');

describe('classification by words: substrings inside other words do not decide a part', () => {
  test('「解决实际问题」 in an achievements paragraph does not make it a problems part', () => {
    const text = report(
      '一、主要工作开展情况',
      '局党组不但加强了宣传阵地建设，还有效解决了群众反映的实际问题。',
      '二、下一步工作打算',
      '继续加强阵地建设。',
    );
    assert.deepEqual(slots(text, true), ['achievements@2:heading', 'next-steps@4:heading']);
    // The substring reading (kept without a segmenter) took 但…有…问题 for the problems part.
    assert.ok(slots(text, false).includes('problems@3:running-text'));
    const missing = analyzeText(text, { segmenter: segmenter() }).findings.filter((f) => f.code === 'missing-section');
    assert.equal(missing.length, 1);
    assert.match(missing[0].message, /存在的问题/);
  });

  test('计划 inside 计划生育 does not make a heading the plans part', () => {
    const text = report('一、主要工作开展情况', '全年召开会议4次。', '二、计划生育宣传工作', '发放资料500份。', '三、存在的问题', '学习不够深入。', '四、下一步工作打算', '加强学习。');
    assert.deepEqual(slots(text, true), ['achievements@2:heading', 'achievements@4:topic', 'problems@6:heading', 'next-steps@8:heading']);
    assert.deepEqual(slots(text, false), ['achievements@2:heading', 'next-steps@4:heading', 'problems@6:heading', 'next-steps@8:heading']);
  });
});

describe('classification by words: the usual wordings still classify', () => {
  const cases: [string[], string[]][] = [
    [['一、意识形态工作情况', '全年召开会议4次。', '二、存在问题及不足', '学习不够深入。', '三、2025年工作计划', '加强学习。'], ['achievements@2:heading', 'problems@4:heading', 'next-steps@6:heading']],
    [['一、主要做法和成效', '全年召开会议4次。', '二、存在的主要问题', '学习不够深入。', '三、下步工作措施', '加强学习。'], ['achievements@2:heading', 'problems@4:heading', 'next-steps@6:heading']],
    [
      ['一是加强组织领导。全年召开会议4次。', '但与上级要求相比，还存在一些不足，主要是学习不够深入。下一步，我们将继续加强理论学习。'],
      ['achievements@2:topic', 'problems@3:running-text', 'next-steps@3:running-text'],
    ],
    [['一是加强组织领导。全年召开会议4次。', '工作中还有一些问题需要解决。在下步工作中，我们将突出重点抓好落实。'], ['achievements@2:topic', 'problems@3:running-text', 'next-steps@3:running-text']],
  ];
  for (const [body, expected] of cases) {
    test(body.join(' / '), () => {
      assert.deepEqual(slots(report(...body), true), expected);
      assert.deepEqual(slots(report(...body), false), expected);
    });
  }
});
