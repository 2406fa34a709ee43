/**
 * `.zongjieignore`: files and folders the CLI leaves out when it walks a
 * folder, written like `.gitignore` (one pattern a line, `#` comments, `!` to
 * take a file back, `*` `?` `**`, a trailing `/` for folders only, a `/` at the
 * start or in the middle anchors the pattern to the ignore file's folder).
 * The file is read from the current folder. Files named on the command line
 * are always checked: the user asked for them.
 */
import fs = require('node:fs');
import path = require('node:path');

export const IGNORE_FILE = '.zongjieignore';

interface Pattern {
  re: RegExp;
  negated: boolean;
  dirOnly: boolean;
}

function globToRegExp(glob: string, anchored: boolean): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` any folders (or none), `/**` everything below, `**` anything.
      if (glob[i + 2] === '/') {
        re += '(?:.*/)?';
        i += 2;
      } else {
        re += '.*';
        i += 1;
      }
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '\\' && i + 1 < glob.length) re += glob[++i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  // An unanchored pattern matches a name at any depth; either way, what lies below a match matches too.
  return new RegExp(`^${anchored ? '' : '(?:.*/)?'}${re}(?:/.*)?$`, 'u');
}

export class IgnoreList {
  private constructor(
    private readonly base: string,
    private readonly patterns: Pattern[],
  ) {}

  /** The ignore file of `dir` (null when there is none or it cannot be read). */
  static load(dir: string): IgnoreList | null {
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, IGNORE_FILE), 'utf8');
    } catch {
      return null;
    }
    return IgnoreList.parse(path.resolve(dir), text);
  }

  static parse(base: string, text: string): IgnoreList {
    const patterns: Pattern[] = [];
    for (const raw of text.replace(/^\ufeff/, '').split(/\r?\n/)) {
      let line = raw.replace(/(?<!\\)\s+$/, '');
      if (line === '' || line.startsWith('#')) continue;
      const negated = line.startsWith('!');
      if (negated) line = line.slice(1);
      const dirOnly = line.endsWith('/');
      if (dirOnly) line = line.slice(0, -1);
      const anchored = line.startsWith('/') || line.includes('/');
      if (line.startsWith('/')) line = line.slice(1);
      if (line === '') continue;
      patterns.push({ re: globToRegExp(line, anchored), negated, dirOnly });
    }
    return new IgnoreList(base, patterns);
  }

  /** True when the file or folder at `p` is ignored (the last matching pattern decides). */
  ignores(p: string, isDirectory: boolean): boolean {
    const rel = path.relative(this.base, path.resolve(p)).split(path.sep).join('/');
    if (rel === '' || rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) return false;
    let ignored = false;
    for (const pat of this.patterns) {
      // A folder-only pattern reaches a file only through a folder it is in.
      const hit = pat.dirOnly && !isDirectory ? matchesAncestor(pat.re, rel) : pat.re.test(rel);
      if (hit) ignored = !pat.negated;
    }
    return ignored;
  }
}

/** Whether one of the folders above `rel` matches. */
function matchesAncestor(re: RegExp, rel: string): boolean {
  const parts = rel.split('/');
  for (let i = 1; i < parts.length; i++) if (re.test(parts.slice(0, i).join('/'))) return true;
  return false;
}
