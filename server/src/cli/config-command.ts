/**
 * `zongjie config --check [PATH...]`: checks the team configuration that
 * applies to the given files or folders (the current folder by default):
 * every `.zongjie.json` from there up to the root is read, each problem is
 * named by file, line and key, and every dictionary entry's examples are
 * tested (`match` must be flagged, `noMatch` must not), like prh's self-tests,
 * so that a team's dictionary cannot silently flag good text.
 *
 * Exit code: 0 when every file is valid and every example behaves, 1 when an
 * example fails or an entry is broken, 2 for a usage error.
 */
import fs = require('node:fs');
import path = require('node:path');
import { ConfigEnvironment, checkDictionaryExamples, configFilesFor, problemLine, readConfigFile } from '../config/team-config';
import { isReplaceEntry } from '../engine/team-dictionary';

export const CONFIG_HELP = `  zongjie config --check [路径...]
      检查适用于这些文件或文件夹（默认当前文件夹）的 .zongjie.json：指出写错的键（文件、行号），
      并逐条检验词典的例句（match 必须被找出，noMatch 不能被找出）。`;

export function runConfigCommand(argv: string[], env: ConfigEnvironment, io: { out: (s: string) => void; err: (s: string) => void }): number {
  const paths = argv.filter((a) => a !== '--check');
  const unknown = paths.find((a) => a.startsWith('-'));
  if (!argv.includes('--check') || unknown) {
    io.err(`zongjie：${unknown ? `未知的选项「${unknown}」。` : 'config 命令需要 --check。'}\n用法：\n${CONFIG_HELP}`);
    return 2;
  }
  const files: string[] = [];
  for (const p of paths.length ? paths : ['.']) {
    let dir = p;
    try {
      if (!fs.statSync(p).isDirectory()) dir = path.dirname(p);
    } catch {
      io.err(`zongjie：${p}：文件或文件夹不存在`);
      return 2;
    }
    for (const f of configFilesFor(dir)) if (!files.includes(f)) files.push(f);
  }
  if (files.length === 0) {
    io.out('没有找到 .zongjie.json（在给出的文件夹及其上级文件夹中）。');
    return 0;
  }
  let bad = 0;
  let entries = 0;
  let examples = 0;
  for (const file of files) {
    const config = readConfigFile(file, env);
    for (const p of config.problems) io.out(problemLine(p));
    bad += config.problems.length;
    const dict = config.dictionary;
    entries += dict.replace.length + dict.avoid.length;
    for (const e of [...dict.replace, ...dict.avoid]) examples += e.match.length + e.noMatch.length;
    for (const f of checkDictionaryExamples(dict)) {
      const name = isReplaceEntry(f.entry) ? `「${f.entry.wrong}」→「${f.entry.right}」` : `「${f.entry.word}」`;
      io.out(
        `${f.entry.file}:${f.entry.line}：词条 ${name} ` +
          (f.kind === 'match' ? `没有找出 match 中的例句「${f.example}」。` : `找出了 noMatch 中的例句「${f.example}」，会误报正确的写法。`),
      );
      bad++;
    }
  }
  const summary = `检查了 ${files.length} 个配置文件、${entries} 条词条、${examples} 个例句`;
  io.out(bad === 0 ? `${summary}，全部通过。` : `${summary}，发现 ${bad} 个问题。`);
  return bad === 0 ? 0 : 1;
}
