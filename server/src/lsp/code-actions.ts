/**
 * The engine's code actions (engine/fixes.ts) as LSP CodeActions.
 *
 * - Every edit goes out as one WorkspaceEdit for the one document, which
 *   editors apply as one undo step. When the client understands
 *   `documentChanges`, the edit names the document version it was computed
 *   on, so a client applies it only to that text (VS Code, Neovim and others
 *   refuse an edit whose version is no longer the document's).
 * - The findings an action resolves are sent as the client's own diagnostics
 *   where the client sent them along (same code and range), so the editor ties
 *   the action to the squiggle; otherwise as the server would publish them.
 * - The placeholder action edits nothing: it carries the server command
 *   zongjie.selectPlaceholder, which asks the client to select the next
 *   placeholder with window/showDocument. That works in any client that
 *   implements showDocument (VS Code runs the command through the language
 *   client, which forwards server commands); the server tells clients without
 *   it where the placeholder is instead (see handlers/commands.ts).
 */
import type { CodeAction, Diagnostic, WorkspaceEdit } from 'vscode-languageserver';
import { Analysis } from '../features/analyze';
import { EngineCodeAction, FIX_ALL_KIND, QUICKFIX_KIND, placeholderRanges } from '../features/fixes';
import { comparePositions } from '../engine/edits';
import { Finding, Position, Range, TextEdit } from '../engine/types';
import { DIAGNOSTIC_SOURCE, SERVER_COMMANDS } from '../protocol';
import { toDiagnostic } from './diagnostics';

/**
 * The kinds announced in codeActionProvider. 'source.fixAll' itself is never
 * returned, but clients that look for exactly that kind before asking for
 * "fix all" (as some editors' fix-on-save settings do) find it; a request
 * for 'source.fixAll' (or 'source') is answered with FIX_ALL_KIND
 * (source.fixAll.zongjie), which lies under it in LSP's kind hierarchy.
 */
export const CODE_ACTION_KINDS: string[] = [QUICKFIX_KIND, 'source.fixAll', FIX_ALL_KIND];

/** Server command behind 「跳到下一个占位符」: selects a placeholder in the client's editor. */
export const COMMAND_SELECT_PLACEHOLDER = SERVER_COMMANDS.selectPlaceholder;

/** The one argument of zongjie.selectPlaceholder. */
export interface SelectPlaceholderArgs {
  uri: string;
  /** The document version `range` was computed on. */
  version: number;
  range: Range;
}

export interface DocumentRef {
  uri: string;
  version: number;
}

export interface CodeActionOptions {
  /** The client accepts `documentChanges` (versioned edits) in a WorkspaceEdit. */
  documentChanges: boolean;
}

function rangeKey(code: unknown, r: Range): string {
  return `${String(code)}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** The client's diagnostics of this server, by code and range. */
export class ClientDiagnostics {
  private readonly byKey = new Map<string, Diagnostic>();

  constructor(diagnostics: readonly Diagnostic[] | undefined) {
    for (const d of diagnostics ?? []) {
      if (d.source !== DIAGNOSTIC_SOURCE || d.code === undefined) continue;
      const key = rangeKey(d.code, d.range);
      if (!this.byKey.has(key)) this.byKey.set(key, d);
    }
  }

  /** The client's diagnostic for `f`, or the one the server publishes for it. */
  match(f: Finding): Diagnostic {
    return this.byKey.get(rangeKey(f.code, f.range)) ?? toDiagnostic(f);
  }
}

/** Edits to one document as a WorkspaceEdit: versioned when the client accepts that. */
export function workspaceEdit(doc: DocumentRef, edits: TextEdit[], options: CodeActionOptions): WorkspaceEdit {
  if (options.documentChanges) return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] };
  return { changes: { [doc.uri]: edits } };
}

/** Maps the engine's actions for `doc` onto LSP CodeActions, in the engine's order. */
export function toLspCodeActions(actions: readonly EngineCodeAction[], doc: DocumentRef, clientDiagnostics: readonly Diagnostic[] | undefined, options: CodeActionOptions): CodeAction[] {
  const known = new ClientDiagnostics(clientDiagnostics);
  return actions.map((a) => {
    const action: CodeAction = { title: a.title, kind: a.kind, diagnostics: a.diagnostics.map((f) => known.match(f)) };
    if (a.isPreferred) action.isPreferred = true;
    if (a.select) {
      const args: SelectPlaceholderArgs = { uri: doc.uri, version: doc.version, range: a.select };
      action.command = { title: a.title, command: COMMAND_SELECT_PLACEHOLDER, arguments: [args] };
    } else {
      action.edit = workspaceEdit(doc, a.edits, options);
    }
    return action;
  });
}

function isPosition(p: unknown): p is Position {
  if (!p || typeof p !== 'object') return false;
  const { line, character } = p as Record<string, unknown>;
  return Number.isInteger(line) && Number.isInteger(character) && (line as number) >= 0 && (character as number) >= 0;
}

/** The argument of zongjie.selectPlaceholder, checked; null when it is not one. */
export function parseSelectArgs(args: readonly unknown[]): SelectPlaceholderArgs | null {
  const a = args[0];
  if (!a || typeof a !== 'object') return null;
  const { uri, version, range } = a as Record<string, unknown>;
  if (typeof uri !== 'string' || !uri || !Number.isInteger(version)) return null;
  if (!range || typeof range !== 'object') return null;
  const { start, end } = range as Record<string, unknown>;
  if (!isPosition(start) || !isPosition(end) || comparePositions(start, end) > 0) return null;
  return { uri, version: version as number, range: { start, end } };
}

/**
 * The placeholder to select when the jump was computed on an older version:
 * the one at exactly that range if it is still a placeholder, else the first
 * one at or after its start (wrapping to the first); null when none is left.
 */
export function placeholderTarget(analysis: Analysis, wanted: Range): Range | null {
  const all = placeholderRanges(analysis);
  const same = all.find((r) => comparePositions(r.start, wanted.start) === 0 && comparePositions(r.end, wanted.end) === 0);
  return same ?? all.find((r) => comparePositions(r.start, wanted.start) >= 0) ?? all[0] ?? null;
}
