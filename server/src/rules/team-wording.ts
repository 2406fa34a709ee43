/**
 * team-wording: the team's own dictionary from `.zongjie.json` — wrong → right
 * formulations (with the reason and the source) and words to avoid. Nothing
 * is flagged without a dictionary. A replacement carries its fix; a word to
 * avoid has no single right answer, so it is only pointed out.
 */
import { entryHits } from '../engine/team-dictionary';
import { lineRange, RuleFinding } from '../engine/types';
import { DocumentRule, RuleContext } from './rule';

function why(reason: string | undefined, source: string | undefined): string {
  return (reason ? `：${reason.replace(/[。.]$/, '')}` : '') + (source ? `（依据：${source}）` : '') + '。';
}

export const teamWordingRule: DocumentRule = {
  id: 'team-wording',
  docs: {
    title: '本单位词典',
    summary: '本单位词典（.zongjie.json）中列出的错误说法和应避免的说法',
    readme: { problem: '本单位规定的用语', examples: '按 `.zongjie.json` 中的 `dictionary` 检查' },
    hover: {
      explanation: '这是本单位在 .zongjie.json 的 dictionary 中规定的用语：replace 列出错误说法及正确说法（可一键改正），avoid 列出应避免的说法。词条的理由和依据见提示信息。',
      wrong: '严格落实一岗双责要求。（本单位词典：一岗双责 → “一岗双责”）',
      right: '严格落实“一岗双责”要求。',
    },
    details: [
      '按工作区根目录或草稿所在文件夹及其上级文件夹中的 `.zongjie.json` 的 `dictionary` 检查：',
      '`replace` 的每一条是一个错误说法（`wrong`）和正确说法（`right`），附理由（`reason`）和依据（`source`）；',
      '`avoid` 的每一条是一个应避免的说法（`word`）。没有 `.zongjie.json` 时这条规则不报告任何问题。',
      '',
      '- 默认级别：警告',
      '- 可一键修复：是（replace 的词条改为正确说法；avoid 的词条需人工改写）',
      '- 需要中文分词：否',
      '',
      '每一条都可以带 `match`（必须被找出的例句）和 `noMatch`（不能被找出的例句），`zongjie config --check` 逐条检验，',
      '以免本单位词典误报正确的写法。正确说法中本来就包含错误说法时（如把 `一岗双责` 改为 `“一岗双责”`），已经写对的地方不报告。',
      '',
      '- 错误示例：`严格落实一岗双责要求。`（本单位词典：`{ "wrong": "一岗双责", "right": "“一岗双责”" }`）',
      '- 正确示例：`严格落实“一岗双责”要求。`',
    ],
  },
  defaultSeverity: 'warning',
  fixable: true,
  scope: 'document',
  check(ctx: RuleContext): RuleFinding[] {
    const team = ctx.team;
    if (!team || (team.replace.length === 0 && team.avoid.length === 0)) return [];
    const out: RuleFinding[] = [];
    ctx.source.lines.forEach((line, n) => {
      for (const e of team.replace) {
        for (const at of entryHits(e, line)) {
          const range = lineRange(n, at, at + e.wrong.length);
          out.push({
            message: `「${e.wrong}」应为「${e.right}」${why(e.reason, e.source)}`,
            range,
            fix: { title: `改为「${e.right}」`, edits: [{ range, newText: e.right }] },
          });
        }
      }
      for (const e of team.avoid) {
        for (const at of entryHits(e, line)) {
          out.push({ message: `本单位要求避免使用「${e.word}」${why(e.reason, e.source)}`, range: lineRange(n, at, at + e.word.length) });
        }
      }
    });
    return out;
  },
};
