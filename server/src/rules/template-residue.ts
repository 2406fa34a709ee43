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
  // Never half of a character written as a surrogate pair (a styled letter, a rare 汉字).
  const cut = first.charCodeAt(19) >= 0xd800 && first.charCodeAt(19) <= 0xdbff ? 19 : 20;
  const short = first.length > 20 ? first.slice(0, cut) + '…' : first;
  return r.endLine > r.startLine ? `「${short}」等 ${r.endLine - r.startLine + 1} 行` : `「${short}」`;
}

export const templateResidueRule: DocumentRule = {
  id: 'template-residue',
  docs: {
    title: '模板网站残留',
    summary: '模板网站留下的页面信息、导航菜单、付费和登录提示、文件名、网站声明、小编导语、广告、水印等非正文内容',
    readme: {
      problem: '模板网站残留',
      examples: '「发布时间：2024-01-15」「当前位置：首页 > …」「相关推荐」「加入VIP免费下载」「….docx」「1. 1、本文档由用户上传…」「下面是小编为大家整理的…」「本文标签：…」、水印、广告、`##paidbegin##`',
    },
    hover: {
      explanation:
        '从模板网站复制时带进来的页面信息、导航、付费提示、网站声明、小编导语、广告和水印，不是报告正文，提交前必须删除。连在一起的几行算一处；快速修复会删除这几行或这段文字，不动其他文字。',
      wrong: '当前位置：首页 > 工作总结 >\n发布时间：2024-01-15 09:30\n2024年意识形态工作总结',
      right: '2024年意识形态工作总结',
    },
    details: [
      '从模板网站复制时带进来的非正文内容，按“形状”认出，不依赖具体网站，提交前必须删除：',
      '- 页面信息：「发布时间：2024-01-15 09:30」「更新时间：2024-03 来源：网友投稿」「阅读：2317」「48.20 KB」「12页」「第2页 共7页」「共计3105个字，预计阅读时长9分钟」、政府网站的「信息来源：……浏览次数： 字号：[ ] 色调调节：」「浏览量：12」、文档网站的页面图注「……方案_第1页」、带分类和作者的「分类：工作汇报 时间：…… 浏览： 作者：小编」、带阅读数的「来源：……范文 2.55W」、带分享者和下载链接的「时间：2025-01-08 09:12:40 分享：…… 下载本文」、标题后面的「（全文共1402字）」；',
      '- 导航和页面栏目：面包屑「当前位置：首页 > 工作总结 >」「首页 -> 要闻 -> 通知公告」「首页总结工作总结」、单独一行的「首页」「文档简介」、「购物车」「查看更多」「相关推荐」「推荐度：」「阅读模式」「快捷搜索」、评论框「评论0」「发表评论取消回复」、',
      '  「打开APP」、网站菜单「范文|模板|写作|PPT」、网站横幅（网址加“专注公文写作”之类，「……公文写作神器！ 立即了解」）、欢迎语「您好，欢迎访问……」「……文库，欢迎您！」、带网名的作者行、标题后的「精编」、「首页/栏目/」、广告位「内容头部广告位(手机)」、「AI写作助手」、「热门文档」「猜你喜欢」「热门推荐」「复制全文」「手机阅读」「本文链接：https://……」和带完整时间的相关文章列表「2024-08-28 08:57:57 (3篇)……」；',
      '- 标签行：「本文标签：述职报告 述廉报告」「关键词：意识形态；工作总结」（成句的不算）；只作为快速修复提供，由您决定是否删除；',
      '- 付费和登录提示：「加入VIP免费下载」「VIP专免」「此处隐藏1234字，下载后查看」「（阅读全部图文内容，您需要先登录！）」「预览结束……联系老师」「已阅读5页，还剩12页未读」「……略……」、`##paidbegin##`；',
      '- 汇编页面的标题：带网站篇数的「……制度（汇总14篇）」「……报告精选（九篇）」「……范文五篇」「……【优秀4篇】」，标题后的「【第一篇】」「篇2」；',
      '- 文件名和分享说明：单独一行的「….docx」（「附件：」开头的不算）、「《….docx》由会员分享，可在线阅读，更多相关……请在……上搜索」；',
      '- 网站声明：「1. 1、本文档由用户上传……」「网站客服QQ：……」「申明敬告：本站不保证……」，不论多长；这些行不会被当成标题或编号；',
      '- 小编导语：「下面是小编为大家整理的……供大家参考」「以下我给大家整理了几篇优质范文……」「……由网友为您精心整理编辑，以供您阅读参考之用」「下面是网友为您分享的“……”相关材料，供您参考学习」；标题前面只提到一次“范文”的引导段落也算；',
      '- 论坛防采集乱码：段末或单独一行、由一两个字符的英文字母、数字和符号用空格隔开的长串（「k3 ]% Q, w8 T) e# 9 Z$ m」），只标出这一串；一串数字、字母或公式不算；',
      '- 花体字母水印：用数学花体字母写的网址或网站名（「𝒘𝒘𝒘.𝒘𝒆𝒏𝒌𝒖.𝒄𝒏」），三个以上连写时报告（只标出这一串）；公式中零星的一两个字母不算；',
      '- 夹在正文里的广告：网站名、网址、微信号、「海量公文范文」连在一起的一段，只标出这一段，前后的报告文字保留；',
      '- 水印和声明：「仅供学习参考」「精品文档，仅供参考」「请勿照搬照抄」「本文系……投稿」「免责声明」「版权归原作者所有」；',
      '- 网页预览：标题前重复标题和第一句话、正文第一行开头用空格隔开的重复标题（PDF页面的「2020 年……工作总结 一年来……」）、以「...」结尾的一行；网页截断处：最后一段末尾的「......」（其后只有网站的文字时）；单独一行或粘在行首的 `####`；',
      '- 标题之前：已经有网站残留时，标题上面其余不成句的短行（菜单项、页面标题、「引言」）也算，但称呼行（「县委：」）和副标题（「——……」）不算。',
      '',
      '连在一起的几行（中间只隔空行）只报告一处；一行里重叠的几段只报告一处。残留里的其他问题（如声明里的「。。」）不再另外报告，占位符照常报告。',
      '',
      '判断的办法是“去掉这一类的词、日期、数字和符号后基本不剩汉字”，所以报告自己的句子用到同样的词不算：',
      '「时间：2023年5月12日」「新闻发布会于2023-05-12召开」「经费来源」「阅读量达10万次」「工会会员下载学习强国」「供电站本站……」「VIP病房」',
      '「以上几点意见，供大家参考」「为大家办实事」「明确新闻作品版权归属」「严格执行涉密文件禁止外传规定」「坚持转载请注明出处的要求」、单独一行的落款日期都不报告。',
      '',
      '一键修复会删除整行或这段文字。“修复全部”和保存时自动修复只删除确定是网站文字的内容（不带编号的整行、整句或付费标记）；',
      '带编号（`一、` `（一）` `1.` `一是`）的行里的、夹在报告句子中间的、标题前凭位置认出的短行，只作为快速修复提供，由您决定是否删除。',
      '',
      '- 错误示例：',
      '  ```',
      '  当前位置：首页 > 工作总结 >',
      '  发布时间：2024-01-15 09:30',
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
