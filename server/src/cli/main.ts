/**
 * The `zongjie` command line: check drafts, print their outline.
 *
 *   zongjie check [--format text|json] [--profile ID] [--verbose] PATH...
 *   zongjie outline [--profile ID] PATH...
 *   zongjie fix [--dry-run] [--profile ID] [--verbose] PATH...   (see ./fix.ts)
 *
 * Exit code: 0 when no finding is an error, 1 when some are, 2 for a usage
 * error or a file that could not be read (the other files are still checked).
 * For fix, the findings that count are those left after fixing.
 */
import { DEFAULT_PROFILE_ID, Profile, ProfileError, getProfile } from '../engine/profile';
import { CheckRequest, checkOneFile, loadWords, segmenterUnavailable } from './check-files';
import { collectFiles } from './files';
import { FileResult, summaryLine } from './format';
import { runFix } from './fix';
import { terminalSafe } from './terminal';

const VERSION = '0.1.0';

const HELP = `用法：
  zongjie check [--format text|json] [--profile 档案] [--verbose] 路径...
      检查报告草稿（文件或文件夹；文件夹下的所有 .txt 和 .md 文件）。
  zongjie outline [--profile 档案] 路径...
      显示每篇报告的结构（标题、导语、各部分及其小标题）。
  zongjie fix [--dry-run] [--profile 档案] [--verbose] 路径...
      自动修复可以安全修复的问题（删除模板残留、重排编号、规则给出的唯一改法），
      写回原文件，保留原有编码、BOM 和换行符；占位符和缺少的部分仍需人工填写。
      GB18030/GBK 编码的文件不会被改写，请先另存为 UTF-8。

选项：
  --format text|json   输出格式，默认 text
  --profile 档案        配置档案的名称或 JSON 文件路径，默认 ${DEFAULT_PROFILE_ID}
  --verbose            同时输出每个文件使用的编码
  --dry-run            （fix）只显示将要做的修改（差异对比），不写入文件
  -h, --help           显示本帮助
  -v, --version        显示版本

退出码：0 没有错误；1 发现错误级别的问题（fix：修复后仍有）；2 用法错误或有文件无法读取、无法修复。`;

export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

class UsageError extends Error {}

interface Args {
  command: 'check' | 'outline' | 'fix';
  format: 'text' | 'json';
  dryRun: boolean;
  profile: string;
  verbose: boolean;
  paths: string[];
}

function parseArgs(argv: string[]): Args | 'help' | 'version' {
  if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help' || argv[0] === 'help') return 'help';
  if (argv[0] === '-v' || argv[0] === '--version') return 'version';
  const command = argv[0];
  if (command !== 'check' && command !== 'outline' && command !== 'fix') throw new UsageError(`未知的命令「${command}」。`);
  const args: Args = { command, format: 'text', dryRun: false, profile: DEFAULT_PROFILE_ID, verbose: false, paths: [] };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string): string => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      if (i + 1 >= argv.length) throw new UsageError(`选项 ${name} 需要一个值。`);
      return argv[++i];
    };
    if (a === '--format' || a.startsWith('--format=')) {
      const f = value('--format');
      if (f !== 'text' && f !== 'json') throw new UsageError(`--format 只能是 text 或 json，而不是「${f}」。`);
      args.format = f;
    } else if (a === '--profile' || a.startsWith('--profile=')) {
      args.profile = value('--profile');
    } else if (a === '--verbose') {
      args.verbose = true;
    } else if (a === '--dry-run' && command === 'fix') {
      args.dryRun = true;
    } else if (a === '-h' || a === '--help') {
      return 'help';
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`未知的选项「${a}」。`);
    } else {
      args.paths.push(a);
    }
  }
  if (args.paths.length === 0) throw new UsageError('请至少给出一个要检查的文件或文件夹。');
  if (command === 'fix' && args.format !== 'text') throw new UsageError('fix 命令不支持 --format。');
  return args;
}

type Prepared = { code: number } | { args: Args; profile: Profile; files: string[]; unreadable: number };

/** Parses the arguments, loads the profile, lists the files; answers help, version and usage errors. */
function prepare(argv: string[], io: CliIO): Prepared {
  let args: Args | 'help' | 'version';
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`zongjie：${e.message}\n运行 zongjie --help 查看用法。`);
      return { code: 2 };
    }
    throw e;
  }
  if (args === 'help') {
    io.out(HELP);
    return { code: 0 };
  }
  if (args === 'version') {
    io.out(VERSION);
    return { code: 0 };
  }
  let profile: Profile;
  try {
    profile = getProfile(args.profile);
    for (const w of profile.warnings ?? []) io.err(`zongjie：${w}`);
  } catch (e) {
    if (e instanceof ProfileError) {
      io.err(`zongjie：${e.message}`);
      return { code: 2 };
    }
    throw e;
  }
  if (args.command === 'fix') return { code: runFix(args.paths, { profile, dryRun: args.dryRun, verbose: args.verbose }, io) };
  const { files, problems } = collectFiles(args.paths);
  for (const p of problems) io.err(`zongjie：${p.path}：${p.reason}`);
  if (files.length === 0 && problems.length === 0) io.err('zongjie：给出的路径下没有 .txt 或 .md 文件。');
  return { args, profile, files, unreadable: problems.length };
}

function requestOf(args: Args): CheckRequest {
  return { verbose: args.verbose, format: args.command === 'outline' ? 'outline' : args.format };
}

/**
 * Checks the files one after another in this thread and prints each file's
 * output as soon as it is checked: a 宣传部 checking fifty reports sees them
 * come, the output of all files is never held at once, and a reader at the
 * other end of a pipe takes each file while the next is checked. Returns the
 * exit code.
 */
function checkAndPrint(p: Exclude<Prepared, { code: number }>, io: CliIO): number {
  // Word segmentation, loaded once (it blocks for a fraction of a second) when a
  // rule needs it; the outline uses it too, to classify parts by words. Without
  // it those rules are skipped, and that is said once.
  const words = p.files.length > 0 ? loadWords() : {};
  if (words.failure) io.err(segmenterUnavailable(words.failure));
  const { command, format } = p.args;
  const json = command !== 'outline' && format === 'json';
  let unreadable = p.unreadable;
  // Counts only: what the summary line and the exit code need.
  const checked: FileResult[] = [];
  // JSON: one file per line inside the document ({"files":[ … ]}).
  if (json) io.out('{"files":[');
  for (const file of p.files) {
    const o = checkOneFile(file, p.profile, words.segmenter, requestOf(p.args));
    for (const n of o.notes) io.err(n);
    if (!o.result) {
      unreadable++;
      continue;
    }
    const first = checked.length === 0;
    checked.push({ ...o.result, rendered: '' });
    if (command === 'outline') io.out(first ? o.result.rendered : '\n' + o.result.rendered);
    else if (json) io.out(first ? o.result.rendered : ',' + o.result.rendered);
    else if (o.result.rendered) io.out(o.result.rendered);
  }
  if (json) io.out(']}');
  else if (command === 'outline' && checked.length === 0) io.out('');
  else if (command !== 'outline') io.out(summaryLine(checked, unreadable));
  if (unreadable > 0) return 2;
  const hasError = checked.some((f) => f.counts.error > 0);
  return command === 'check' && hasError ? 1 : 0;
}

/** The `zongjie` command (the tests drive it in-process). */
export function runCli(argv: string[], rawIo: CliIO): number {
  // Nothing from a draft or a path reaches the terminal as a control sequence.
  const io: CliIO = { out: (s) => rawIo.out(terminalSafe(s)), err: (s) => rawIo.err(terminalSafe(s)) };
  const p = prepare(argv, io);
  if ('code' in p) return p.code;
  return checkAndPrint(p, io);
}

/** The reader of the output went away (zongjie check … | head): nothing more to do. */
class OutputClosed extends Error {}

if (require.main === module) {
  // Writing to a closed pipe fails asynchronously with EPIPE; the write after it
  // finds the stream destroyed. Stop quietly then, as command-line tools do,
  // instead of checking the remaining files for nobody and printing a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    process.stderr.write(`zongjie：无法写出结果（${e.code ?? e.message}）\n`);
    process.exit(2);
  });
  const io: CliIO = {
    out: (s) => {
      if (process.stdout.destroyed) throw new OutputClosed();
      process.stdout.write(s + '\n');
    },
    err: (s) => process.stderr.write(s + '\n'),
  };
  try {
    process.exitCode = runCli(process.argv.slice(2), io);
  } catch (e) {
    if (e instanceof OutputClosed) {
      process.exitCode = 0;
    } else {
      process.stderr.write(`zongjie：内部错误：${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    }
  }
}
