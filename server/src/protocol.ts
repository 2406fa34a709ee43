/**
 * The names the VS Code extension (client/src) and the language server
 * (server/src/lsp) must agree on. Both import them from here, so a rename
 * cannot leave one side behind. This module imports nothing: any layer and
 * either side may depend on it.
 *
 * Client and server talk only through standard LSP methods (commands go
 * through workspace/executeCommand); there are no custom notifications or
 * requests to name here.
 */

/** The settings section: `zongjie.enable`, `zongjie.profile`, … */
export const SETTINGS_SECTION = 'zongjie';

/** `Diagnostic.source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'zongjie';

/** The identifier of the server's pull-diagnostics provider. */
export const DIAGNOSTIC_PROVIDER_ID = 'zongjie';

/** The diagnostic code of the placeholder rule (rules/placeholder.ts): 「跳到下一个占位符」 looks for it. */
export const PLACEHOLDER_CODE = 'placeholder';

/** The code action kind of "fix all"; it lies under LSP's `source.fixAll`. */
export const FIX_ALL_KIND = 'source.fixAll.zongjie';

/**
 * Commands the server executes (workspace/executeCommand). The language client
 * registers a VS Code command under each id the server announces.
 */
export const SERVER_COMMANDS = {
  /** Argument: the document's URI (or `{ uri }`); answers the whole list of forced URIs. */
  checkAsReport: 'zongjie.checkAsReport',
  /** Argument and answer as for checkAsReport. */
  stopCheckingAsReport: 'zongjie.stopCheckingAsReport',
  /** Argument: `{ uri, version, range }` (lsp/code-actions.ts, SelectPlaceholderArgs). */
  selectPlaceholder: 'zongjie.selectPlaceholder',
  /** No argument; answers a SegmenterStatus (the status bar's tooltip shows its note). */
  segmenterStatus: 'zongjie.segmenterStatus',
} as const;

/**
 * Commands the extension registers and contributes in package.json. They
 * differ from the server's: a second registration under an id the server
 * announces would fail.
 */
export const CLIENT_COMMANDS = {
  checkFileAsReport: 'zongjie.checkFileAsReport',
  stopCheckingFileAsReport: 'zongjie.stopCheckingFileAsReport',
  nextPlaceholder: 'zongjie.nextPlaceholder',
} as const;

/** Word segmentation in the server: which segmenter, and why (Chinese), or why there is none. */
export interface SegmenterStatus {
  state: 'loading' | 'ready' | 'failed' | 'off';
  /** For the user, in Chinese. */
  note: string;
}

/** What `initializationOptions` may carry. */
export interface ZongjieInitializationOptions {
  /** URIs the user asked to check as reports (zongjie.checkAsReport), persisted by the client. */
  forcedReports?: string[];
  /** Settings for clients that cannot answer workspace/configuration. */
  settings?: unknown;
}
