import { draft } from '../helpers';
import { reportWith } from '../chinese/util';
import { run } from '../chinese/util';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleTester } from './tester';

const ID = 'html-entity';

ruleTester(ID, {
  suite: 'character references left by a web page',
  valid: [
    '落实“第一议题”制度，开展宣讲活动。',
    // An ampersand in a name, and a reference the text writes out in a URL.
    '与AT&T公司交流；推广R&D投入。',
    '详见http://example.cn/list?a=1&amp;b=2。',
    // A word ending in the letters of a name is no reference (no semicolon, or letters before it).
    '组织学习quot讨论，开展Bsquo;活动。',
  ].map((line) => ({ name: line, text: reportWith(line) })),
  invalid: [
    {
      name: 'named references become their characters, and a space between Chinese words goes',
      text: reportWith('落实&ldquo;第一议题&rdquo;制度，&nbsp;&nbsp;开展宣讲&hellip;&hellip;'),
      findings: [
        { line: 2, text: '&ldquo;', message: /应为「“」/ },
        { line: 2, text: '&rdquo;' },
        { line: 2, text: '&nbsp;', message: /应删去/ },
        { line: 2, text: '&nbsp;' },
        { line: 2, text: '&hellip;' },
        { line: 2, text: '&hellip;' },
      ],
      output: reportWith('落实“第一议题”制度，开展宣讲……'),
      fixAllOutput: reportWith('落实“第一议题”制度，开展宣讲……'),
    },
    {
      name: 'numeric references, and names that lost their &',
      text: reportWith('组织学习&#8220;学习强国&#8221;平台ldquo;三会一课rdquo;，时间mdash;全年。'),
      findings: [
        { line: 2, text: '&#8220;' },
        { line: 2, text: '&#8221;' },
        { line: 2, text: 'ldquo;' },
        { line: 2, text: 'rdquo;' },
        { line: 2, text: 'mdash;' },
      ],
      fixAllOutput: reportWith('组织学习“学习强国”平台“三会一课”，时间—全年。'),
    },
    {
      name: 'a reference that also lost its l or r: quotes open and close in turn, applied only when asked',
      text: reportWith('开展squo;春雨工程squo;活动。'),
      findings: [
        { line: 2, text: 'squo;', message: /丢了开头/ },
        { line: 2, text: 'squo;' },
      ],
      output: reportWith('开展‘春雨工程’活动。'),
      fixAllOutput: reportWith('开展squo;春雨工程squo;活动。'),
    },
    {
      name: '&quot; pairs become “…”; an odd one is left to the user',
      text: reportWith('落实&quot;一岗双责&quot;，推进&quot;三会一课。'),
      findings: [{ line: 2, text: '&quot;' }, { line: 2, text: '&quot;' }, { line: 2, text: '&quot;' }],
      fixAllOutput: reportWith('落实&quot;一岗双责&quot;，推进&quot;三会一课。'),
    },
    {
      name: 'a space between Latin words stays one',
      text: reportWith('使用Microsoft&nbsp;Word排版。'),
      findings: [{ line: 2, text: '&nbsp;', message: /应为空格/ }],
      fixAllOutput: reportWith('使用Microsoft Word排版。'),
    },
  ],
});

ruleTester(ID, {
  suite: 'Markdown',
  valid: [{ name: 'inline code', text: draft('# 2024年意识形态工作总结', '', '网页里的引号写作`&ldquo;`。'), options: { markdown: true } }],
});

test('the semicolon of a reference is not reported as half-width punctuation', () => {
  const text = reportWith('落实&ldquo;第一议题&rdquo;制度，开展宣讲活动。');
  assert.deepEqual(run(text, 'punctuation', false), []);
  assert.equal(run(text, ID, false).length, 2);
});
