/**
 * Requests for code actions, completion and hover over the test client, and
 * what a client does with their answers: apply a WorkspaceEdit to the text,
 * answer window/showDocument. Shared by the tests of those features.
 */
import assert from 'node:assert/strict';
import {
  ClientCapabilities,
  CodeAction,
  Command,
  CompletionItem,
  CompletionList,
  Diagnostic,
  Hover,
  Range,
  ShowDocumentParams,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { applyEdits } from '../../server/src/engine/edits';
import { DEFAULT_CAPABILITIES, TestClient, WAIT_MS } from './harness';

/** A client like VS Code: CodeAction literals, versioned edits, showDocument, Markdown hovers. */
export const EDITOR_CAPABILITIES: ClientCapabilities = {
  ...DEFAULT_CAPABILITIES,
  textDocument: {
    ...DEFAULT_CAPABILITIES.textDocument,
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } },
      isPreferredSupport: true,
    },
    completion: { completionItem: { snippetSupport: false } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
  workspace: { ...DEFAULT_CAPABILITIES.workspace, workspaceEdit: { documentChanges: true } },
  window: { showDocument: { support: true } },
};

export function request<T>(client: TestClient, method: string, params: unknown): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    (client.conn.sendRequest(method, params) as Promise<T>).finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${WAIT_MS} ms waiting for ${method}`)), WAIT_MS);
    }),
  ]);
}

export function codeActions(client: TestClient, uri: string, range: Range, diagnostics: Diagnostic[] = [], only?: string[]): Promise<(CodeAction | Command)[]> {
  const context: { diagnostics: Diagnostic[]; only?: string[] } = { diagnostics };
  if (only) context.only = only;
  return request(client, 'textDocument/codeAction', { textDocument: { uri }, range, context });
}

/** Code actions as VS Code asks for them on a squiggle: its range, the diagnostics there. */
export function actionsOn(client: TestClient, uri: string, d: Diagnostic): Promise<CodeAction[]> {
  return codeActions(client, uri, d.range, [d]) as Promise<CodeAction[]>;
}

export async function completion(client: TestClient, uri: string, line: number, character: number, triggerCharacter?: string): Promise<CompletionItem[]> {
  const context = triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 };
  const r = await request<CompletionItem[] | CompletionList | null>(client, 'textDocument/completion', { textDocument: { uri }, position: { line, character }, context });
  if (r === null) return [];
  return Array.isArray(r) ? r : r.items;
}

export function hover(client: TestClient, uri: string, line: number, character: number): Promise<Hover | null> {
  return request(client, 'textDocument/hover', { textDocument: { uri }, position: { line, character } });
}

/** The hover's text, whatever form its contents take. */
export function hoverText(h: Hover | null): string {
  if (!h) return '';
  const c = h.contents;
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n');
  return c.value;
}

/**
 * The edits a WorkspaceEdit makes to `uri`, checking it is one edit of that
 * document only (one undo step) and, when versioned, for `version`.
 */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string, version?: number): TextEdit[] {
  assert.ok(edit, 'the action carries an edit');
  if (edit.documentChanges) {
    assert.equal(edit.changes, undefined);
    assert.equal(edit.documentChanges.length, 1, 'one document change');
    const change = edit.documentChanges[0];
    assert.ok('textDocument' in change && 'edits' in change, 'a text document edit');
    assert.equal(change.textDocument.uri, uri);
    if (version !== undefined) assert.equal(change.textDocument.version, version, 'computed on the version asked about');
    return change.edits as TextEdit[];
  }
  assert.deepEqual(Object.keys(edit.changes ?? {}), [uri], 'edits for this document only');
  return edit.changes![uri];
}

/** Applies an action's edit as an editor does: all edits at once, on the given text. */
export function applyAction(text: string, action: CodeAction, uri: string, version?: number): string {
  return applyEdits(text, editsFor(action.edit, uri, version));
}

/** Replaces the whole text (a full-content change) and waits for the check of the new version. */
export async function replaceText(client: TestClient, uri: string, version: number, text: string): Promise<Diagnostic[]> {
  const from = client.published.length;
  await client.change(uri, version, [{ text }]);
  return (await client.waitForDiagnostics(uri, (p) => p.version === version, from)).diagnostics;
}

/** Answers window/showDocument as an editor would, recording each request. */
export function recordShowDocument(client: TestClient): ShowDocumentParams[] {
  const seen: ShowDocumentParams[] = [];
  client.conn.onRequest('window/showDocument', (params: ShowDocumentParams) => {
    seen.push(params);
    return { success: true };
  });
  return seen;
}

/** Waits until `test` holds, polling; fails after WAIT_MS. */
export async function until(test: () => boolean, what: string): Promise<void> {
  const end = Date.now() + WAIT_MS;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const codesOf = (ds: { code?: unknown }[]): string[] => ds.map((d) => String(d.code));
