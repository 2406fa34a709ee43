import { draft } from '../helpers';
import { reportWith } from '../chinese/util';
import { ruleTester } from './tester';

const ID = 'straight-quotes';

ruleTester(ID, {
  suite: 'straight quotes around Chinese words',
  valid: [
    '用好“学习强国”平台，落实“三会一课”制度。',
    // An apostrophe and English quotes are not Chinese quotes.
    "推广Let's Go活动，播放\"Hello\" 节目，效果良好。",
    // An odd quote has no certain partner.
    '用好"学习强国平台，效果良好。',
    // An NFKC-normalised page: no full-width mark left on the line.
    '把稳思想"方向盘"。',
  ].map((line) => ({ name: line, text: reportWith(line) })),
  invalid: [
    {
      name: '"…" and ＂…＂ become “…”',
      text: reportWith('用好"学习强国"平台，落实＂三会一课＂制度。'),
      findings: [
        { line: 2, text: '"学习强国"', message: /“ ”/ },
        { line: 2, text: '＂三会一课＂' },
      ],
      output: reportWith('用好“学习强国”平台，落实“三会一课”制度。'),
      fixAllOutput: reportWith('用好“学习强国”平台，落实“三会一课”制度。'),
    },
    {
      name: "single quotes around Chinese become “…”, and ‘…’ inside “…”",
      text: reportWith("压实'一岗双责'，提出“坚持'三个不'原则”。"),
      findings: [
        { line: 2, text: "'一岗双责'" },
        { line: 2, text: "'三个不'" },
      ],
      output: reportWith('压实“一岗双责”，提出“坚持‘三个不’原则”。'),
    },
  ],
});

ruleTester(ID, {
  suite: 'Markdown',
  valid: [{ name: 'inline code and link titles', text: draft('# 2024年意识形态工作总结', '', '运行`echo "你好"`，详见[通知](a.md "通知")。'), options: { markdown: true } }],
});
