/**
 * template-residue: text a template site left in the draft — watermarks,
 * advertising, paid-content markers, a web preview of the title — which is
 * not part of the report and must not be submitted.
 */
import { ResidueRegion, residueDeletion } from '../engine/residue';
import { SourceText } from '../engine/source';
import { DocumentRule, RuleContext } from './rule';
import { Finding, RuleFinding } from '../engine/types';
import { FixGroup } from '../engine/edits';

function excerpt(source: SourceText, r: ResidueRegion): string {
  const first = source.lines[r.startLine].slice(r.range.start.character, r.kind === 'span' ? r.range.end.character : undefined).trim();
  const short = first.length > 20 ? first.slice(0, 20) + '…' : first;
  return r.endLine > r.startLine ? `「${short}」等 ${r.endLine - r.startLine + 1} 行` : `「${short}」`;
}

export const templateResidueRule: DocumentRule = {
  id: 'template-residue',
  docs: {
    title: '模板网站残留',
    summary: '模板网站留下的水印、广告、付费标记、网页预览等非正文内容',
    readme: { problem: '模板网站残留', examples: '“仅供学习参考”水印、广告、`##paidbegin##`、网页预览行' },
    hover: {
      explanation: '从模板网站复制时带进来的水印、广告、付费标记、网页预览和声明，不是报告正文，提交前必须删除。快速修复会删除整行或这段标记，不动其他文字。',
      wrong: '本文系读者投稿，仅供学习参考，请勿照搬照抄！\n2024年意识形态工作总结',
      right: '2024年意识形态工作总结',
    },
    details: [
      '从模板网站复制时带进来的非正文内容，提交前必须删除：',
      '- 水印：「仅供学习参考」「请勿照搬照抄」「禁止外传」「本文系……投稿」；',
      '- 广告：「现在订阅立享……」「会员群」「QQ群」「扫码联系」，以及标题前与它们连在一起的宣传语；',
      '- 付费标记：`##paidbegin##`、`##paidend##`、「此处隐藏1234字，下载后查看」；',
      '- 网页预览：标题前重复标题和第一句话、以「...」结尾的一行；',
      '- 「免责声明」「版权归原作者所有」等声明。',
      '',
      '正文中正常的说法（「做好党报党刊订阅工作」「设置二维码宣传牌」）不报告；报告自己的句子用到同样的词也不算',
      '（「明确新闻作品版权归属」「严格执行涉密文件禁止外传规定」「坚持转载请注明出处的要求」）。',
      '一键修复会删除整行或这段标记。“修复全部”和保存时自动修复只删除确定是网站文字的内容（整行、整句或付费标记）；',
      '带编号（`一、` `（一）` `1.` `一是`）的行里的，或夹在报告句子中间的，只作为快速修复提供，由您决定是否删除。',
      '',
      '- 错误示例：',
      '  ```',
      '  本文系读者投稿，仅供学习参考，请勿照搬照抄！',
      '  2024年意识形态工作总结',
      '  ```',
      '- 正确示例：',
      '  ```',
      '  2024年意识形态工作总结',
      '  ```',
    ],
  },
  defaultSeverity: 'error',
  fixable: true,
  scope: 'document',
  check(ctx: RuleContext): RuleFinding[] {
    return ctx.doc.residue.map((r) => ({
      message: r.certain
        ? `${excerpt(ctx.source, r)}是模板网站留下的${r.label}，不属于报告正文，提交前请删除。`
        : `${excerpt(ctx.source, r)}像是模板网站留下的${r.label}，不属于报告正文；若确是网站的文字，提交前请删除（不会自动删除）。`,
      range: r.range,
      fix: r.certain
        ? { title: r.kind === 'span' ? '删除此标记' : '删除这些行', edits: [residueDeletion(ctx.source, r)] }
        : { title: r.kind === 'span' ? '删除这段文字' : '删除这些行', edits: [residueDeletion(ctx.source, r)], manual: true },
      data: { label: r.label, certain: r.certain },
    }));
  },
  // A certain run is deleted whole; of an uncertain run, only its certain stretches (a breadcrumb, not the menu item after it).
  fixAll(doc, findings): FixGroup<Finding>[] {
    const groups: FixGroup<Finding>[] = [];
    for (const f of findings) {
      if (f.fix && !f.fix.manual) {
        groups.push({ edits: f.fix.edits, findings: [f] });
        continue;
      }
      const r = doc.residue.find((x) => x.startLine === f.range.start.line && x.range.start.character === f.range.start.character);
      for (const s of r?.sure ?? []) {
        const part: ResidueRegion = { ...r!, startLine: s.startLine, endLine: s.endLine, certain: true, sure: undefined };
        groups.push({ edits: [residueDeletion(doc.source, part)], findings: [] });
      }
    }
    return groups;
  },
};
