/**
 * The outline (document symbols) and folding ranges of a parsed document.
 *
 * Outline: report (its title, or 「报告」) → its parts in document order → their
 * sub-headings. A part with a heading is named by the heading as written, number
 * marker included (「一、主要工作完成情况」), and its detail is the profile's
 * name of the part it fills (「主要工作及成效」). A part the engine found in
 * running text has no heading of its own: it appears as 「存在的问题（正文中）」
 * with a range on the words that revealed it. Such a part lies inside another
 * part's lines, so its range overlaps its neighbour's; editors accept
 * overlapping siblings and pick the innermost symbol for breadcrumbs.
 */
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver';
import { HeadingNode, LineInfo, ParsedDocument, Report, ReportPart } from '../engine/parse';
import { Range } from '../engine/types';
import { SymbolKind } from './languageserver';

export const UNTITLED_REPORT_NAME = '报告';

const REPORT_KIND = SymbolKind.Module;
const PART_KIND = SymbolKind.Namespace;
const SUBHEADING_KIND = SymbolKind.String;

/** The last line of a section, not counting blank lines at its end. */
function lastContentLine(lines: LineInfo[], from: number, to: number): number {
  let end = to;
  while (end > from && lines[end].kind === 'blank') end--;
  return end;
}

function linesRange(doc: ParsedDocument, from: number, to: number): Range {
  return { start: { line: from, character: 0 }, end: { line: to, character: doc.source.lines[to].length } };
}

/** The heading as written: number marker and words, without Markdown emphasis. */
export function headingLabel(doc: ParsedDocument, node: HeadingNode): string {
  const line = doc.source.lines[node.line];
  const label = line.slice(node.marker.markerStart, node.marker.textEnd).replace(/\*\*/g, '').trim();
  // Editors reject symbols with empty names.
  return label || node.text || line.trim() || '（无文字的标题）';
}

function headingSelection(node: HeadingNode): Range {
  return {
    start: { line: node.line, character: node.marker.markerStart },
    end: { line: node.line, character: Math.max(node.marker.textEnd, node.marker.markerStart) },
  };
}

function partNames(report: Report, parts: ReportPart[]): string {
  return parts.map((p) => (p.slot ? report.profile.part(p.slot)?.name ?? p.slot : '未归类')).join('、');
}

function headingSymbol(doc: ParsedDocument, node: HeadingNode, detail?: string): DocumentSymbol {
  const end = lastContentLine(doc.lines, node.line, node.endLine);
  const symbol: DocumentSymbol = {
    name: headingLabel(doc, node),
    kind: node.depth === 1 ? PART_KIND : SUBHEADING_KIND,
    range: linesRange(doc, node.line, end),
    selectionRange: headingSelection(node),
    children: node.children.map((c) => headingSymbol(doc, c)),
  };
  if (detail) symbol.detail = detail;
  return symbol;
}

function unheadedPartSymbol(doc: ParsedDocument, report: Report, part: ReportPart): DocumentSymbol {
  const line = doc.source.lines[part.line];
  const info = doc.lines[part.line];
  const start = Math.min(part.character, line.length);
  const end = part.evidence ? Math.min(start + part.evidence.length, line.length) : Math.max(info.end, start);
  const range: Range = { start: { line: part.line, character: start }, end: { line: part.line, character: end } };
  const name = partNames(report, [part]);
  // A restarted list is a list of headings without the part's own heading; the other kinds are prose.
  const where = part.reason === 'restart' ? '（无标题）' : '（正文中）';
  return { name: name + where, detail: name, kind: PART_KIND, range, selectionRange: range, children: [] };
}

export function reportSymbol(doc: ParsedDocument, report: Report): DocumentSymbol {
  const end = lastContentLine(doc.lines, report.startLine, report.endLine);
  let selectionRange: Range;
  if (report.title) {
    selectionRange = {
      start: { line: report.title.line, character: report.title.start },
      end: { line: report.title.endLine ?? report.title.line, character: report.title.end },
    };
  } else {
    const info = doc.lines[report.startLine];
    selectionRange = { start: { line: report.startLine, character: info.start }, end: { line: report.startLine, character: info.end } };
  }
  const children: DocumentSymbol[] = [];
  const shown = new Set<HeadingNode>();
  for (const part of report.parts) {
    if (part.node) {
      if (shown.has(part.node)) continue;
      shown.add(part.node);
      // A merged heading ("存在问题及下一步计划") fills several parts: one symbol names them all.
      const same = report.parts.filter((q) => q.node === part.node);
      children.push(headingSymbol(doc, part.node, partNames(report, same)));
    } else {
      children.push(unheadedPartSymbol(doc, report, part));
    }
  }
  return {
    name: report.title?.text || UNTITLED_REPORT_NAME,
    // The report's genre, as detected (or as chosen for the file).
    detail: report.profile.name,
    kind: REPORT_KIND,
    range: linesRange(doc, report.startLine, end),
    selectionRange,
    children,
  };
}

export function documentSymbols(doc: ParsedDocument): DocumentSymbol[] {
  return doc.reports.map((r) => reportSymbol(doc, r));
}

/** Folding: each report, each part with a heading, each sub-heading — from its first line to its last line of content. */
export function foldingRanges(doc: ParsedDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  const add = (start: number, end: number) => {
    if (end > start) out.push({ startLine: start, endLine: end });
  };
  const addNode = (node: HeadingNode) => {
    add(node.line, lastContentLine(doc.lines, node.line, node.endLine));
    node.children.forEach(addNode);
  };
  for (const report of doc.reports) {
    add(report.startLine, lastContentLine(doc.lines, report.startLine, report.endLine));
    report.roots.forEach(addNode);
  }
  return out;
}
