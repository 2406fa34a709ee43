/**
 * The analysis that code actions, completion and hover are answered from:
 * that of the version the request was made on. A request that finds the
 * stored analysis older runs the check of the current version at once, and
 * code actions and hover wait (briefly) for its second phase, whose findings
 * the client will show. Documents that are not checked as reports get none.
 */
import type { CancellationToken } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../../features/analyze';
import { errorText } from '../checks';
import { ServerContext } from '../context';
import { LSPErrorCodes, ResponseError } from '../languageserver';

/**
 * The longest a code action or hover request waits for the second phase of
 * the version it is about (with a real segmenter that phase takes tens of
 * milliseconds). Past it the request is answered from the first phase, which
 * lacks only the word rules' findings.
 */
export const WORDS_WAIT_MS = 1000;

export interface CurrentAnalysis {
  version: number;
  text: TextDocument;
  analysis: Analysis;
}

/**
 * The analysis to answer a request about `uri` from, computed on the text
 * the request was made on: the version the server holds when the request
 * arrives (the client sends its changes before its requests). Null when the
 * document is not checked as a report (or too large, or the engine failed).
 *
 * With `waitForWords`, a second phase under way for that version is awaited
 * (at most WORDS_WAIT_MS), so that actions and hovers see the word rules'
 * findings the client is about to show. Should the document change in the
 * meantime, the request's positions no longer fit the text: it fails with
 * ContentModified, which clients treat as "ask again", never with results
 * for a text the request was not about.
 */
export async function analysisFor(ctx: ServerContext, uri: string, token: CancellationToken, waitForWords: boolean): Promise<CurrentAnalysis | null> {
  const asked = ctx.documents.get(uri)?.version;
  if (asked === undefined) return null;
  await ctx.settings.ready;
  if (waitForWords && ctx.documents.get(uri)?.version === asked) {
    ctx.ensureAnalysis(uri);
    const words = ctx.findSession(uri)?.wordsPending();
    if (words) await settledWithin(words, WORDS_WAIT_MS);
  }
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, '请求已取消。');
  const doc = ctx.documents.get(uri);
  if (!doc) return null;
  if (doc.version !== asked) throw new ResponseError(LSPErrorCodes.ContentModified, '文档在处理请求期间已经改变，请重新请求。');
  // From here to the answer nothing yields, so no change can slip in between.
  ctx.ensureAnalysis(uri);
  const analysis = ctx.findSession(uri)?.analysisAt(doc.version);
  if (!analysis) return null;
  return { version: doc.version, text: doc, analysis };
}

/** Runs a request's engine call; a bug there is logged once per document and feature, and the request gets `empty`. */
export function guarded<T>(ctx: ServerContext, uri: string, feature: string, empty: T, run: () => T): T {
  try {
    return run();
  } catch (e) {
    ctx.findSession(uri)?.logOnce(`feature:${feature}`, `zongjie：为 ${uri} 计算 ${feature} 时出错：${errorText(e)}`);
    return empty;
  }
}

/** Resolves when `p` settles or `ms` have passed, whichever comes first; never rejects. */
function settledWithin(p: Promise<unknown>, ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    p.then(done, done);
  });
}
