/**
 * Switching rules off in a Markdown draft with HTML comments, which Markdown
 * renders as nothing:
 *
 *   <!-- zongjie-disable-next-line punctuation -->   the next line only
 *   <!-- zongjie-disable punctuation numbering -->   from here …
 *   <!-- zongjie-enable punctuation numbering -->    … to here (or to the end)
 *
 * Without rule ids the comment covers every rule. A finding is dropped when the
 * line it starts on is covered for its rule. Plain-text drafts have no such
 * comments: a writer's text is never read as an instruction there.
 */
import { Finding } from '../engine/types';

const DIRECTIVE = /<!--\s*zongjie-(disable-next-line|disable|enable)\b([^>]*?)\s*-->/g;

/** All rules. */
const ALL = '*';

/** The rules switched off on each line that has any (line → rule ids, or ALL). */
export function disabledLines(lines: readonly string[]): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  const add = (line: number, rules: Iterable<string>) => {
    let set = out.get(line);
    if (!set) out.set(line, (set = new Set()));
    for (const r of rules) set.add(r);
  };
  // Rules switched off by a block comment still open, and the line it was opened on.
  const open = new Map<string, number>();
  lines.forEach((text, n) => {
    if (!text.includes('zongjie-')) return;
    DIRECTIVE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = DIRECTIVE.exec(text))) {
      const ids = m[2].split(/[\s,，]+/).filter(Boolean);
      const rules = ids.length ? ids : [ALL];
      if (m[1] === 'disable-next-line') {
        add(n + 1, rules);
      } else if (m[1] === 'disable') {
        for (const r of rules) if (!open.has(r)) open.set(r, n);
      } else {
        const closing = ids.length ? ids : [...open.keys()];
        for (const r of closing) {
          const from = open.get(r);
          if (from === undefined) continue;
          for (let k = from; k <= n; k++) add(k, [r]);
          open.delete(r);
        }
      }
    }
  });
  for (const [r, from] of open) for (let k = from; k < lines.length; k++) add(k, [r]);
  return out;
}

/** The findings not switched off by a comment (all of them when there is none). */
export function withoutDisabled(lines: readonly string[], findings: Finding[]): Finding[] {
  const off = disabledLines(lines);
  if (off.size === 0) return findings;
  return findings.filter((f) => {
    const rules = off.get(f.range.start.line);
    return !rules || !(rules.has(ALL) || rules.has(f.code));
  });
}
