/**
 * The outline (textDocument/documentSymbol) and folding ranges, from the
 * parse of the document's current version (symbols.ts). Documents that are
 * not checked as reports, or too large, get none: the VS Code extension's
 * status bar relies on that to tell reports from other files.
 */
import type { DocumentSymbol, FoldingRange, SymbolInformation } from 'vscode-languageserver';
import { ParsedDocument } from '../../engine/parse';
import { ServerContext } from '../context';
import { documentSymbols, foldingRanges } from '../symbols';

export function registerOutline(ctx: ServerContext): void {
  ctx.connection.onDocumentSymbol(async (params) => {
    await ctx.settings.ready;
    const parsed = parsedDocument(ctx, params.textDocument.uri);
    if (!parsed) return [];
    const symbols = remembered(SYMBOLS, parsed, documentSymbols);
    return ctx.caps.hierarchicalSymbols ? symbols : flattenSymbols(symbols, params.textDocument.uri);
  });
  ctx.connection.onFoldingRanges(async (params): Promise<FoldingRange[]> => {
    await ctx.settings.ready;
    const parsed = parsedDocument(ctx, params.textDocument.uri);
    return parsed ? remembered(FOLDING, parsed, foldingRanges) : [];
  });
}

/**
 * Answers per parse: a burst of outline requests for one version (a client
 * that queued them while the server was busy) is computed once.
 */
const SYMBOLS = new WeakMap<ParsedDocument, DocumentSymbol[]>();
const FOLDING = new WeakMap<ParsedDocument, FoldingRange[]>();

function remembered<T>(memo: WeakMap<ParsedDocument, T>, parsed: ParsedDocument, compute: (p: ParsedDocument) => T): T {
  let value = memo.get(parsed);
  if (value === undefined) {
    value = compute(parsed);
    memo.set(parsed, value);
  }
  return value;
}

function parsedDocument(ctx: ServerContext, uri: string): ParsedDocument | null {
  const doc = ctx.documents.get(uri);
  return doc ? ctx.session(uri).parsed(doc) : null;
}

function flattenSymbols(symbols: DocumentSymbol[], uri: string, container?: string, out: SymbolInformation[] = []): SymbolInformation[] {
  for (const s of symbols) {
    const info: SymbolInformation = { name: s.name, kind: s.kind, location: { uri, range: s.range } };
    if (container) info.containerName = container;
    out.push(info);
    if (s.children) flattenSymbols(s.children, uri, s.name, out);
  }
  return out;
}
