/**
 * textDocument/codeAction: the features' quick fixes and "fix all" for the
 * requested range, as LSP CodeActions (../code-actions.ts).
 */
import type { CodeAction } from 'vscode-languageserver';
import { codeActionsFor } from '../../features/fixes';
import { toLspCodeActions } from '../code-actions';
import { ServerContext } from '../context';
import { analysisFor, guarded } from './analysis';
import { isWordViewUri } from '../word-views';

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction(async (params, token): Promise<CodeAction[]> => {
    // A client that takes only Commands was offered no provider; literals would confuse it.
    if (!ctx.caps.codeActionLiterals) return [];
    const uri = params.textDocument.uri;
    const current = await analysisFor(ctx, uri, token, true);
    if (!current) return [];
    // A Word view is read-only: only the actions that edit nothing (the jump to a placeholder) apply.
    const wordView = isWordViewUri(uri);
    return guarded(ctx, uri, 'code actions', [], () =>
      toLspCodeActions(
        codeActionsFor(current.analysis, params.range, params.context.only).filter((a) => !wordView || a.edits.length === 0),
        { uri, version: current.version },
        params.context.diagnostics,
        { documentChanges: ctx.caps.documentChanges },
      ),
    );
  });
}
