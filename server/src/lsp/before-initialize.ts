/**
 * The protocol says a server answers every request before `initialize` with
 * error -32002 (ServerNotInitialized) and drops notifications other than
 * `exit`; served anyway, they ran on settings and capabilities not yet known.
 * A message strategy of vscode-jsonrpc sees each message before its handler:
 * until `initialize` arrives, a request is renamed to NOT_INITIALIZED, whose
 * handler answers the error (a strategy cannot answer itself), and a
 * notification is dropped.
 */
import type { Connection } from 'vscode-languageserver';
import type { MessageStrategy } from 'vscode-languageserver/node';
import { ResponseError } from './languageserver';

export const SERVER_NOT_INITIALIZED = -32002;
const NOT_INITIALIZED = '$/zongjie/notInitialized';

interface RawMessage {
  id?: unknown;
  method?: unknown;
}

export function beforeInitializeStrategy(): MessageStrategy {
  let initialized = false;
  return {
    handleMessage(message, next) {
      const m = message as RawMessage;
      if (initialized || typeof m.method !== 'string') return next(message);
      if (m.method === 'initialize') {
        initialized = true;
        return next(message);
      }
      if (m.id !== undefined) return next({ ...(message as object), method: NOT_INITIALIZED } as unknown as typeof message);
      if (m.method === 'exit') return next(message);
      // A notification before initialize is dropped.
    },
  };
}

/** The handler of requests that came before initialize. */
export function registerNotInitialized(connection: Connection): void {
  connection.onRequest(NOT_INITIALIZED, () => {
    throw new ResponseError(SERVER_NOT_INITIALIZED, 'zongjie：语言服务器尚未初始化，请先发送 initialize 请求。');
  });
}
