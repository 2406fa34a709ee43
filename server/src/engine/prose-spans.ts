import { findEntities } from './html-entities';

/**
 * Spans of a line that are not Chinese prose, where ASCII marks are not
 * punctuation to correct: URLs, e-mail addresses, a web page's character
 * references (&ldquo;), and in Markdown inline code, image marks, footnote
 * definitions and link targets. The punctuation rules share this one reading
 * so that a URL is never "prose" to one rule and not to another.
 */
export function nonProseSpans(line: string, markdown: boolean): [number, number][] {
  const spans = addressAndCodeSpans(line, markdown);
  // A web page's character reference (&ldquo;, nbsp;): its ; is no punctuation (the html-entity rule reports it).
  for (const e of findEntities(line)) spans.push([e.start, e.end]);
  return spans;
}

/**
 * The spans of nonProseSpans but character references: addresses and, in
 * Markdown, code and syntax, where a reference is the text's own.
 */
export function addressAndCodeSpans(line: string, markdown: boolean): [number, number][] {
  const spans: [number, number][] = [];
  const add = (re: RegExp) => {
    let m: RegExpExecArray | null;
    while ((m = re.exec(line))) spans.push([m.index, m.index + m[0].length]);
  };
  // A URL ends at white space or at Chinese text or punctuation (a pasted 「详见www.example.cn。」).
  add(/(?:https?|ftp):\/\/[^\s()\u3000-\u303f\uff01-\uff60“”‘’\p{Script=Han}]+|www\.[A-Za-z0-9.\-/?=&%_#:]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/gu);
  if (markdown) {
    add(/`[^`]*`/g);
    // ![image](…) and footnote definitions [^1]: are Markdown syntax.
    add(/!(?=\[)/g);
    add(/^\s*\[\^[^\]]+\]:/g);
    // [text](target), the target possibly holding one level of parentheses.
    add(/\]\((?:[^()\s]|\([^()\s]*\))*\)/g);
  }
  return spans;
}
