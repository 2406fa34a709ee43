/**
 * What the server reads from the client's capabilities, and what it announces
 * in return. Pure: initialize's answer depends on the client's capabilities
 * alone.
 */
import type { ClientCapabilities, InitializeResult } from 'vscode-languageserver';
import { DIAGNOSTIC_PROVIDER_ID, SERVER_COMMANDS } from '../protocol';
import { CODE_ACTION_KINDS } from './code-actions';
import { COMPLETION_TRIGGER_CHARACTERS } from './completion';
import { rendersMarkdown } from './hover';
import { TextDocumentSyncKind } from './languageserver';

export const SERVER_NAME = 'zongjie-lsp';
/** Kept equal to package.json's version (a unit test compares them). */
export const SERVER_VERSION = '0.1.0';

export interface Capabilities {
  configuration: boolean;
  dynamicConfiguration: boolean;
  pull: boolean;
  pullRefresh: boolean;
  hierarchicalSymbols: boolean;
  /** Code actions as CodeAction literals (LSP 3.8); without it a client takes only Commands. */
  codeActionLiterals: boolean;
  documentChanges: boolean;
  showDocument: boolean;
  hoverMarkdown: boolean;
}

/** Assumed until the client has said what it supports. */
export const DEFAULT_CAPABILITIES: Readonly<Capabilities> = {
  configuration: false,
  dynamicConfiguration: false,
  pull: false,
  pullRefresh: false,
  hierarchicalSymbols: true,
  codeActionLiterals: false,
  documentChanges: false,
  showDocument: false,
  hoverMarkdown: true,
};

export function capabilitiesOf(c: ClientCapabilities): Capabilities {
  return {
    configuration: Boolean(c.workspace?.configuration),
    dynamicConfiguration: Boolean(c.workspace?.didChangeConfiguration?.dynamicRegistration),
    pull: c.textDocument?.diagnostic !== undefined,
    pullRefresh: Boolean(c.workspace?.diagnostics?.refreshSupport),
    hierarchicalSymbols: Boolean(c.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport),
    codeActionLiterals: c.textDocument?.codeAction?.codeActionLiteralSupport !== undefined,
    documentChanges: Boolean(c.workspace?.workspaceEdit?.documentChanges),
    showDocument: Boolean(c.window?.showDocument?.support),
    hoverMarkdown: rendersMarkdown(c.textDocument?.hover?.contentFormat),
  };
}

/** The answer to initialize for a client with `caps`. */
export function initializeResult(caps: Capabilities): InitializeResult {
  const result: InitializeResult = {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: { label: '报告结构' },
      foldingRangeProvider: true,
      executeCommandProvider: { commands: [SERVER_COMMANDS.checkAsReport, SERVER_COMMANDS.stopCheckingAsReport, SERVER_COMMANDS.selectPlaceholder, SERVER_COMMANDS.segmenterStatus] },
      completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS, resolveProvider: false },
      hoverProvider: true,
    },
    serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
  };
  // CodeActionOptions may be given only to clients that take CodeAction literals; the others get no actions.
  if (caps.codeActionLiterals) {
    result.capabilities.codeActionProvider = { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false };
  }
  if (caps.pull) {
    result.capabilities.diagnosticProvider = { identifier: DIAGNOSTIC_PROVIDER_ID, interFileDependencies: false, workspaceDiagnostics: false };
  }
  return result;
}
