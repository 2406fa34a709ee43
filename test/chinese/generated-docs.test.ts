/**
 * docs/rules.md and the README's table of checks are generated from the
 * rules' own docs (server/src/rules/render-docs.ts): the committed files must
 * be what `npm run docs` writes, and what a rule's docs say about its severity,
 * fixes and segmentation must agree with the rule.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ALL_RULES } from '../../server/src/rules';
import { README_PATH, RULES_MD_PATH, readmeWithRules, rulesMarkdown } from '../../server/src/rules/render-docs';

const ROOT = join(__dirname, '..', '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** Fails, naming the first line that differs, unless `actual` (the committed file) is `expected`. */
function assertGenerated(file: string, actual: string, expected: string): void {
  if (actual === expected) return;
  const a = actual.split('\n');
  const e = expected.split('\n');
  let i = 0;
  while (i < a.length && i < e.length && a[i] === e[i]) i++;
  assert.fail(`${file} is out of date: run \`npm run docs\` and commit the result.\nline ${i + 1} is:\n  ${a[i] ?? '(end of file)'}\nbut the rules give:\n  ${e[i] ?? '(end of file)'}`);
}

describe('generated documentation', () => {
  test('docs/rules.md is what the rules’ docs give', () => {
    assertGenerated(RULES_MD_PATH, read(RULES_MD_PATH), rulesMarkdown());
  });

  test('the README’s table of checks is what the rules’ docs give', () => {
    const readme = read(README_PATH);
    assertGenerated(README_PATH, readme, readmeWithRules(readme));
  });

  test('npm run docs -- --check agrees', () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'gen-docs.mjs'), '--check'], { stdio: 'pipe' });
  });
});

describe('every rule’s docs', () => {
  const SEVERITY: Record<string, string> = { error: '错误', warning: '警告', information: '信息', hint: '提示' };

  for (const rule of ALL_RULES) {
    test(rule.id, () => {
      const { title, summary, readme, details } = rule.docs;
      for (const [key, text] of Object.entries({ title, summary, problem: readme.problem, examples: readme.examples })) {
        assert.match(text, /[\u4e00-\u9fff]/, `${rule.id}: ${key} is in Chinese`);
        assert.doesNotMatch(text, /\n/, `${rule.id}: ${key} is one line (a table cell)`);
      }
      assert.ok(details.some((l) => l.startsWith('- 错误示例')), `${rule.id}: details give a wrong example`);
      assert.ok(details.some((l) => l.startsWith('- 正确示例')), `${rule.id}: details give a right example`);
      assert.ok(!details.some((l) => l.startsWith('## ')), `${rule.id}: details hold no section heading of their own`);
      assert.ok(details.every((l) => !l.includes('\n')), `${rule.id}: details are given line by line`);

      // Where the details state a property of the rule, it is the rule's.
      const stated = (label: string) => details.find((l) => l.startsWith(`- ${label}：`))?.slice(label.length + 3);
      const severity = stated('默认级别');
      if (severity !== undefined) assert.equal(severity, SEVERITY[rule.defaultSeverity], `${rule.id}: 默认级别`);
      const fixable = stated('可一键修复');
      if (fixable?.startsWith('是') || fixable?.startsWith('否')) assert.equal(fixable.startsWith('是'), rule.fixable, `${rule.id}: 可一键修复`);
      const segmenter = stated('需要中文分词');
      if (segmenter?.startsWith('是') || segmenter?.startsWith('否')) assert.equal(segmenter.startsWith('是'), rule.requiresSegmenter === true, `${rule.id}: 需要中文分词`);
    });
  }
});
