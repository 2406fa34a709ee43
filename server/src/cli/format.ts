/**
 * The CLI's output: one line per finding (`path:line:col  severity  code  message`,
 * 1-based), the JSON document, and the indented outline.
 */
import { Analysis } from '../features/analyze';
import { reportOutline } from '../features/outline';
import { HeadingNode } from '../engine/parse';
import { SourceText } from '../engine/source';
import { Profile } from '../engine/profile';
import { Finding } from '../engine/types';
import { CiFormat, CiRun, ciFileFragment, isCiFormat } from './ci-formats';

export interface CheckedFile {
  path: string;
  analysis: Analysis;
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

export function fileResult(file: CheckedFile, profile: Profile, format: OutputFormat, run?: CiRun): FileResult {
  const { findings, doc } = file.analysis;
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  let rendered: string;
  if (format === 'outline') rendered = outlineText(file, profile);
  else if (format === 'json') rendered = JSON.stringify(fileJson(file));
  else if (isCiFormat(format)) rendered = ciFileFragment(format, file, run ?? { toolVersion: '', cwd: process.cwd() });
  else rendered = findings.map((f) => findingLine(file.path, f)).join('\n');
  return { path: file.path, rendered, counts, reports: doc.reports.length };
}

export function findingLine(path: string, f: Finding): string {
  return `${path}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.severity}  ${f.code}  ${f.message}`;
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
  return {
    path: file.path,
    reports: file.analysis.doc.reports.map(reportOutline),
    diagnostics: file.analysis.findings.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range })),
  };
}

function nodeLines(node: HeadingNode, source: SourceText, indent: string, tag: string, out: string[]): void {
  const line = source.lines[node.line];
  const label = line.slice(node.marker.markerStart, node.marker.textEnd).replace(/\*\*/g, '').trim();
  out.push(`${indent}${label}${tag}  第 ${node.line + 1} 行`);
  for (const c of node.children) nodeLines(c, source, indent + '  ', '', out);
}

export function outlineText(file: CheckedFile, profile: Profile): string {
  const out: string[] = [file.path];
  const { reports, source } = file.analysis.doc;
  if (reports.length === 0) out.push('  （没有找到报告正文）');
  reports.forEach((r, i) => {
    const title = r.title ? `${r.title.text}  第 ${r.title.line + 1} 行` : '（无标题）';
    out.push(`  ${reports.length > 1 ? `第 ${i + 1} 篇：` : ''}${title}`);
    if (r.opening) out.push(`    导语  第 ${r.opening.line + 1} 行`);
    // A merged heading ("存在问题及下一步计划") is shown once, with every part it holds.
    const shown = new Set<HeadingNode>();
    for (const p of r.parts) {
      if (p.node && shown.has(p.node)) continue;
      const names = r.parts
        .filter((q) => (p.node ? q.node === p.node : q === p))
        .map((q) => (q.slot ? profile.part(q.slot)?.name ?? q.slot : '未归类'))
        .join('、');
      if (p.node) {
        shown.add(p.node);
        nodeLines(p.node, source, '    ', `  〔${names}〕`, out);
      } else {
        out.push(`    （无标题，写在正文中）〔${names}〕  第 ${p.line + 1} 行`);
      }
    }
  });
  return out.join('\n');
}
