/**
 * Checking the files of `zongjie check` and `zongjie outline`, one after
 * another: each file's output is rendered as soon as it is checked, so only
 * text and counts are kept, not every file's analysis.
 *
 * (Checking on worker threads was tried: on the 2-core machines this runs on,
 * two threads — or two processes — checked a folder no faster than one, since
 * the work is bound by memory rather than by arithmetic.)
 */
import { AnalyzeOptions, analyzeText, isMarkdownPath } from '../features/analyze';
import { DocxError, WORD_MAX_FILE_BYTES, WordDraft, analyzeWord, isWordPath, readWordDraft } from '../features/word';
import { Genres } from '../engine/genre';
import { Profile } from '../engine/profile';
import { Segmenter } from '../engine/segmenter';
import { ALL_RULES } from '../rules';
import { loadSegmenterSync } from '../segmenter/host';
import fs = require('node:fs');
import { BinaryFileError, decodeDraft, describeFsError, describeReadError, readDraftBytes } from './files';
import { EMPTY_CONFIG, TeamConfig } from '../config/team-config';
import { CiRun } from './ci-formats';
import { FileResult, OutputFormat, fileResult } from './format';

export interface CheckRequest {
  verbose: boolean;
  format: OutputFormat;
  /** Errors only: the other findings are neither printed nor counted (--quiet). */
  quiet?: boolean;
  /** For the CI formats: the tool's version and the folder paths are relative to. */
  run?: CiRun;
  /** --profile was given: it wins over the profile of a .zongjie.json. */
  profileGiven?: boolean;
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

/**
 * Loads word segmentation when some rule needs it; the failure reason
 * otherwise. `note` says which segmenter is in use and why (--verbose).
 */
export function loadWords(): { segmenter?: Segmenter; failure?: string; note?: string } {
  if (!ALL_RULES.some((r) => r.requiresSegmenter)) return {};
  const loaded = loadSegmenterSync();
  return 'segmenter' in loaded ? { segmenter: loaded.segmenter, note: loaded.note } : { failure: loaded.failure };
}

export function checkOneFile(file: string, profile: Genres | Profile, segmenter: Segmenter | undefined, request: CheckRequest, config?: TeamConfig): FileOutcome {
  if (isWordPath(file)) return checkWordFile(file, profile, segmenter, request, config);
  let bytes: Buffer;
  try {
    bytes = readDraftBytes(file).bytes;
  } catch (e) {
    return { path: file, result: null, notes: [`zongjie：${file}：${describeReadError(e)}`] };
  }
  return checkBytes(file, bytes, profile, segmenter, request, config);
}

/**
 * What a team's .zongjie.json sets for the analysis: its genre unless
 * --profile was given, its severities (every rule off with enable: false),
 * its placeholder patterns and its dictionary.
 */
export function teamAnalyzeOptions(config: TeamConfig, profile: Genres | Profile, profileGiven = false): Pick<AnalyzeOptions, 'profile' | 'severities' | 'extraPlaceholderPatterns' | 'team'> {
  return {
    profile: profileGiven ? profile : config.profile ?? profile,
    severities: config.enable === false ? Object.fromEntries(ALL_RULES.map((r) => [r.id, 'off' as const])) : config.severities,
    extraPlaceholderPatterns: config.placeholderPatterns,
    team: config.dictionary,
  };
}

/**
 * Checks a draft already read: a file's bytes, or standard input's under the
 * name given by --stdin-filename (which decides Markdown or plain text).
 */
export function checkBytes(
  file: string,
  bytes: Buffer,
  profile: Genres | Profile,
  segmenter: Segmenter | undefined,
  request: CheckRequest,
  config: TeamConfig = EMPTY_CONFIG,
): FileOutcome {
  const notes: string[] = [];
  try {
    const decoded = decodeDraft(bytes);
    if (request.verbose) notes.push(`zongjie：${file}：编码 ${decoded.encoding}`);
    const analysis = analyzeText(decoded.text, { markdown: isMarkdownPath(file), segmenter, ...teamAnalyzeOptions(config, profile, request.profileGiven) });
    for (const f of analysis.failures) notes.push(`zongjie：${file}：规则 ${f.rule} 运行出错，已跳过该规则（${f.message}）`);
    const shown = request.quiet ? { ...analysis, findings: analysis.findings.filter((f) => f.severity === 'error') } : analysis;
    return { path: file, result: fileResult({ path: file, analysis: shown }, profile, request.format, request.run), notes };
  } catch (e) {
    const why = e instanceof BinaryFileError ? e.message : `检查时出错，已跳过（${e instanceof Error ? e.message : String(e)}）`;
    return { path: file, result: null, notes: [...notes, `zongjie：${file}：${why}`] };
  }
}

/**
 * A Word file: read into paragraphs (a file that cannot be read gets the
 * reader's one Chinese message), checked as a draft with its Word-only facts,
 * positions given by paragraph.
 */
function checkWordFile(file: string, profile: Genres | Profile, segmenter: Segmenter | undefined, request: CheckRequest, config: TeamConfig = EMPTY_CONFIG): FileOutcome {
  let draft: WordDraft;
  try {
    const stat = fs.statSync(file);
    // Only a regular file is read: a FIFO would block the CLI, /dev/zero would fill its memory.
    if (!stat.isFile()) return { path: file, result: null, notes: [`zongjie：${file}：不是普通文件，已跳过`] };
    const size = stat.size;
    if (size > WORD_MAX_FILE_BYTES) {
      return { path: file, result: null, notes: [`zongjie：${file}：文件有 ${Math.round(size / 1024 / 1024)} MB，超过 Word 文档 ${WORD_MAX_FILE_BYTES / 1024 / 1024} MB 的上限，已跳过`] };
    }
    draft = readWordDraft(fs.readFileSync(file), file);
  } catch (e) {
    if (e instanceof DocxError) return { path: file, result: null, notes: [`zongjie：${file}：${e.message}`] };
    return { path: file, result: null, notes: [`zongjie：${file}：${describeFsError(e)}`] };
  }
  const notes: string[] = [];
  if (request.verbose) notes.push(`zongjie：${file}：Word 文档，${draft.lineToParagraph.length} 个正文段落`);
  try {
    const analysis = analyzeWord(draft, { segmenter, ...teamAnalyzeOptions(config, profile, request.profileGiven) });
    for (const f of analysis.failures) notes.push(`zongjie：${file}：规则 ${f.rule} 运行出错，已跳过该规则（${f.message}）`);
    const shown = request.quiet ? { ...analysis, findings: analysis.findings.filter((f) => f.severity === 'error') } : analysis;
    return { path: file, result: fileResult({ path: file, analysis: shown, word: draft }, profile, request.format, request.run), notes };
  } catch (e) {
    return { path: file, result: null, notes: [...notes, `zongjie：${file}：检查时出错，已跳过（${e instanceof Error ? e.message : String(e)}）`] };
  }
}
