/** `zongjie fix` on drafts whose report sentences use the words of site notices: not one of them is lost. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { draft } from '../helpers';
import { run, scratchFolder } from '../cli/scratch';

const scratch = scratchFolder('zongjie-fix-lookalike-');

const REPORT = draft(
  '仅供学习参考，请勿照搬照抄',
  '2024年市新闻出版局意识形态工作总结',
  '今年以来，局党组认真落实意识形态工作责任制，现将有关情况总结如下。',
  '一、主要工作开展情况',
  '（一）加强版权保护。明确新闻作品版权归属，办理作品登记30件。',
  '（二）严格保密管理。严格执行涉密文件禁止外传规定。',
  '（三）规范网络转载。坚持转载请注明出处的要求，清理违规转载稿件15篇。',
  '版权归属明确，管理责任到人',
  '三、存在的问题',
  '一是版权保护宣传还不够深入。',
  '四、下一步工作打算',
  '一是完善作品登记和转载审核制度。',
);

test('fix removes the site notice and renumbers, and keeps every report sentence', () => {
  const p = scratch.write('a.txt', REPORT + '\n');
  const r = run('fix', p);
  assert.equal(r.code, 0, r.err + r.out);
  const after = fs.readFileSync(p, 'utf8');
  const kept = REPORT.split('\n').slice(1).map((l) => l.replace('三、存在', '二、存在').replace('四、下一步', '三、下一步'));
  assert.equal(after, kept.join('\n') + '\n');
});
