/**
 * Hover text, as Chinese Markdown: what belongs in a placeholder, how a
 * heading (or a passage of running text) was classified and by which words,
 * and for any finding the rule's explanation with a wrong and a right example
 * (the rule's docs.hover). The language server returns the string as
 * MarkupContent of kind markdown.
 */
import { Analysis } from './analyze';
import { HeadingNode, Report, ReportPart } from '../engine/parse';
import { Profile, ProfilePart } from '../engine/profile';
import { Finding, Position, Range } from '../engine/types';
import { findRule } from '../rules';

function contains(r: Range, p: Position): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const empty = r.start.line === r.end.line && r.start.character === r.end.character;
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && (empty ? p.character === r.end.character : p.character < r.end.character));
  return afterStart && beforeEnd;
}

/** Markdown for an example: one line inline, several lines as a block. */
function example(label: string, text: string): string {
  if (!text.includes('\n')) return `${label}：${text}`;
  return `${label}：\n\n\`\`\`text\n${text}\n\`\`\``;
}

function findingSection(f: Finding): string | null {
  const docs = findRule(f.code)?.docs;
  if (!docs) return null;
  const { explanation, wrong, right } = docs.hover;
  return [`**${docs.title}**（规则 \`${f.code}\`）`, explanation, example('错误示例', wrong), example('正确示例', right)].join('\n\n');
}

// ---------------------------------------------------------------------------
// Placeholders

/**
 * What a placeholder stands for, from the word right after it (X次 → a count,
 * XX镇 → a town's name). Longer words first: 人次 before 人.
 */
const AFTER_HINTS: [string, string][] = [
  ['人次', '人次（参加的总人次）'],
  ['场次', '场次'],
  ['小时', '时长（小时数）'],
  ['万元', '金额'],
  ['元', '金额'],
  ['次', '次数'],
  ['场', '场次'],
  ['名', '人数'],
  ['人', '人数'],
  ['个', '个数'],
  ['篇', '篇数'],
  ['件', '件数'],
  ['条', '条数'],
  ['期', '期数'],
  ['项', '项数'],
  ['家', '家数'],
  ['份', '份数'],
  ['户', '户数'],
  ['座', '座数'],
  ['批', '批次'],
  ['轮', '轮次'],
  ['天', '天数'],
  ['倍', '倍数'],
  ['分', '分数'],
  ['%', '百分比'],
  ['％', '百分比'],
  ['万', '数量（以万计）'],
  ['千', '数量'],
  ['百', '数量'],
  ['余', '数量'],
  ['多', '数量'],
  ['通讯员', '单位或姓名'],
  ['党委', '党委所属的单位名称'],
  ['党组', '党组所属的单位名称'],
  ['党支部', '党支部名称'],
  ['支部', '党支部名称'],
  ['街道', '街道名称'],
  ['社区', '社区名称'],
  ['学校', '学校名称'],
  ['公司', '公司名称'],
  ['单位', '单位名称'],
  ['部门', '部门名称'],
  ['镇', '镇名'],
  ['乡', '乡名'],
  ['村', '村名'],
  ['县', '县名'],
  ['市', '市名'],
  ['区', '区名'],
  ['局', '局的名称'],
];

interface PlaceholderHint {
  what: string;
  why: string;
}

function placeholderHint(line: string, start: number, end: number, text: string, expects: string): PlaceholderHint {
  const before = line.charAt(start - 1);
  const after = line.slice(end);
  const fill = /^【(.+)】$|^\[(.+)\]$|^｛(.+)｝$/.exec(text);
  if (fill) {
    const label = fill[1] ?? fill[2] ?? fill[3];
    return { what: label.replace(/^(请|此处)?(填写|填入|输入)[：:]?/, '') || label, why: `括号中的提示是“${label}”` };
  }
  if (expects === 'year') return { what: '年份（四位数字，如“2024”）', why: '它写在年份的位置上' };
  if (before === '第') return { what: '序数（第几个、第几届）', why: '前面是“第”' };
  if (before === '《') return { what: '报刊或文件名称', why: '它写在书名号《》里' };
  if (before === '“' || before === '"') return { what: '名称（品牌、活动或栏目的名字）', why: '它写在引号里' };
  if (text.startsWith('某') && text.length === 1) {
    for (const [word, what] of AFTER_HINTS) if (after.startsWith(word)) return { what, why: `“某”后面是“${word}”` };
    return { what: '具体名称', why: '“某”代指一个名称' };
  }
  for (const [word, what] of AFTER_HINTS) {
    if (after.startsWith(word)) return { what, why: `后面紧跟“${word}”` };
  }
  switch (expects) {
    case 'number':
      return { what: '实际数字', why: '它的位置上应是一个数目' };
    case 'name':
      return { what: '实际名称', why: '它代指一个人名、单位名或地名' };
    case 'unit':
      return { what: '单位或地名', why: '后面是单位或地名用字' };
    default:
      return { what: '实际内容', why: '从前后文看不出更具体的要求' };
  }
}

/** The standard part the top-level heading above `line` was classified as. */
function partAbove(analysis: Analysis, line: number): ProfilePart | undefined {
  const report = analysis.doc.reports.find((r) => r.startLine <= line && line <= r.endLine);
  const root = report?.roots.filter((r) => r.line < line && line <= r.endLine).pop();
  const slot = report?.parts.find((p) => p.node === root && p.slot)?.slot;
  return slot ? analysis.doc.profile.part(slot) : undefined;
}

function placeholderSection(analysis: Analysis, f: Finding): string {
  const line = analysis.doc.source.lines[f.range.start.line] ?? '';
  const start = f.range.start.character;
  const end = f.range.end.line === f.range.start.line ? f.range.end.character : line.length;
  const text = typeof f.data?.placeholder === 'string' ? f.data.placeholder : line.slice(start, end);
  const expects = typeof f.data?.expects === 'string' ? f.data.expects : 'content';
  const shownText = text.replace(/[ \t\u3000]+/g, '␣');
  if (typeof f.data?.gap === 'string') {
    const left = f.data.gap === 'dot' ? '一个点' : f.data.gap === 'dangling' ? '一个连词' : f.data.gap === 'empty-quotes' ? '一对空的引号或书名号' : '前后的字';
    return `**此处似乎缺少内容「${shownText}」**：像是删改时删掉了名称或数字，只留下了${left}。请补上漏掉的内容；若确实没有遗漏，可以忽略（这是警告，不是错误）。`;
  }
  if (f.data?.choice === true) {
    return `**供选择的写法「${text}」**：模板列出了几级单位供选择，请只保留本单位实际的一级（如「${text.charAt(0)}」），删去括号和其余选项。`;
  }
  let hint = placeholderHint(line, start, end, text, expects);
  // The prompt a quick fix put under an inserted heading ("【请填写本部分内容】"): say what the part must say.
  if (text.includes('本部分')) {
    const part = partAbove(analysis, f.range.start.line);
    if (part) hint = { what: `「${part.name}」部分的内容`, why: `这一部分应${part.purpose}` };
  }
  const shown = text.trim() ? text : line.slice(Math.max(0, start - 2), end + 2);
  return `**占位符「${shown}」**：此处应填写**${hint.what}**。\n\n判断依据：${hint.why}。`;
}

// ---------------------------------------------------------------------------
// Headings and parts

function partName(profile: Profile, slot: string | null): string {
  if (!slot) return '未归类';
  return profile.part(slot)?.name ?? slot;
}

/** The name of the part that comes before `slot` in the profile's order. */
function partBefore(profile: Profile, slot: string | null): string {
  const at = profile.ordered.findIndex((p) => p.slot === slot);
  return at > 0 ? profile.ordered[at - 1].name : '上一部分';
}

function reasonText(profile: Profile, p: ReportPart): string {
  const name = `「${partName(profile, p.slot)}」`;
  switch (p.reason) {
    case 'heading':
      return `根据标题中的“${p.evidence}”归入${name}。`;
    case 'topic': {
      const verb = profile.topicVerbs.find((v) => (p.heading ?? '').startsWith(v));
      return verb
        ? `标题以“${verb}”开头，是写工作做法的主题式标题，归入${name}。`
        : `标题没有点明属于哪一部分；它位于“${profile.ordered[1]?.name ?? '其他部分'}”等部分之前，视为${name}的一个方面。`;
    }
    case 'running-text':
      return `正文中的“${p.evidence}”表明这里写的是${name}（没有单独的标题）。`;
    case 'restart':
      return `这里的小标题在“${partBefore(profile, p.slot)}”下重新从头编号，读来是措施而不是问题（如“${p.evidence}”），因此视为缺少标题的${name}。`;
    case 'body':
      return `没有标题的正文段落，视为${name}。`;
    default:
      return '标题中没有能说明它属于哪一部分的词语，未能归入任何标准部分。';
  }
}

function rootOf(node: HeadingNode): HeadingNode {
  let n = node;
  while (n.parent) n = n.parent;
  return n;
}

function headingSection(analysis: Analysis, report: Report, node: HeadingNode): string {
  const { doc } = analysis;
  const profile = doc.profile;
  const label = doc.source.lines[node.line].slice(node.marker.markerStart, node.marker.textEnd).replace(/\*\*/g, '').trim();
  const own = report.parts.filter((p) => p.node === node);
  if (own.length) {
    const names = own.map((p) => `「${partName(profile, p.slot)}」`).join('和');
    const lines = [`**标题「${label}」**：一级标题，归入${names}部分。`];
    for (const p of own) lines.push(reasonText(profile, p));
    return lines.join('\n\n');
  }
  const restart = report.parts.find((p) => p.reason === 'restart' && p.line === node.line);
  if (restart) return `**标题「${label}」**\n\n${reasonText(profile, restart)}`;
  const root = rootOf(node);
  const rootParts = report.parts.filter((p) => p.node === root);
  // After a restart read as the plans part, the later sub-headings belong to that part.
  const plans = report.parts.find((p) => p.reason === 'restart' && root.line < p.line && p.line <= root.endLine && p.line <= node.line);
  const names = plans ? `「${partName(profile, plans.slot)}」` : rootParts.map((p) => `「${partName(profile, p.slot)}」`).join('和') || '「未归类」';
  const rootLabel = doc.source.lines[root.line].slice(root.marker.markerStart, root.marker.textEnd).trim();
  return `**标题「${label}」**：第 ${node.depth} 级标题，属于${names}部分（所在一级标题：「${rootLabel}」）。`;
}

function runningTextSection(analysis: Analysis, p: ReportPart): string {
  return `**正文中的部分**\n\n${reasonText(analysis.doc.profile, p)}`;
}

/**
 * The hover at `position`, as Markdown; null when there is nothing to say.
 * Sections, in order: the placeholder under the cursor, the heading or
 * running-text part under it, and the explanation of each finding there.
 */
export function hoverAt(analysis: Analysis, position: Position): string | null {
  const { doc } = analysis;
  const sections: string[] = [];
  const here = analysis.findings.filter((f) => contains(f.range, position));

  for (const f of here) if (f.code === 'placeholder') sections.push(placeholderSection(analysis, f));

  const report = doc.reports.find((r) => r.startLine <= position.line && position.line <= r.endLine);
  if (report) {
    const node = report.headings.find((h) => h.line === position.line);
    if (node && position.character >= node.marker.markerStart && position.character <= node.marker.textEnd) {
      sections.push(headingSection(analysis, report, node));
    } else {
      for (const p of report.parts) {
        if (p.reason !== 'running-text' || p.line !== position.line) continue;
        if (position.character >= p.character && position.character < p.character + p.evidence.length) sections.push(runningTextSection(analysis, p));
      }
    }
  }

  const seen = new Set<string>();
  for (const f of here) {
    if (seen.has(f.code)) continue;
    seen.add(f.code);
    const s = findingSection(f);
    if (s) sections.push(s);
  }
  return sections.length ? sections.join('\n\n---\n\n') : null;
}
