/**
 * The settings' notifications: the first read at initialization and a new
 * read whenever the client says they changed (settings-store.ts reads them).
 */
import { SETTINGS_SECTION } from '../../protocol';
import { errorText } from '../checks';
import { ServerContext } from '../context';
import { DidChangeConfigurationNotification } from '../languageserver';
import { UserProfiles } from '../user-profiles';

export function registerConfiguration(ctx: ServerContext): void {
  ctx.connection.onDidChangeConfiguration((params) => {
    ctx.settings.reload(params.settings);
  });
  // A profile file changed (the client forwards events for .zongjie/profiles/*.json, and for a
  // profile the setting names): read them again and check every document under the new genres.
  ctx.connection.onDidChangeWatchedFiles((params) => {
    if (!params.changes.some((c) => UserProfiles.isProfileFile(c.uri) || /\.json$/i.test(c.uri))) return;
    ctx.userProfiles.invalidate();
    ctx.settings.revalidate();
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
