/**
 * Checking the files of `zongjie check` and `zongjie outline`, one after
 * another: each file's output is rendered as soon as it is checked, so only
 * text and counts are kept, not every file's analysis.
 *
 * (Checking on worker threads was tried: on the 2-core machines this runs on,
 * two threads — or two processes — checked a folder no faster than one, since
 * the work is bound by memory rather than by arithmetic.)
 */
import { analyzeText, isMarkdownPath } from '../features/analyze';
import { Profile } from '../engine/profile';
import { Segmenter } from '../engine/segmenter';
import { ALL_RULES } from '../rules';
import { loadSegmenterSync } from '../segmenter/host';
import { BinaryFileError, decodeDraft, describeReadError, readDraftBytes } from './files';
import { FileResult, OutputFormat, fileResult } from './format';

export interface CheckRequest {
  verbose: boolean;
  format: OutputFormat;
}

/** One file's outcome: its result, or null when it could not be read or checked; `notes` go to stderr. */
export interface FileOutcome {
  path: string;
  result: FileResult | null;
  notes: string[];
}

/** The message said once when word segmentation cannot load. */
export function segmenterUnavailable(reason: string): string {
  const ids = ALL_RULES.filter((r) => r.requiresSegmenter).map((r) => r.id).join('、');
  return `zongjie：分词组件不可用（${reason}），已跳过需要分词的检查（${ids}），其余检查照常进行。`;
}

/** Loads word segmentation when some rule needs it; the failure reason otherwise. */
export function loadWords(): { segmenter?: Segmenter; failure?: string } {
  if (!ALL_RULES.some((r) => r.requiresSegmenter)) return {};
  const loaded = loadSegmenterSync();
  return 'segmenter' in loaded ? { segmenter: loaded.segmenter } : { failure: loaded.failure };
}

export function checkOneFile(file: string, profile: Profile, segmenter: Segmenter | undefined, request: CheckRequest): FileOutcome {
  const notes: string[] = [];
  let bytes: Buffer;
  try {
    bytes = readDraftBytes(file).bytes;
  } catch (e) {
    return { path: file, result: null, notes: [`zongjie：${file}：${describeReadError(e)}`] };
  }
  try {
    const decoded = decodeDraft(bytes);
    if (request.verbose) notes.push(`zongjie：${file}：编码 ${decoded.encoding}`);
    const analysis = analyzeText(decoded.text, { profile, markdown: isMarkdownPath(file), segmenter });
    for (const f of analysis.failures) notes.push(`zongjie：${file}：规则 ${f.rule} 运行出错，已跳过该规则（${f.message}）`);
    return { path: file, result: fileResult({ path: file, analysis }, profile, request.format), notes };
  } catch (e) {
    const why = e instanceof BinaryFileError ? e.message : `检查时出错，已跳过（${e instanceof Error ? e.message : String(e)}）`;
    return { path: file, result: null, notes: [...notes, `zongjie：${file}：${why}`] };
  }
}
