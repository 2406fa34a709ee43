/**
 * workspace/executeCommand: zongjie.checkAsReport and
 * zongjie.stopCheckingAsReport (the user's list of documents checked as
 * reports whatever their title), and zongjie.selectPlaceholder (the
 * placeholder code action's jump), and zongjie.segmenterStatus (which
 * segmenter is in use and why, for the status bar's tooltip).
 */
import { AUTO } from '../../engine/genre';
import { GenreInfo, SERVER_COMMANDS, SegmenterStatus } from '../../protocol';
import { errorText } from '../checks';
import { parseSelectArgs, placeholderTarget } from '../code-actions';
import { ServerContext } from '../context';
import { ErrorCodes, ResponseError } from '../languageserver';
import { WordReadError, isWordViewUri } from '../word-views';

export function registerCommands(ctx: ServerContext): void {
  ctx.connection.onExecuteCommand((params) => executeCommand(ctx, params.command, params.arguments ?? []));
}

/** The answer to checkAsReport/stopCheckingAsReport: this document's state, whatever the length of the list. */
export interface ForcedAnswer {
  uri: string;
  forced: boolean;
}

function executeCommand(ctx: ServerContext, command: string, args: unknown[]): ForcedAnswer | SegmenterStatus | GenreInfo[] | Record<string, string> | { text: string } | Promise<null> {
  if (command === SERVER_COMMANDS.selectPlaceholder) return selectPlaceholder(ctx, args);
  if (command === SERVER_COMMANDS.segmenterStatus) return ctx.segmenter.status();
  if (command === SERVER_COMMANDS.wordText) return wordText(ctx, args);
  if (command === SERVER_COMMANDS.listGenres) return listGenres(ctx);
  if (command === SERVER_COMMANDS.setFileGenre) return setFileGenre(ctx, args);
  if (command !== SERVER_COMMANDS.checkAsReport && command !== SERVER_COMMANDS.stopCheckingAsReport) {
    throw new ResponseError(ErrorCodes.InvalidRequest, `未知的命令「${command}」。`);
  }
  const arg = args[0];
  const uri = typeof arg === 'string' ? arg : arg && typeof arg === 'object' && typeof (arg as { uri?: unknown }).uri === 'string' ? (arg as { uri: string }).uri : '';
  if (!uri) throw new ResponseError(ErrorCodes.InvalidParams, `命令 ${command} 需要一个参数：要检查的文档的 URI。`);
  if (command === SERVER_COMMANDS.checkAsReport) ctx.forced.add(uri);
  else ctx.forced.delete(uri);
  if (ctx.documents.get(uri)) {
    ctx.schedule(uri);
    ctx.requestPullRefresh();
  }
  // The client keeps its own list (and passes it back in initializationOptions.forcedReports):
  // answering with the whole list made 20,000 commands cost the square of that in bytes.
  return { uri, forced: ctx.forced.has(uri) };
}

/** zongjie.listGenres: the genres a file may be given, most specific first (the built-in and the workspace's own). */
function listGenres(ctx: ServerContext): GenreInfo[] {
  return ctx.userProfiles.get().genres.profiles.map((p) => ({ id: p.id, name: p.name, description: p.data.description ?? '' }));
}

/**
 * zongjie.setFileGenre: every report of the file is checked as this genre
 * (null: detected again from each report's title). Answers the whole map,
 * which the client persists and passes back in initializationOptions.fileGenres.
 */
function setFileGenre(ctx: ServerContext, args: unknown[]): Record<string, string> {
  const arg = args[0] as { uri?: unknown; genre?: unknown } | undefined;
  const uri = arg && typeof arg.uri === 'string' ? arg.uri : '';
  if (!uri) throw new ResponseError(ErrorCodes.InvalidParams, `命令 ${SERVER_COMMANDS.setFileGenre} 需要一个参数：{ uri, genre }。`);
  const genre = arg?.genre;
  if (genre === null || genre === undefined || genre === AUTO) {
    ctx.fileGenres.delete(uri);
  } else if (typeof genre === 'string' && ctx.userProfiles.get().genres.byId(genre)) {
    ctx.fileGenres.set(uri, genre);
  } else {
    throw new ResponseError(ErrorCodes.InvalidParams, `没有名为「${String(genre)}」的文体。`);
  }
  // Every cache of the file was made under the genres it had: check it afresh.
  ctx.settings.revalidate();
  return Object.fromEntries(ctx.fileGenres);
}

/**
 * zongjie.wordText: reads a Word file for its read-only view and answers the
 * view's text. The view, if open with another text, is checked once the
 * client has put this text in it (its didChange queues the check).
 */
function wordText(ctx: ServerContext, args: unknown[]): { text: string } {
  const [fileUri, viewUri] = args;
  if (typeof fileUri !== 'string' || typeof viewUri !== 'string' || !isWordViewUri(viewUri)) {
    throw new ResponseError(ErrorCodes.InvalidParams, `命令 ${SERVER_COMMANDS.wordText} 需要两个参数：Word 文档的 URI 和它的视图的 URI。`);
  }
  try {
    const text = ctx.wordViews.read(fileUri, viewUri);
    if (ctx.documents.get(viewUri)) ctx.schedule(viewUri);
    return { text };
  } catch (e) {
    if (e instanceof WordReadError) throw new ResponseError(ErrorCodes.InvalidParams, e.message);
    throw e;
  }
}

/**
 * zongjie.selectPlaceholder: selects a placeholder in the client's editor via
 * window/showDocument. The range was computed on `version`; if the document
 * changed since, the placeholder is looked for again in the current text.
 * Clients without showDocument are told where it is in a message.
 */
async function selectPlaceholder(ctx: ServerContext, args: unknown[]): Promise<null> {
  const target = parseSelectArgs(args);
  if (!target) throw new ResponseError(ErrorCodes.InvalidParams, `命令 ${SERVER_COMMANDS.selectPlaceholder} 需要一个参数：{ uri, version, range }。`);
  await ctx.settings.ready;
  const doc = ctx.documents.get(target.uri);
  if (!doc) throw new ResponseError(ErrorCodes.InvalidParams, `文档 ${target.uri} 没有打开。`);
  let range = target.range;
  if (doc.version !== target.version) {
    ctx.ensureAnalysis(target.uri);
    const value = ctx.findSession(target.uri)?.latestAnalysis();
    const found = value ? placeholderTarget(value, target.range) : null;
    if (!found) {
      ctx.inform('这篇报告里已经没有待填写的占位符了。');
      return null;
    }
    range = found;
  }
  if (!ctx.caps.showDocument) {
    const text = doc.getText(range);
    ctx.inform(`下一个占位符在第 ${range.start.line + 1} 行第 ${range.start.character + 1} 列：「${text}」。`);
    return null;
  }
  try {
    const r = await ctx.connection.window.showDocument({ uri: target.uri, takeFocus: true, selection: range });
    if (!r.success) ctx.connection.console.warn(`zongjie：编辑器未能选中 ${target.uri} 中的占位符。`);
  } catch (e) {
    ctx.connection.console.warn(`zongjie：请求编辑器选中占位符失败：${errorText(e)}`);
  }
  return null;
}
