/**
 * The `zongjie` command line: check drafts, print their outline.
 *
 *   zongjie check [--format text|json|sarif|rdjson|junit] [--profile ID] [--verbose]
 *                 [--quiet] [--max-warnings N] [--stdin-filename NAME] PATH... (PATH - : standard input)
 *   zongjie outline [--profile ID] PATH...
 *   zongjie fix [--dry-run] [--profile ID] [--verbose] PATH...   (see ./fix.ts)
 *
 * Exit code: 0 when no finding is an error, 1 when some are, 2 for a usage
 * error or a file that could not be read (the other files are still checked).
 * With --max-warnings N, more than N warnings also exit with 1.
 * For fix, the findings that count are those left after fixing.
 */
import { AUTO, Genres, getGenres } from '../engine/genre';
import { compilePatternsOnce } from '../engine/pattern-compilation';
import { ProfileError, builtInProfileIds, getProfile } from '../engine/profile';
import fs = require('node:fs');
import { CheckRequest, FileOutcome, checkBytes, checkOneFile, loadWords, segmenterUnavailable, teamAnalyzeOptions } from './check-files';
import { CI_FORMATS, CiFormat, ciHead, ciSeparator, ciTail, isCiFormat } from './ci-formats';
import { CONFIG_HELP, runConfigCommand } from './config-command';
import { IgnoreList } from './ignore';
import { ConfigCache, ConfigEnvironment, problemLine } from '../config/team-config';
import { ALL_RULES } from '../rules';
import path = require('node:path');
import { collectFiles } from './files';
import { FileResult, summaryLine } from './format';
import { runFix } from './fix';
import { terminalSafe } from './terminal';

const VERSION = '0.1.0';

const HELP = `用法：
  zongjie check [--format 格式] [--profile 档案] [--quiet] [--max-warnings 数量] [--verbose] 路径...
      检查报告草稿（文件或文件夹；文件夹下的所有 .txt、.md 和 Word .docx 文件）。
      Word 文档按段落定位（报告.docx:第12段:5），并检查修订、批注、高亮、
      页眉页脚水印、隐藏文字和文档属性；旧版 .doc、.wps 文件会提示另存为 .docx。
      路径写作 - 时从标准输入读取草稿，可用 --stdin-filename 给出它的文件名。
  zongjie outline [--profile 档案] 路径...
      显示每篇报告的结构（标题、导语、各部分及其小标题）。
  zongjie fix [--dry-run] [--profile 档案] [--verbose] 路径...
      自动修复可以安全修复的问题（删除模板残留、重排编号、规则给出的唯一改法），
      写回原文件，保留原有编码、BOM 和换行符；占位符和缺少的部分仍需人工填写。
      GB18030/GBK 编码的文件不会被改写，请先另存为 UTF-8；Word 文档不会被修改。
${CONFIG_HELP}

团队配置：草稿所在文件夹及其上级文件夹中的 .zongjie.json（可写注释）都会生效，近的优先；
可设置 enable、profile、severity、placeholderPatterns 和本单位词典 dictionary。
当前文件夹中的 .zongjieignore（写法同 .gitignore）列出检查文件夹时跳过的文件。

选项：
  --format 格式         输出格式：text（默认）、json、sarif（SARIF 2.1.0，代码扫描）、
                       rdjson（reviewdog）、junit（JUnit XML，持续集成的测试报告）
  --quiet              只报告错误级别的问题（警告和提示既不输出也不计数）
  --max-warnings 数量   警告多于这个数量时以退出码 1 结束（与发现错误时相同）
  --stdin-filename 名称 从标准输入读取时使用的文件名（决定按 Markdown 还是纯文本检查）
  --profile 文体        文体（配置档案）的名称或 JSON 文件路径；默认 auto，按每篇报告的标题和开头自动识别
                       （内置：${builtInProfileIds().join('、')}）
  --verbose            同时输出每个文件使用的编码和所用的分词组件
  --dry-run            （fix）只显示将要做的修改（差异对比），不写入文件
  -h, --help           显示本帮助
  -v, --version        显示版本

退出码：0 没有错误；1 发现错误级别的问题（fix：修复后仍有）或警告超过 --max-warnings；
2 用法错误或有文件无法读取、无法修复。`;

export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
  /** All of standard input (for the path -); the process's own by default. */
  readStdin?: () => Buffer;
}

class UsageError extends Error {}

interface Args {
  command: 'check' | 'outline' | 'fix';
  format: 'text' | 'json' | CiFormat;
  dryRun: boolean;
  quiet: boolean;
  /** Fail (exit 1) when there are more warnings than this. */
  maxWarnings?: number;
  /** The name standard input's draft goes by (with the path -). */
  stdinFilename?: string;
  profile: string;
  /** --profile was given (it then wins over a .zongjie.json's profile). */
  profileGiven: boolean;
  verbose: boolean;
  paths: string[];
}

function parseArgs(argv: string[]): Args | 'help' | 'version' {
  if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help' || argv[0] === 'help') return 'help';
  if (argv[0] === '-v' || argv[0] === '--version') return 'version';
  const command = argv[0];
  if (command !== 'check' && command !== 'outline' && command !== 'fix') throw new UsageError(`未知的命令「${command}」。`);
  const args: Args = { command, format: 'text', dryRun: false, quiet: false, profile: AUTO, profileGiven: false, verbose: false, paths: [] };
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
      if (f !== 'text' && f !== 'json' && !isCiFormat(f)) {
        throw new UsageError(`--format 只能是 ${['text', 'json', ...CI_FORMATS].join('、')} 之一，而不是「${f}」。`);
      }
      args.format = f;
    } else if ((a === '--quiet' || a === '-q') && command !== 'fix') {
      args.quiet = true;
    } else if ((a === '--max-warnings' || a.startsWith('--max-warnings=')) && command === 'check') {
      const n = value('--max-warnings');
      if (!/^\d+$/.test(n)) throw new UsageError(`--max-warnings 需要一个不小于 0 的整数，而不是「${n}」。`);
      args.maxWarnings = Number(n);
    } else if ((a === '--stdin-filename' || a.startsWith('--stdin-filename=')) && command !== 'fix') {
      args.stdinFilename = value('--stdin-filename');
    } else if (a === '--profile' || a.startsWith('--profile=')) {
      args.profile = value('--profile');
      args.profileGiven = true;
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
  const stdinCount = args.paths.filter((p) => p === '-').length;
  if (command === 'fix' && stdinCount > 0) throw new UsageError('fix 命令不能从标准输入读取，请给出文件路径。');
  if (stdinCount > 1) throw new UsageError('标准输入（-）只能给出一次。');
  if (args.stdinFilename !== undefined && stdinCount === 0) throw new UsageError('--stdin-filename 只在从标准输入读取（路径写作 -）时使用。');
  return args;
}

type Prepared = { code: number } | { args: Args; profile: Genres; files: string[]; unreadable: { path: string; reason: string }[] };

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
  let profile: Genres;
  try {
    profile = getGenres(args.profile);
    for (const w of new Set(profile.profiles.flatMap((g) => g.warnings ?? []))) io.err(`zongjie：${w}`);
  } catch (e) {
    if (e instanceof ProfileError) {
      io.err(`zongjie：${e.message}`);
      return { code: 2 };
    }
    throw e;
  }
  if (args.command === 'fix') {
    const configs = new RunConfig(io);
    const ignoreList = IgnoreList.load(process.cwd());
    const options = {
      profile,
      dryRun: args.dryRun,
      verbose: args.verbose,
      analyzeOptionsFor: (file: string) => teamAnalyzeOptions(configs.for(file), profile, args.profileGiven),
      ignore: ignoreList ? (f: string, dir: boolean) => ignoreList.ignores(f, dir) : undefined,
    };
    return { code: runFix(args.paths, options, io) };
  }
  // The current folder's .zongjieignore leaves files out of folder walks.
  const ignoreList = IgnoreList.load(process.cwd());
  // Standard input is checked where - stands among the paths.
  const files: string[] = [];
  const problems: { path: string; reason: string }[] = [];
  for (const group of splitAtStdin(args.paths)) {
    if (group === STDIN) {
      files.push(STDIN);
      continue;
    }
    const collected = collectFiles(group, ignoreList ? (f, dir) => ignoreList.ignores(f, dir) : undefined);
    files.push(...collected.files);
    problems.push(...collected.problems);
  }
  for (const p of problems) io.err(`zongjie：${p.path}：${p.reason}`);
  if (files.length === 0 && problems.length === 0) io.err('zongjie：给出的路径下没有 .txt、.md 或 .docx 文件。');
  return { args, profile, files, unreadable: problems };
}

/** The path that stands for standard input. */
const STDIN = '-';

/** The paths in runs without -, and - on its own, in the order given. */
function splitAtStdin(paths: string[]): (string[] | typeof STDIN)[] {
  const out: (string[] | typeof STDIN)[] = [];
  for (const p of paths) {
    if (p === STDIN) out.push(STDIN);
    else if (out.length > 0 && out[out.length - 1] !== STDIN) (out[out.length - 1] as string[]).push(p);
    else out.push([p]);
  }
  return out;
}

function requestOf(args: Args): CheckRequest {
  return {
    verbose: args.verbose,
    format: args.command === 'outline' ? 'outline' : args.format,
    quiet: args.quiet,
    run: { toolVersion: VERSION, cwd: process.cwd() },
    profileGiven: args.profileGiven,
  };
}

/** What reading a .zongjie.json needs to know. */
function configEnvironment(): ConfigEnvironment {
  // Team patterns run on the linear-time engine (engine/safe-regex.ts): no shape needs refusing.
  return { ruleIds: ALL_RULES.map((r) => r.id), loadProfile: getProfile, patternProblem: () => null };
}

/** Team configuration for the drafts of one run: each file read once, each problem said once. */
class RunConfig {
  private readonly cache = new ConfigCache(configEnvironment());
  private readonly told = new Set<string>();
  constructor(private readonly io: CliIO) {}
  for(file: string) {
    const config = this.cache.forDirectory(path.dirname(path.resolve(file)));
    for (const p of config.problems) {
      const line = problemLine(p);
      if (!this.told.has(line)) {
        this.told.add(line);
        this.io.err(`zongjie：${line}`);
      }
    }
    return config;
  }
}

/** Checks one input: a file, or standard input under its given name (whose folder finds the .zongjie.json). */
function checkInput(file: string, p: Exclude<Prepared, { code: number }>, segmenter: Parameters<typeof checkOneFile>[2], io: CliIO, configs: RunConfig): FileOutcome {
  const request = requestOf(p.args);
  if (file !== STDIN) return checkOneFile(file, p.profile, segmenter, request, configs.for(file));
  const name = p.args.stdinFilename ?? '<stdin>';
  const config = configs.for(p.args.stdinFilename ?? 'stdin');
  let bytes: Buffer;
  try {
    bytes = (io.readStdin ?? (() => fs.readFileSync(0)))();
  } catch (e) {
    const why = `无法读取标准输入（${(e as NodeJS.ErrnoException)?.code ?? (e instanceof Error ? e.message : String(e))}）`;
    return { path: name, result: null, notes: [`zongjie：${why}`] };
  }
  return checkBytes(name, bytes, p.profile, segmenter, request, config);
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
  if (words.note && p.args.verbose) io.err(`zongjie：${words.note}`);
  const { command, format } = p.args;
  const json = command !== 'outline' && format === 'json';
  const ci = command !== 'outline' && isCiFormat(format) ? format : null;
  const unreadable = [...p.unreadable];
  // Counts only: what the summary line and the exit code need.
  const checked: FileResult[] = [];
  // JSON: one file per line inside the document ({"files":[ … ]}).
  if (json) io.out('{"files":[');
  if (ci) io.out(ciHead(ci, requestOf(p.args).run!));
  // CI formats: whether a fragment was printed yet (a file without findings prints none).
  let ciFragments = 0;
  const configs = new RunConfig(io);
  for (const file of p.files) {
    const o = checkInput(file, p, words.segmenter, io, configs);
    for (const n of o.notes) io.err(n);
    if (!o.result) {
      unreadable.push({ path: o.path, reason: o.notes.length ? o.notes[o.notes.length - 1].replace(/^zongjie：/, '') : '无法读取' });
      continue;
    }
    const first = checked.length === 0;
    checked.push({ ...o.result, rendered: '' });
    if (command === 'outline') io.out(first ? o.result.rendered : '\n' + o.result.rendered);
    else if (json) io.out(first ? o.result.rendered : ',' + o.result.rendered);
    else if (ci) {
      if (o.result.rendered) io.out((ciFragments++ > 0 ? ciSeparator(ci) : '') + o.result.rendered);
    } else if (o.result.rendered) io.out(o.result.rendered);
  }
  if (json) io.out(']}');
  else if (ci) io.out(ciTail(ci, { unreadable }));
  else if (command === 'outline' && checked.length === 0) io.out('');
  else if (command !== 'outline') io.out(summaryLine(checked, unreadable.length));
  if (unreadable.length > 0) return 2;
  const hasError = checked.some((f) => f.counts.error > 0);
  if (command !== 'check') return 0;
  if (hasError) return 1;
  const warnings = checked.reduce((n, f) => n + f.counts.warning, 0);
  if (p.args.maxWarnings !== undefined && warnings > p.args.maxWarnings) {
    io.err(`zongjie：发现 ${warnings} 个警告，多于 --max-warnings 允许的 ${p.args.maxWarnings} 个。`);
    return 1;
  }
  return 0;
}

/** The `zongjie` command (the tests drive it in-process). */
export function runCli(argv: string[], rawIo: CliIO): number {
  // Nothing from a draft or a path reaches the terminal as a control sequence.
  const io: CliIO = { ...rawIo, out: (s) => rawIo.out(terminalSafe(s)), err: (s) => rawIo.err(terminalSafe(s)) };
  if (argv[0] === 'config') return runConfigCommand(argv.slice(1), configEnvironment(), io);
  const p = prepare(argv, io);
  if ('code' in p) return p.code;
  return checkAndPrint(p, io);
}

/** The reader of the output went away (zongjie check … | head): nothing more to do. */
class OutputClosed extends Error {}

if (require.main === module) {
  compilePatternsOnce();
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
