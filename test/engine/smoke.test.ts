import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../server/src/features/analyze';
import { draft } from '../helpers';

test('a complete three-part report has three parts and no error', () => {
  const text = draft(
    '2024年意识形态工作总结',
    '今年以来，局党组认真落实意识形态工作责任制，现将有关情况总结如下。',
    '一、主要工作开展情况',
    '全年召开党组会议12次专题研究意识形态工作。',
    '二、存在的问题',
    '一是学习不够深入。二是阵地管理有短板。',
    '三、下一步工作打算',
    '一是深化理论武装。二是加强阵地建设。',
  );
  const { doc, findings } = analyzeText(text);
  assert.equal(doc.reports.length, 1);
  assert.deepEqual(
    doc.reports[0].parts.map((p) => p.slot),
    ['achievements', 'problems', 'next-steps'],
  );
  assert.deepEqual(findings, []);
});
