import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runCli } from '../../server/src/cli/main';
import { terminalSafe } from '../../server/src/cli/terminal';
import { scratchFolder } from './scratch';

const scratch = scratchFolder('zongjie-terminal-');

describe('control characters in terminal output', () => {
  test('terminalSafe shows ESC, OSC, C1, CR and bidi overrides as escapes; keeps tabs and line ends', () => {
    assert.equal(terminalSafe('a\u001b[2Jb\u001b]0;标题\u0007c\u009bd\re\u202ef\tg\nh'), 'a\\u001b[2Jb\\u001b]0;标题\\u0007c\\u009bd\\u000de\\u202ef\tg\nh');
  });

  for (const command of ['check', 'outline']) {
    test(`${command}: a draft's control sequences never reach the terminal`, () => {
      const file = scratch.write('控制\u001b[31m字符.txt', '2024年意识形态工作总结\u001b]0;被改的标题\u0007\n一、主要工作\u001b[2J开展情况\n全年召开会议X次\u009b。\n');
      let out = '';
      let err = '';
      runCli([command, file], { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n') });
      assert.ok(out.length > 0);
      assert.doesNotMatch(out + err, /[\u001b\u0007\u009b]/);
      assert.match(out, /\\u001b/);
    });
  }
});
