/**
 * The outline of a report in the plain shape the CLI's JSON output and the
 * tests use: top-level parts in document order, each with its sub-headings.
 */
import { HeadingNode, Report } from '../engine/parse';

export interface OutlineSection {
  slot: string | null;
  heading: string | null;
  line: number;
  level: number;
  headed: boolean;
  children: OutlineSection[];
}

export interface OutlineReport {
  title: { line: number; text: string } | null;
  /** The report's genre: its profile's id and name. */
  genre: string;
  genreName: string;
  sections: OutlineSection[];
}

function nodeSection(node: HeadingNode, slot: string | null): OutlineSection {
  return {
    slot,
    heading: node.text,
    line: node.line,
    level: node.depth,
    headed: true,
    children: node.children.map((c) => nodeSection(c, slot)),
  };
}

export function reportOutline(report: Report): OutlineReport {
  return {
    title: report.title ? { line: report.title.line, text: report.title.text } : null,
    genre: report.profile.id,
    genreName: report.profile.name,
    sections: report.parts.map((p) =>
      p.node
        ? nodeSection(p.node, p.slot)
        : { slot: p.slot, heading: null, line: p.line, level: 1, headed: false, children: [] },
    ),
  };
}
