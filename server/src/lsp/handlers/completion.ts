/**
 * textDocument/completion: heading numbers, list items and missing parts at
 * the start of a line (../completion.ts maps them onto LSP).
 */
import type { CompletionItem } from 'vscode-languageserver';
import { completionsAt } from '../../features/completion';
import { toCompletionItems } from '../completion';
import { ServerContext } from '../context';
import { analysisFor, guarded } from './analysis';

export function registerCompletion(ctx: ServerContext): void {
  ctx.connection.onCompletion(async (params, token): Promise<CompletionItem[]> => {
    const uri = params.textDocument.uri;
    // No wait for words: completion follows every keystroke, and only part classification would differ.
    const current = await analysisFor(ctx, uri, token, false);
    if (!current) return [];
    const { line, character } = params.position;
    const before = current.text.getText({ start: { line, character: 0 }, end: { line, character } });
    return guarded(ctx, uri, 'completion', [], () => toCompletionItems(completionsAt(current.analysis, params.position, before)));
  });
}
