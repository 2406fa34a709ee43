/**
 * A prover for the prefilters of the data's patterns: whether every match of a
 * pattern holds one of a few strings, so that a line without them may skip
 * the pattern. Used by the residue and dated-reference prefilter tests.
 */
import assert from 'node:assert/strict';

/**
 * True when every string `source` matches (case-insensitively) contains one
 * of `keys`: in every alternative, a run of mandatory literal characters
 * holds a key, or a mandatory class has only one-character keys, or a
 * mandatory group does (recursively). Conservative: what it cannot prove
 * (ranges, \\S, optional parts, k and s, which Unicode case folding matches
 * with other letters) counts as not needing a key.
 */
export function needs(source: string, keys: readonly string[]): boolean {
  const lower = keys.map((k) => k.toLowerCase());
  const holdsKey = (run: string) => lower.some((k) => run.toLowerCase().includes(k));
  let i = 0;
  const alternatives = (): boolean => {
    let all = true;
    for (;;) {
      const ok = sequence();
      all = all && ok;
      if (source[i] === '|') i++;
      else return all;
    }
  };
  const sequence = (): boolean => {
    let ok = false;
    let run = '';
    const close = () => {
      if (holdsKey(run)) ok = true;
      run = '';
    };
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      const a = atom();
      // A quantifier that allows zero repetitions makes the atom optional.
      let mandatory = true;
      const q = /^(?:[?*+]|\{(\d+)(?:,\d*)?\})\??/.exec(source.slice(i));
      if (q) {
        mandatory = q[0].startsWith('+') || (q[1] !== undefined && Number(q[1]) > 0);
        i += q[0].length;
      }
      if (a.literal !== undefined && mandatory && !/[ks]/i.test(a.literal)) {
        run += a.literal;
        // A repeated character still ends the run only once: 'a{3}b' holds 'ab'.
        continue;
      }
      close();
      if (a.needy && mandatory) ok = true;
    }
    close();
    return ok;
  };
  const atom = (): { needy: boolean; literal?: string } => {
    const c = source[i];
    if (c === '(') {
      i++;
      let negative = false;
      const head = /^\?(?:<?[=!]|:)?/.exec(source.slice(i));
      if (head) {
        negative = head[0].includes('!');
        i += head[0].length;
      }
      const inner = alternatives();
      assert.equal(source[i], ')', source);
      i++;
      return { needy: !negative && inner };
    }
    if (c === '[') {
      const end = source.indexOf(']', i + 1);
      const body = source.slice(i + 1, end);
      i = end + 1;
      if (body.startsWith('^') || /[^\\]-[^\]]/.test(body) || body.includes('\\')) return { needy: false };
      return { needy: [...body].every((m) => lower.includes(m.toLowerCase())) };
    }
    if (c === '\\') {
      const e = source[i + 1];
      i += 2;
      if (/[.#|>\-()[\]{}?*+^$\\/]/.test(e)) return { needy: false, literal: e };
      return { needy: false };
    }
    const ch = String.fromCodePoint(source.codePointAt(i)!);
    i += ch.length;
    if (c === '^' || c === '$' || c === '.') return { needy: false };
    return { needy: false, literal: ch };
  };
  const result = alternatives();
  assert.equal(i, source.length, `parsed all of ${source}`);
  return result;
}
