import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { reportWith } from '../chinese/util';
import { ruleTester } from './tester';

const ID = 'formulation';

// line, what the finding covers, the line after the fix
const NEAR_MISSES: [string, string, string][] = [
  ['每月开展论学习中心组学习。', '论学习中心组', '每月开展理论学习中心组学习。'],
  ['抓好党的创理论学习。', '党的创理论', '抓好党的创新理论学习。'],
  ['坚持以党的十九精神为指导。', '党的十九', '坚持以党的十九大精神为指导。'],
  ['认真贯彻党的二十精神。', '党的二十', '认真贯彻党的二十大精神。'],
  ['认真贯彻十九四中全会精神。', '十九四中全会', '认真贯彻十九届四中全会精神。'],
  ['深入学习贯彻新时代中国特色社会主义思想。', '新时代中国特色社会主义思想', '深入学习贯彻习近平新时代中国特色社会主义思想。'],
  ['学习习近平总书记新时代中国特色社会主义思想。', '习近平总书记新时代中国特色社会主义思想', '学习习近平新时代中国特色社会主义思想。'],
  ['深入学习习近平新时代中国特社会主义思想。', '习近平新时代中国特社会主义思想', '深入学习习近平新时代中国特色社会主义思想。'],
  ['深入学习习近平新时代中国特色社会主义想。', '习近平新时代中国特色社会主义想', '深入学习习近平新时代中国特色社会主义思想。'],
  ['深入学习习近平新时代中国特色会社主义思想。', '习近平新时代中国特色会社主义思想', '深入学习习近平新时代中国特色社会主义思想。'],
  // One character written as another (a homophone typed in a hurry): looked for in the long name only.
  ['深入学习了习近平新世代中国特色社会主义思想。', '习近平新世代中国特色社会主义思想', '深入学习了习近平新时代中国特色社会主义思想。'],
  ['深入学习习近平新时代中国特色社会注义思想。', '习近平新时代中国特色社会注义思想', '深入学习习近平新时代中国特色社会主义思想。'],
  ['认真学习近平总书记重要讲话精神。', '学习近平', '认真学习习近平总书记重要讲话精神。'],
  ['严格落实三会课制度。', '三会课', '严格落实三会一课制度。'],
  ['严格落实会三一课制度。', '会三一课', '严格落实三会一课制度。'],
  ['落实一岗两责要求。', '一岗两责', '落实一岗双责要求。'],
  ['落实一双责要求。', '一双责', '落实一岗双责要求。'],
  ['落实第议题制度。', '第议题', '落实第一议题制度。'],
  ['培育和践行社会主义核心价观。', '社会主义核心价观', '培育和践行社会主义核心价值观。'],
  ['落实意识形态工责任制。', '意识形态工责任制', '落实意识形态工作责任制。'],
  ['重温《党委（党组）意识形态责任制实施办法》。', '意识形态责任制', '重温《党委（党组）意识形态工作责任制实施办法》。'],
  ['印发《区委网络意识形态责任制实施细则》。', '意识形态责任制', '印发《区委网络意识形态工作责任制实施细则》。'],
  ['认真学习总书记关于党的建设的重要思想。', '总书记关于党的建设的重要思想', '认真学习习近平总书记关于党的建设的重要思想。'],
  ['深入学习习总书记关于宣传思想工作的重要论述。', '习总书记关于宣传思想工作的重要论述', '深入学习习近平总书记关于宣传思想工作的重要论述。'],
  ['深入学习贯彻关于党的自我革命的重要思想。', '关于党的自我革命的重要思想', '深入学习贯彻习近平总书记关于党的自我革命的重要思想。'],
];

ruleTester(ID, {
  suite: 'near-misses are found, with the right wording as the fix',
  words: 'needed',
  invalid: NEAR_MISSES.map(([line, covered, fixed]) => ({
    name: line,
    text: reportWith(line, 2018),
    // Each finding names its source.
    findings: [{ line: 2, text: covered, data: { source: /\S/ } }],
    output: reportWith(fixed, 2018),
  })),
});

ruleTester(ID, {
  suite: 'complete names of 重要思想 and of the 责任制 stay silent',
  words: 'needed',
  valid: [
    '深入学习习近平总书记关于党的建设的重要思想，落实意识形态工作责任制。',
    '认真学习习近平关于加强和改进统一战线工作的重要思想。',
    '修订《党委（党组）网络意识形态工作责任制实施细则》。',
    // The usual short form in running text, and a unit's own list, are not the central document's name.
    '严格落实党管意识形态责任制，制定《中心意识形态责任制清单》。',
    '市委书记关于本地工作的讲话精神已传达到位。',
    '会议通报了关于加强基层宣传阵地建设的意见。',
    '学习关于党的建设的重要论述摘编。',
    // The name itself, and a longer name that holds it, are no miswritten copy of it.
    '深入学习习近平新时代中国特色社会主义思想主题教育，学习习近平新时代中国特色社会主义经济思想。',
    // A short formulation is looked for with a character missing or swapped only: 意识形态工作责任书 is a document of its own.
    '签订意识形态工作责任书，学习理论学习中心组的经验。',
  ].map((line) => ({ name: line, text: reportWith(line) })),
});

const VERBS: [string, string][] = [
  ['教育党员坚定“四个意识”。', '坚定“四个意识”'],
  ['教育党员增强“四个自信”。', '增强“四个自信”'],
  ['坚决做到“两个确立”。', '做到“两个确立”'],
  ['教育党员增强“两个维护”。', '增强“两个维护”'],
];

ruleTester(ID, {
  suite: 'the verbs of 四个意识, 四个自信, 两个维护, 两个确立',
  words: 'needed',
  invalid: VERBS.map(([line, covered]) => ({
    name: line,
    text: reportWith(line),
    findings: [{ line: 2, text: covered, message: /不搭配/ }],
    // Which word was meant is the author's call: no automatic fix.
    output: null,
  })),
});

ruleTester(ID, {
  suite: 'the right wordings and their look-alikes stay silent',
  words: 'needed',
  valid: [
    '以习近平新时代中国特色社会主义思想为指导，学习《习近平新时代中国特色社会主义思想学习纲要》。',
    '坚持和发展新时代中国特色社会主义，新时代中国特色社会主义进入新阶段。',
    '深入学习习近平新时代中国特色社会主义思想和党的二十大精神。',
    '增强“四个意识”、坚定“四个自信”、做到“两个维护”。',
    '深刻领悟“两个确立”的决定性意义，坚定拥护“两个确立”、坚决做到“两个维护”。',
    '树牢“四个意识”，牢固树立“四个意识”。',
    '党委理论学习中心组集体学习，落实理论学习中心组学习规则，党委理论中心组学习。',
    '严格落实“三会一课”制度和“一岗双责”要求，认真落实“第一议题”制度。',
    '同一议题不重复讨论，每一议题都要充分讨论，会议的第一个议题是学习文件。',
    '培育和践行社会主义核心价值观，加强社会主义核心价值体系建设。',
    '落实意识形态工作责任制，建立意识形态工作责任清单。',
    '用党的创新理论武装头脑，用党的最新理论指导实践。',
    '全面贯彻党的二十大精神和党的二十届三中全会精神。',
    '学习贯彻党的十九届四中全会精神。',
    '学习习近平总书记重要讲话精神。',
    // A masked name before it stands for 习近平: a placeholder, which the placeholder rule reports.
    '以***新时代中国特色社会主义思想为指导，学习XX新时代中国特色社会主义思想。',
  ].map((line) => ({ name: line, text: reportWith(line, 2025) })),
});

ruleTester(ID, {
  suite: 'needs words',
  valid: [{ name: 'without a segmenter the rule does not run', text: reportWith('每月开展论学习中心组学习。'), words: 'without' }],
});

test('formulation: every entry of formulations.json names its source', () => {
  const data = JSON.parse(readFileSync(join(__dirname, '../../../server/src/data/formulations.json'), 'utf8')) as { entries: { source?: string }[] };
  assert.ok(data.entries.length >= 10);
  for (const e of data.entries) assert.ok(e.source && e.source.length > 4, JSON.stringify(e));
});
