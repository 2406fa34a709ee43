/**
 * The values (not the types) the server's modules take from
 * vscode-languageserver, imported in this one module. The package is
 * CommonJS. Imported with `import … from`, esbuild wraps it for each module
 * that imports it in an object that copies its 300-odd exports as getters at
 * start-up (one wrapper instead of five saved about 5 MB of resident memory
 * right after initialize). Taken with `require`, the bundle uses the package's
 * own exports object and builds no wrapper at all.
 * Modules import types from the package itself (`import type`), values from here.
 */
import lsp = require('vscode-languageserver/node');

export import CompletionItemKind = lsp.CompletionItemKind;
export import DiagnosticSeverity = lsp.DiagnosticSeverity;
export import DidChangeConfigurationNotification = lsp.DidChangeConfigurationNotification;
export import DocumentDiagnosticReportKind = lsp.DocumentDiagnosticReportKind;
export import ErrorCodes = lsp.ErrorCodes;
export import InsertTextFormat = lsp.InsertTextFormat;
export import LSPErrorCodes = lsp.LSPErrorCodes;
export import MarkupKind = lsp.MarkupKind;
export import MessageType = lsp.MessageType;
export import ResponseError = lsp.ResponseError;
export import ShowMessageNotification = lsp.ShowMessageNotification;
export import SymbolKind = lsp.SymbolKind;
export import TextDocumentSyncKind = lsp.TextDocumentSyncKind;
export import TextDocuments = lsp.TextDocuments;
export import WriteableStreamMessageWriter = lsp.WriteableStreamMessageWriter;
export import createConnection = lsp.createConnection;
