/**
 * The logic behind 「跳到下一个占位符」 and the status bar, kept free of the
 * `vscode` module so that plain Node tests can run it. VS Code's Position,
 * Range and Diagnostic fit these shapes structurally.
 */

export interface Pos {
  line: number;
  character: number;
}

export interface Ranged {
  range: { start: Pos; end: Pos };
}

export function comparePos(a: Pos, b: Pos): number {
  return a.line - b.line || a.character - b.character;
}

/**
 * The diagnostic's code as a string. VS Code gives `{ value, target }` when the
 * server sent a code description link, else the bare string or number.
 */
export function codeOf(code: string | number | { value: string | number } | undefined): string | undefined {
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/**
 * The next item at or after the cursor, wrapping to the first one.
 *
 * `selection` is the editor's selection. When an item is already selected (the
 * previous jump selected it), the search starts after it, so repeated jumps walk
 * through all items; with a bare cursor, an item starting right at the cursor
 * is the next one.
 */
export function nextItem<T extends Ranged>(items: readonly T[], selection: { start: Pos; end: Pos }): T | undefined {
  if (items.length === 0) return undefined;
  const sorted = [...items].sort((a, b) => comparePos(a.range.start, b.range.start) || comparePos(a.range.end, b.range.end));
  const empty = comparePos(selection.start, selection.end) === 0;
  const from = selection.end;
  const found = sorted.find((d) => {
    const c = comparePos(d.range.start, from);
    return c > 0 || (c === 0 && empty);
  });
  return found ?? sorted[0];
}

export interface FindingCounts {
  placeholders: number;
  others: number;
  /** The genres of the file's reports, as the server names them (the report symbols' detail). */
  genres?: readonly string[];
}

/** The genre part of the status bar: one genre by name, several by count (a collection that mixes them). */
function genreContent(genres: readonly string[] | undefined): { text: string; tooltip: string } {
  const distinct = [...new Set(genres ?? [])];
  if (distinct.length === 0) return { text: '', tooltip: '' };
  const text = distinct.length === 1 ? ` · ${distinct[0]}` : ` · ${distinct.length} 种文体`;
  return { text, tooltip: `\n文体：${distinct.join('、')}（可用命令「Zongjie：选择文体」更改）。` };
}

/** What the status bar shows for a report: the text (with a codicon) and the tooltip. */
export function statusBarContent(counts: FindingCounts): { text: string; tooltip: string } {
  const { placeholders, others } = counts;
  const genre = genreContent(counts.genres);
  if (placeholders === 0 && others === 0) {
    return { text: '$(check) 占位符 0 · 问题 0' + genre.text, tooltip: 'Zongjie：这篇报告没有发现待填写的占位符或其他问题。' + genre.tooltip };
  }
  const text = `$(edit) 占位符 ${placeholders} · 问题 ${others}` + genre.text;
  const what = [placeholders > 0 ? `${placeholders} 处占位符待填写` : '', others > 0 ? `${others} 个其他问题` : ''].filter(Boolean).join('，');
  const action = placeholders > 0 ? '单击跳到下一个占位符。' : '单击跳到下一个问题。';
  return { text, tooltip: `Zongjie：这篇报告还有 ${what}。${action}` + genre.tooltip };
}
