/**
 * The values (not the types) the server's modules take from
 * vscode-languageserver, imported in this one module. The package is
 * CommonJS: in the bundle, esbuild gives every module that imports values
 * from it a wrapper of its own, which copies its 300-odd exports as getters
 * at start-up. One wrapper instead of five saves about 5 MB of resident
 * memory right after initialize (49 instead of 54 MB in npm run bench).
 * Modules import types from the package itself (`import type`), values from here.
 */
export {
  CompletionItemKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  InsertTextFormat,
  LSPErrorCodes,
  MarkupKind,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  SymbolKind,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
