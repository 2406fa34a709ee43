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
import { Profile } from '../engine/profile';
import { Segmenter } from '../engine/segmenter';
import { ALL_RULES } from '../rules';
import { loadSegmenterSync } from '../segmenter/host';
import { BinaryFileError, decodeDraft, describeReadError, readDraftBytes } from './files';
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

export function checkOneFile(file: string, profile: Profile, segmenter: Segmenter | undefined, request: CheckRequest, config?: TeamConfig): FileOutcome {
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
export function teamAnalyzeOptions(config: TeamConfig, profile: Profile, profileGiven = false): Pick<AnalyzeOptions, 'profile' | 'severities' | 'extraPlaceholderPatterns' | 'team'> {
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
  profile: Profile,
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
