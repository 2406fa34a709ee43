/**
 * textDocument/hover: what a finding or a part means (../hover.ts maps the
 * Markdown onto LSP, as plain text for clients that want it).
 */
import type { Hover } from 'vscode-languageserver';
import { hoverAt } from '../../features/hover';
import { ServerContext } from '../context';
import { toHover } from '../hover';
import { analysisFor, guarded } from './analysis';

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(async (params, token): Promise<Hover | null> => {
    const uri = params.textDocument.uri;
    const current = await analysisFor(ctx, uri, token, true);
    if (!current) return null;
    return guarded(ctx, uri, 'hover', null, () => {
      const markdown = hoverAt(current.analysis, params.position);
      return markdown === null ? null : toHover(markdown, ctx.caps.hoverMarkdown);
    });
  });
}
