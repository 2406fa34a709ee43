/**
 * The engine's completions (engine/completion.ts) as LSP CompletionItems:
 * the next heading number, the next 一是/二是 item, and the standard headings
 * of the parts a report still lacks, offered at the start of a line.
 *
 * Trigger characters are the first characters of those markers as they are
 * typed with a Chinese input method or on a plain keyboard:
 * - 「（」 and 「(」: （三） and (3) — the engine matches both widths;
 * - the numerals 一 … 十: 三、, 三、存在的问题, 三是 (a committed IME
 *   character triggers like a typed one);
 * - the digits 1 … 9: 3. and 3、 for arabic-numbered levels (0 starts no number).
 * Anywhere but the start of a line the engine offers nothing, so the numerals
 * and digits typed inside sentences cost a lookup and show nothing.
 */
import type { CompletionItem } from 'vscode-languageserver';
import { CompletionKind, CompletionProposal } from '../features/completion';
import { CompletionItemKind, InsertTextFormat } from './languageserver';

export const COMPLETION_TRIGGER_CHARACTERS: string[] = ['（', '(', ...'一二三四五六七八九十', ...'123456789'];

/** Numbers and list items share the icon of list members; a heading is text to insert. */
const ITEM_KIND: Record<CompletionKind, CompletionItemKind> = {
  number: CompletionItemKind.EnumMember,
  enumeration: CompletionItemKind.EnumMember,
  heading: CompletionItemKind.Text,
};

export function toCompletionItems(proposals: readonly CompletionProposal[]): CompletionItem[] {
  return proposals.map((p) => {
    const item: CompletionItem = {
      label: p.label,
      kind: ITEM_KIND[p.kind],
      detail: p.detail,
      sortText: p.sortText,
      insertTextFormat: InsertTextFormat.PlainText,
      // The edit replaces what was typed of the marker (「(」 by 「（三）」), not just the word before the cursor.
      textEdit: { range: p.textEdit.range, newText: p.textEdit.newText },
    };
    if (p.filterText !== undefined) item.filterText = p.filterText;
    return item;
  });
}
