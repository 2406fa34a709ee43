/**
 * The wrong and right examples of docs/rules.md, for the Chinese rules, do
 * what the documentation says: the wrong one is reported, the right one is not.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { reportWith, run } from './util';

const RULES = ['duplicated-char', 'formulation', 'outdated-reference', 'year-mismatch', 'punctuation', 'empty-example'];
const doc = readFileSync(join(__dirname, '../../../docs/rules.md'), 'utf8');

function section(id: string): string {
  const start = doc.indexOf(`## \`${id}\``);
  assert.ok(start >= 0, `docs/rules.md has a section for ${id}`);
  const next = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, next < 0 ? undefined : next);
}

/** The last `code` span of the line that starts with the label. */
function example(text: string, label: string): string {
  const line = text.split('\n').find((l) => l.startsWith(`- ${label}`));
  assert.ok(line, label);
  const spans = [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
  assert.ok(spans.length > 0, line);
  return spans[spans.length - 1];
}

describe('docs/rules.md examples', () => {
  for (const id of RULES) {
    test(id, () => {
      const s = section(id);
      assert.match(s, /默认级别：警告/);
      const wrong = example(s, '错误示例');
      const right = example(s, '正确示例');
      assert.ok(run(reportWith(wrong), id).length > 0, `wrong example reported: ${wrong}`);
      assert.deepEqual(run(reportWith(right), id), [], `right example silent: ${right}`);
    });
  }
});
