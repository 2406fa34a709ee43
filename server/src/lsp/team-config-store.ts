/**
 * The team configuration (`.zongjie.json`, config/team-config.ts) of each open
 * document, read from the document's folder up. Files are read again when
 * they change (by modification time, on the next check), and the client's
 * file watcher makes every open document checked again at once; each distinct
 * problem in a file is shown to the user once.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigCache, EMPTY_CONFIG, TeamConfig, problemLine } from '../config/team-config';
import { getProfile } from '../engine/profile';

export class TeamConfigStore {
  private readonly cache: ConfigCache;
  private readonly told = new Set<string>();

  constructor(
    ruleIds: readonly string[],
    private readonly warn: (message: string) => void,
  ) {
    this.cache = new ConfigCache({ ruleIds, loadProfile: getProfile, patternProblem: () => null });
  }

  /** The configuration for the document at `uri` (none for documents that are not files). */
  forUri(uri: string): TeamConfig {
    if (!uri.startsWith('file:')) return EMPTY_CONFIG;
    let file: string;
    try {
      file = fileURLToPath(uri);
    } catch {
      return EMPTY_CONFIG;
    }
    const config = this.cache.forDirectory(path.dirname(file));
    for (const p of config.problems) {
      const line = problemLine(p);
      if (this.told.has(line)) continue;
      this.told.add(line);
      this.warn(`团队配置有误：${line}`);
    }
    return config;
  }
}
