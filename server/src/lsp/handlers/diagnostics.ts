/**
 * Pull diagnostics (textDocument/diagnostic).
 *
 * Diagnostics are always pushed (textDocument/publishDiagnostics with the
 * version, by document-session.ts). When the client declares pull support,
 * the server answers pulls too. A client must show only one of the two: the
 * VS Code extension drops pushed diagnostics in its middleware while pull is
 * active (or does not advertise pull); otherwise every problem shows twice.
 */
import type { DocumentDiagnosticReport } from 'vscode-languageserver';
import { ServerContext } from '../context';
import { DocumentDiagnosticReportKind } from '../languageserver';

export function registerPullDiagnostics(ctx: ServerContext): void {
  ctx.connection.languages.diagnostics.on(async (params) => pull(ctx, params.textDocument.uri, params.previousResultId));
}

async function pull(ctx: ServerContext, uri: string, previousResultId: string | undefined): Promise<DocumentDiagnosticReport> {
  await ctx.settings.ready;
  const doc = ctx.documents.get(uri);
  if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  // A pull that overtook the queued push check runs it now; the push follows from it.
  ctx.ensureAnalysis(uri);
  const result = ctx.session(uri).pulled();
  if (previousResultId === result.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: result.resultId };
  return { kind: DocumentDiagnosticReportKind.Full, resultId: result.resultId, items: result.diagnostics };
}
