/**
 * The CLI's output: one line per finding (`path:line:col  severity  code  message`,
 * 1-based), the JSON document, and the indented outline.
 */
import { Analysis } from '../features/analyze';
import { OutlineReport, OutlineSection, reportOutline } from '../features/outline';
import { WordDraft, wordPlaceOfLine } from '../features/word';
import { HeadingNode } from '../engine/parse';
import { SourceText } from '../engine/source';
import { Genres } from '../engine/genre';
import { Profile } from '../engine/profile';
import { Finding } from '../engine/types';
import { CiFormat, CiRun, ciFileFragment, isCiFormat } from './ci-formats';

export interface CheckedFile {
  path: string;
  analysis: Analysis;
  /** For a Word file: its paragraphs, which positions then count instead of lines. */
  word?: WordDraft;
}

/** Where a finding is in a Word file: its paragraph (0-based, null for the document's properties), region and column. */
export interface WordPosition {
  paragraph: number | null;
  region: string;
  character: number;
}

export function wordPosition(draft: WordDraft, f: Finding): WordPosition {
  const region = typeof f.data?.region === 'string' ? f.data.region : 'body';
  if (region === 'body') {
    const place = wordPlaceOfLine(draft, f.range.start.line);
    return { paragraph: place.paragraph, region: place.region, character: f.range.start.character };
  }
  // Outside the checked text: the rule says where (a header's paragraph, a property).
  const paragraph = typeof f.data?.paragraph === 'number' ? f.data.paragraph : null;
  return { paragraph, region, character: 0 };
}

const REGION_LABELS: Record<string, string> = { header: '页眉', footer: '页脚', comment: '批注', footnote: '脚注', endnote: '尾注' };

/** `第12段:5`, `第40段（页眉）:1`, `文档属性`: a Word position as the text output shows it. */
export function wordPositionText(p: WordPosition): string {
  if (p.paragraph === null) return p.region === 'document' ? '文档属性' : REGION_LABELS[p.region] ?? p.region;
  const where = p.region === 'body' ? '' : `（${REGION_LABELS[p.region] ?? p.region}）`;
  return `第${p.paragraph + 1}段${where}:${p.character + 1}`;
}

export type OutputFormat = 'text' | 'json' | 'outline' | CiFormat;

/** One checked file: its output already rendered, and the counts the summary and the exit code need. */
export interface FileResult {
  path: string;
  /** text: the finding lines (may be empty); json: the file's object; outline: the outline; CI formats: see ci-formats.ts. */
  rendered: string;
  counts: { error: number; warning: number; information: number; hint: number };
  reports: number;
}

export function fileResult(file: CheckedFile, profile: Genres | Profile, format: OutputFormat, run?: CiRun): FileResult {
  const { doc } = file.analysis;
  const findings = file.word ? inParagraphOrder(file.word, file.analysis.findings) : file.analysis.findings;
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  let rendered: string;
  if (format === 'outline') rendered = outlineText(file);
  else if (format === 'json') rendered = JSON.stringify(fileJson(file));
  else if (isCiFormat(format)) rendered = ciFileFragment(format, file, run ?? { toolVersion: '', cwd: process.cwd() });
  else rendered = findings.map((f) => findingLine(file.path, f, file.word)).join('\n');
  return { path: file.path, rendered, counts, reports: doc.reports.length };
}

/**
 * A Word file's findings in the order of its paragraphs: the document's
 * properties first, then the body, then headers, footers and comments (whose
 * paragraphs come after the body's), each by column.
 */
function inParagraphOrder(word: WordDraft, findings: readonly Finding[]): Finding[] {
  const keyed = findings.map((f, i) => ({ f, i, at: wordPosition(word, f) }));
  keyed.sort((a, b) => (a.at.paragraph ?? -1) - (b.at.paragraph ?? -1) || a.at.character - b.at.character || a.i - b.i);
  return keyed.map((k) => k.f);
}

export function findingLine(path: string, f: Finding, word?: WordDraft): string {
  const at = word ? wordPositionText(wordPosition(word, f)) : `${f.range.start.line + 1}:${f.range.start.character + 1}`;
  return `${path}:${at}  ${f.severity}  ${f.code}  ${f.message}`;
}

export function summaryLine(files: FileResult[], unreadable: number): string {
  const count = (s: keyof FileResult['counts']) => files.reduce((n, f) => n + f.counts[s], 0);
  const reports = files.reduce((n, f) => n + f.reports, 0);
  const errors = count('error');
  const warnings = count('warning');
  const others = count('information') + count('hint');
  const parts = [`共检查 ${files.length} 个文件、${reports} 篇报告`];
  if (errors + warnings + others === 0) parts.push('未发现问题');
  else parts.push(`发现 ${errors} 个错误、${warnings} 个警告` + (others ? `、${others} 条提示` : ''));
  if (unreadable) parts.push(`${unreadable} 个文件无法读取`);
  return parts.join('，') + '。';
}

/** One file's object in the JSON output. */
export function fileJson(file: CheckedFile): unknown {
  const word = file.word;
  if (!word) {
    return {
      path: file.path,
      reports: file.analysis.doc.reports.map(reportOutline),
      diagnostics: file.analysis.findings.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range })),
    };
  }
  // A Word file: lines are 0-based paragraph indices of the document, and each diagnostic says its region.
  const paragraphOf = (line: number) => wordPlaceOfLine(word, line).paragraph;
  return {
    path: file.path,
    reports: file.analysis.doc.reports.map((r) => outlineInParagraphs(reportOutline(r), paragraphOf)),
    diagnostics: inParagraphOrder(word, file.analysis.findings).map((d) => {
      const start = wordPosition(word, d);
      const region = typeof d.data?.region === 'string' ? d.data.region : start.region;
      const range =
        region === 'body'
          ? { start: { line: start.paragraph, character: d.range.start.character }, end: { line: paragraphOf(d.range.end.line), character: d.range.end.character } }
          : { start: { line: start.paragraph ?? 0, character: 0 }, end: { line: start.paragraph ?? 0, character: 0 } };
      return { code: d.code, severity: d.severity, message: d.message, range, region };
    }),
  };
}

function outlineInParagraphs(o: OutlineReport, paragraphOf: (line: number) => number): OutlineReport {
  const section = (s: OutlineSection): OutlineSection => ({ ...s, line: paragraphOf(s.line), children: s.children.map(section) });
  return { ...o, title: o.title ? { ...o.title, line: paragraphOf(o.title.line) } : null, sections: o.sections.map(section) };
}

/** "第 N 行", or "第 N 段" in a Word file. */
type Where = (line: number) => string;

function nodeLines(node: HeadingNode, source: SourceText, indent: string, tag: string, out: string[], at: Where): void {
  const line = source.lines[node.line];
  const label = line.slice(node.marker.markerStart, node.marker.textEnd).replace(/\*\*/g, '').trim();
  out.push(`${indent}${label}${tag}  ${at(node.line)}`);
  for (const c of node.children) nodeLines(c, source, indent + '  ', '', out, at);
}

/** The outline of each report of the file, with its genre and its parts named in Chinese. */
export function outlineText(file: CheckedFile): string {
  const out: string[] = [file.path];
  const { reports, source } = file.analysis.doc;
  const word = file.word;
  const at: Where = word ? (l) => `第 ${wordPlaceOfLine(word, l).paragraph + 1} 段` : (l) => `第 ${l + 1} 行`;
  if (reports.length === 0) out.push('  （没有找到报告正文）');
  reports.forEach((r, i) => {
    const title = r.title ? `${r.title.text}  ${at(r.title.line)}` : '（无标题）';
    out.push(`  ${reports.length > 1 ? `第 ${i + 1} 篇：` : ''}${title}`);
    out.push(`    文体：${r.profile.name}`);
    if (r.opening) out.push(`    导语  ${at(r.opening.line)}`);
    // A merged heading ("存在问题及下一步计划") is shown once, with every part it holds.
    const shown = new Set<HeadingNode>();
    for (const p of r.parts) {
      if (p.node && shown.has(p.node)) continue;
      const names = r.parts
        .filter((q) => (p.node ? q.node === p.node : q === p))
        .map((q) => (q.slot ? r.profile.part(q.slot)?.name ?? q.slot : '未归类'))
        .join('、');
      if (p.node) {
        shown.add(p.node);
        nodeLines(p.node, source, '    ', `  〔${names}〕`, out, at);
      } else {
        out.push(`    （无标题，写在正文中）〔${names}〕  ${at(p.line)}`);
      }
    }
  });
  return out.join('\n');
}
