/**
 * The settings in effect, and reading them from the client: pulled with
 * workspace/configuration when the client supports it, else taken from what
 * the client pushes. Each new problem with them is shown once per server.
 */
import type { Connection } from 'vscode-languageserver';
import { SETTINGS_SECTION } from '../protocol';
import { errorText } from './checks';
import { EffectiveSettings, SettingsEnvironment, validateSettings } from './settings';

/**
 * How long checks wait for the client's first answer to workspace/configuration
 * before going ahead with the defaults (the answer is applied when it comes).
 * Clients answer in a few milliseconds; this only guards against one that never does.
 */
export const SETTINGS_WAIT_MS = 1000;

export interface SettingsStoreOptions {
  /** True when the client answers workspace/configuration (known only after initialize). */
  pulls: () => boolean;
  /** Shown to the user. */
  warn: (message: string) => void;
  /** New settings are in effect: every open document must be checked again. */
  changed: () => void;
}

export class SettingsStore {
  /** The settings in effect. */
  current: EffectiveSettings;
  /** Bumped on every settings change; parses and caches of older generations are stale. */
  generation = 0;
  /** Settles when the settings being read are in effect (or after SETTINGS_WAIT_MS for the first read). */
  ready: Promise<void> = Promise.resolve();
  private request = 0;
  /** Problems already shown to the user (each once per session). */
  private readonly reported = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly env: SettingsEnvironment,
    private readonly options: SettingsStoreOptions,
  ) {
    this.current = validateSettings(undefined, env).settings;
  }

  /** The first read, at initialization; checks wait for it at most SETTINGS_WAIT_MS. */
  loadInitial(pushed: unknown): void {
    const load = this.load(pushed);
    this.ready = Promise.race([load, new Promise<void>((resolve) => setTimeout(resolve, SETTINGS_WAIT_MS).unref())]);
  }

  /** A read after the client said the settings changed. */
  reload(pushed: unknown): void {
    this.ready = this.load(pushed);
  }

  /**
   * Reads the settings, shows each new problem once, and has every open
   * document checked again. Only the latest of overlapping reads is applied.
   */
  private async load(pushed: unknown): Promise<void> {
    const request = ++this.request;
    let raw: unknown;
    if (this.options.pulls()) {
      try {
        raw = await this.connection.workspace.getConfiguration(SETTINGS_SECTION);
      } catch (e) {
        this.connection.console.warn(`zongjie：读取设置失败，使用默认设置：${errorText(e)}`);
        raw = undefined;
      }
    } else {
      raw = pushed && typeof pushed === 'object' && SETTINGS_SECTION in pushed ? (pushed as Record<string, unknown>)[SETTINGS_SECTION] : pushed;
    }
    if (request !== this.request) return;
    const { settings, problems } = validateSettings(raw, this.env);
    for (const p of problems) {
      if (this.reported.has(p.message)) continue;
      this.reported.add(p.message);
      this.options.warn(p.message);
    }
    this.current = settings;
    this.generation++;
    this.options.changed();
  }

  /** Something the settings stand for changed elsewhere (a team's .zongjie.json): every document is checked again. */
  invalidate(): void {
    this.generation++;
    this.options.changed();
  }
}
