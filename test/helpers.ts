/** Small helpers shared by the engine tests. */
import { AnalyzeOptions, analyzeText } from '../server/src/features/analyze';
import { Finding } from '../server/src/engine/types';
import { RuleDocs } from '../server/src/rules/rule';

/** Joins lines with LF; tests write drafts as arrays of lines. */
export function draft(...lines: string[]): string {
  return lines.join('\n');
}

/** Documentation for a rule of a test's own: `title` wherever a rule's docs are shown. */
export function testDocs(title: string): RuleDocs {
  return { title, summary: title, readme: { problem: title, examples: title }, hover: { explanation: title, wrong: title, right: title }, details: [title] };
}

export function findings(text: string, code?: string, options: AnalyzeOptions = {}): Finding[] {
  const all = analyzeText(text, options).findings;
  return code ? all.filter((f) => f.code === code) : all;
}

/** The text each finding covers, for compact assertions. */
export function covered(text: string, fs: Finding[]): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  return fs.map((f) =>
    f.range.start.line === f.range.end.line
      ? lines[f.range.start.line].slice(f.range.start.character, f.range.end.character)
      : `${f.range.start.line}-${f.range.end.line}`,
  );
}
