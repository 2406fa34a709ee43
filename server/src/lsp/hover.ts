/**
 * The engine's hover text (engine/hover.ts, Chinese Markdown) as an LSP Hover.
 * Clients that declare they render only plain text get the same text with
 * the Markdown marks taken out, rather than literal ** and ``` in the popup.
 */
import type { Hover } from 'vscode-languageserver';
import { MarkupKind } from './languageserver';

/** True unless the client lists the formats it renders and Markdown is not one of them. */
export function rendersMarkdown(contentFormat: readonly string[] | undefined): boolean {
  return !contentFormat || contentFormat.length === 0 || contentFormat.includes(MarkupKind.Markdown);
}

/**
 * The hover Markdown as plain text: emphasis and code marks dropped, code
 * fences removed (their lines kept), section rules as a blank-line break.
 * Only the constructs engine/hover.ts writes are handled.
 */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => !/^```/.test(line))
    .map((line) => (line === '---' ? '——' : line.replace(/\*\*/g, '').replace(/`([^`]*)`/g, '$1')))
    .join('\n');
}

export function toHover(markdown: string, markdownSupported: boolean): Hover {
  if (markdownSupported) return { contents: { kind: MarkupKind.Markdown, value: markdown } };
  return { contents: { kind: MarkupKind.PlainText, value: markdownToPlainText(markdown) } };
}
