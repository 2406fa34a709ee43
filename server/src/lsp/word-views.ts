/**
 * Read-only views of Word documents. The client shows a .docx as a virtual
 * text document (scheme WORD_VIEW_SCHEME) whose text it asks the server for
 * (SERVER_COMMANDS.wordText); the server reads the file, keeps the draft, and
 * checks the view with the draft's Word-only facts. The facts are used only
 * while the view's text is the draft's: a view opened on an older reading is
 * not checked until the client has asked again.
 */
import fs = require('node:fs');
import { fileURLToPath } from 'node:url';
import { DocxError, WORD_MAX_FILE_BYTES, WordDraft, readWordDraft } from '../features/word';
import { WordFacts } from '../engine/word-facts';
import { WORD_VIEW_SCHEME } from '../protocol';

export function isWordViewUri(uri: string): boolean {
  return uri.startsWith(WORD_VIEW_SCHEME + ':');
}

/** The file: URI of the Word file a view shows (its path under the file scheme), for what depends on the file's folder. */
export function wordFileUriOf(viewUri: string): string {
  return 'file:' + viewUri.slice(WORD_VIEW_SCHEME.length + 1);
}

/** A Word file could not be read: the message is Chinese, for the user. */
export class WordReadError extends Error {}

export class WordViews {
  private readonly drafts = new Map<string, WordDraft>();

  /** Reads the Word file `fileUri` (a file: URI) for the view `viewUri`; returns its text. Throws WordReadError. */
  read(fileUri: string, viewUri: string): string {
    let file: string;
    try {
      file = fileURLToPath(fileUri);
    } catch {
      throw new WordReadError(`只能检查本机上的 Word 文档（${fileUri}）。`);
    }
    let draft: WordDraft;
    try {
      const size = fs.statSync(file).size;
      if (size > WORD_MAX_FILE_BYTES) throw new WordReadError(`文件有 ${Math.round(size / 1024 / 1024)} MB，超过 Word 文档 ${WORD_MAX_FILE_BYTES / 1024 / 1024} MB 的上限。`);
      draft = readWordDraft(fs.readFileSync(file), file);
    } catch (e) {
      if (e instanceof WordReadError) throw e;
      if (e instanceof DocxError) throw new WordReadError(e.message);
      const code = (e as NodeJS.ErrnoException).code;
      throw new WordReadError(code === 'ENOENT' ? '文件不存在或已被移走。' : `无法读取文件（${code ?? String(e)}）。`);
    }
    this.drafts.set(viewUri, draft);
    return draft.text;
  }

  /** The Word-only facts of the view when its text is that of the last reading; undefined otherwise. */
  factsFor(viewUri: string, text: string): WordFacts | undefined {
    const draft = this.drafts.get(viewUri);
    if (!draft) return undefined;
    // An editor may keep the view with its platform's line ends: lines, and so positions, are the same.
    return draft.text === text || text.replace(/\r\n?/g, '\n') === draft.text ? draft.facts : undefined;
  }

  delete(viewUri: string): void {
    this.drafts.delete(viewUri);
  }
}
