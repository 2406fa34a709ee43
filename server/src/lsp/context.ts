/**
 * What the request handlers (handlers/*.ts) see of the server. ZongjieServer
 * (server.ts) implements it; each handler maps its LSP requests onto these
 * members and the features, and the answers back onto LSP.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Capabilities } from './capabilities';
import { DocumentSession } from './document-session';
import { SegmenterLifecycle } from './segmenter-lifecycle';
import { SettingsStore } from './settings-store';
import { WordViews } from './word-views';
import { UserProfiles } from './user-profiles';

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  /** What the client supports; set by initialize. */
  caps: Capabilities;
  readonly settings: SettingsStore;
  readonly segmenter: SegmenterLifecycle;
  /** URIs the user asked to check as reports (zongjie.checkAsReport), whatever their title. */
  readonly forced: Set<string>;
  /** The Word documents shown as read-only text views, read by the server. */
  readonly wordViews: WordViews;
  /** The genres of the workspace's .zongjie/profiles, read again when they change. */
  readonly userProfiles: UserProfiles;
  /** The genre id the user chose per file URI (zongjie.setFileGenre). */
  readonly fileGenres: Map<string, string>;

  /** The session of an open document, made on first use. */
  session(uri: string): DocumentSession;
  /** The session of `uri` if there is one. */
  findSession(uri: string): DocumentSession | undefined;
  /** The document was closed: its session ends and its diagnostics are cleared. */
  closeSession(uri: string): void;

  /** Queues a check of `uri`. */
  schedule(uri: string): void;
  /** Queues a check of every open document. */
  scheduleAll(): void;
  /**
   * Makes sure the session's analysis and result are those of the document's
   * current version, running phase 1 now when the queued check has not run yet
   * (for pulls and for requests).
   */
  ensureAnalysis(uri: string): void;
  /** Asks a pull client to pull again, at most once per turn of the event loop. */
  requestPullRefresh(): void;

  /** A warning as window/showMessage. */
  warn(message: string): void;
  /** Information as window/showMessage. */
  inform(message: string): void;
  /** Ends pending work and stops segmentation; resolves when the worker has stopped. */
  dispose(): Promise<void>;
}
