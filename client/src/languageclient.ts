/**
 * What the client takes from vscode-languageclient, imported in this one
 * module and with `require`: the package is CommonJS, and each module that
 * imported it with `import … from` got a wrapper of its own from esbuild that
 * copied all of the package's exports as getters when the extension activated.
 */
import lc = require('vscode-languageclient/node');

export import CloseAction = lc.CloseAction;
export import DocumentSymbolRequest = lc.DocumentSymbolRequest;
export import ErrorAction = lc.ErrorAction;
export import ExecuteCommandRequest = lc.ExecuteCommandRequest;
export import LanguageClient = lc.LanguageClient;
export import LanguageClientOptions = lc.LanguageClientOptions;
export import ServerOptions = lc.ServerOptions;
export import State = lc.State;
export import TransportKind = lc.TransportKind;
