/**
 * didOpen, didChange and didClose: the text documents are kept by
 * vscode-languageserver's TextDocuments; every change queues a check.
 */
import { ServerContext } from '../context';

/** Registers the document handlers and starts listening for them; call it after every other handler. */
export function registerDocuments(ctx: ServerContext): void {
  ctx.documents.onDidChangeContent((e) => {
    ctx.findSession(e.document.uri)?.edited();
    ctx.schedule(e.document.uri);
  });
  ctx.documents.onDidClose((e) => {
    const uri = e.document.uri;
    ctx.closeSession(uri);
    ctx.wordViews.delete(uri);
    // Closed documents keep no diagnostics: the client would show them for a file no longer checked.
    void ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
  });
  ctx.documents.listen(ctx.connection);
}
