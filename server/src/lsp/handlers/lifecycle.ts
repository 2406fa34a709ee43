/**
 * initialize, initialized and shutdown.
 */
import { ZongjieInitializationOptions } from '../../protocol';
import { capabilitiesOf, initializeResult } from '../capabilities';
import { ServerContext } from '../context';
import { watchConfiguration } from './configuration';

export function registerLifecycle(ctx: ServerContext): void {
  let initialSettings: unknown = undefined;
  ctx.connection.onInitialize((params) => {
    ctx.caps = capabilitiesOf(params.capabilities);
    const init = (params.initializationOptions ?? {}) as ZongjieInitializationOptions;
    if (Array.isArray(init.forcedReports)) {
      for (const uri of init.forcedReports) if (typeof uri === 'string' && uri) ctx.forced.add(uri);
    }
    initialSettings = init.settings;
    if (init.fileGenres && typeof init.fileGenres === 'object') {
      for (const [uri, genre] of Object.entries(init.fileGenres)) if (typeof genre === 'string' && genre) ctx.fileGenres.set(uri, genre);
    }
    // The user's genres live in each workspace folder's .zongjie/profiles.
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    ctx.userProfiles.setFolders(folders);
    return initializeResult(ctx.caps);
  });
  ctx.connection.onInitialized(() => {
    watchConfiguration(ctx, initialSettings);
    ctx.segmenter.begin();
  });
  // The shutdown answer waits for the segmenter worker to stop cleanly before the client sends exit.
  ctx.connection.onShutdown(() => ctx.dispose());
}
