/**
 * The settings' notifications: the first read at initialization and a new
 * read whenever the client says they changed (settings-store.ts reads them).
 */
import { SETTINGS_SECTION } from '../../protocol';
import { errorText } from '../checks';
import { ServerContext } from '../context';
import { DidChangeConfigurationNotification } from '../languageserver';

export function registerConfiguration(ctx: ServerContext): void {
  ctx.connection.onDidChangeConfiguration((params) => {
    ctx.settings.reload(params.settings);
  });
}

/** At initialized: asks for change notifications where the client needs that, and reads the settings. */
export function watchConfiguration(ctx: ServerContext, initialSettings: unknown): void {
  if (ctx.caps.configuration && ctx.caps.dynamicConfiguration) {
    void ctx.connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch((e) => {
      ctx.connection.console.warn(`zongjie：无法注册设置变更通知：${errorText(e)}`);
    });
  }
  ctx.settings.loadInitial(initialSettings);
}
