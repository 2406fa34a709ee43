// Makes a bundle ASCII-only: every other character becomes a \uXXXX escape, and
// the bundle's source map is shifted to match.
//
// V8 keeps a script's source as long as the script lives, one byte per
// character when every character is Latin-1 and two bytes otherwise. esbuild
// escapes strings but leaves regular expression literals as written, and one
// 。 in a pattern made the whole server bundle a two-byte string (1.5 MB of
// memory for 0.77 MB of text). In a string or a pattern (with or without the
// u flag, surrogate pairs included) \uXXXX means the character itself; a
// character escaped by a backslash ("\。") loses that backslash. Minified
// bundles hold no String.raw or tagged template whose raw text could tell.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Map([...B64].map((c, i) => [c, i]));

/** Reads one base64 VLQ number of `s` from `at`: [value, next index]. */
function readVlq(s, at) {
  let shift = 0;
  let value = 0;
  for (;;) {
    const digit = B64_VALUE.get(s[at++]);
    if (digit === undefined) throw new Error(`source map: bad VLQ at ${at - 1}`);
    value += (digit & 31) * 2 ** shift;
    shift += 5;
    if ((digit & 32) === 0) break;
  }
  return [value & 1 ? -(value - 1) / 2 : value / 2, at];
}

function writeVlq(n) {
  let v = n < 0 ? -n * 2 + 1 : n * 2;
  let out = '';
  do {
    let digit = v % 32;
    v = Math.floor(v / 32);
    if (v > 0) digit |= 32;
    out += B64[digit];
  } while (v > 0);
  return out;
}

/**
 * The escaped text of one line, and where it grew: `edits[i] = [column, delta]`
 * says that columns after `column` of the original line move `delta` further.
 */
function escapeLine(line) {
  let out = '';
  const edits = [];
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code < 0x80) continue;
    let start = i;
    let slashes = 0;
    while (start - slashes - 1 >= from && line.charCodeAt(start - slashes - 1) === 0x5c) slashes++;
    // An odd run of backslashes escapes the character: "\。" is 。, so the escape replaces both.
    if (slashes % 2 === 1) start--;
    const escape = '\\u' + code.toString(16).padStart(4, '0');
    out += line.slice(from, start) + escape;
    edits.push([i, escape.length - (i + 1 - start)]);
    from = i + 1;
  }
  return { text: from === 0 ? line : out + line.slice(from), edits };
}

/** The generated columns of one line of mappings, moved by the line's edits. */
function shiftMappingLine(segments, edits) {
  if (edits.length === 0 || segments === '') return segments;
  let column = 0;
  let shiftedColumn = 0;
  let previousShifted = 0;
  let out = '';
  for (const segment of segments.split(',')) {
    const [delta, rest] = readVlq(segment, 0);
    column += delta;
    let moved = column;
    for (const [at, grow] of edits) if (at < column) moved += grow;
    shiftedColumn = moved;
    out += (out ? ',' : '') + writeVlq(shiftedColumn - previousShifted) + segment.slice(rest);
    previousShifted = shiftedColumn;
  }
  return out;
}

/** Escapes `file` in place, and `file.map` with it when there is one. Returns how many characters were escaped. */
export function asciiOnly(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const escaped = lines.map(escapeLine);
  const count = escaped.reduce((n, l) => n + l.edits.length, 0);
  if (count === 0) return 0;
  // String.raw reads a template's text as written, where an escape is not the character.
  if (lines.some((l) => l.includes('String.raw'))) throw new Error(`${file}: non-ASCII text beside String.raw; escaping it could change what the code reads`);
  writeFileSync(file, escaped.map((l) => l.text).join('\n'));
  const mapFile = `${file}.map`;
  if (existsSync(mapFile)) {
    const map = JSON.parse(readFileSync(mapFile, 'utf8'));
    map.mappings = map.mappings
      .split(';')
      .map((segments, line) => shiftMappingLine(segments, escaped[line]?.edits ?? []))
      .join(';');
    writeFileSync(mapFile, JSON.stringify(map));
  }
  return count;
}

// `node scripts/ascii-only.mjs FILE…`
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  for (const f of process.argv.slice(2)) asciiOnly(f);
}
