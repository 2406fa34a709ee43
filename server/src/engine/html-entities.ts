/**
 * HTML character references that a web page's text keeps when it is copied
 * from the page's source or a badly converted export: `&ldquo;`, `&nbsp;`,
 * `&#8220;`, often with the `&` lost on the way (`ldquo;`), and sometimes its
 * first letter too (`squo;` for `&lsquo;` or `&rsquo;`). The rule that reports
 * them and the reading of prose (prose-spans.ts: their `;` is no half-width
 * punctuation) share this one reading.
 */

export interface EntityMatch {
  start: number;
  end: number;
  /** What the reference stands for ('' for a space that Chinese text does without). */
  replacement: string;
  /** False when the replacement is a guess (a lost l or r, an unpaired quote). */
  certain: boolean;
}

/** Named references as the pages use them, and the character each stands for. */
const NAMED: Record<string, string> = {
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  quot: '"',
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  bull: '•',
  amp: '&',
  lt: '<',
  gt: '>',
  times: '×',
  divide: '÷',
  deg: '°',
  plusmn: '±',
  permil: '‰',
  copy: '©',
  reg: '®',
  trade: '™',
  yen: '¥',
  laquo: '«',
  raquo: '»',
};

/** Names a page's text keeps without their `&`: none of them is a word of a report. */
const WITHOUT_AMPERSAND = ['ldquo', 'rdquo', 'lsquo', 'rsquo', 'nbsp', 'mdash', 'hellip', 'middot', 'squo', 'dquo'];

const REFERENCE = new RegExp(
  `&(?:#(\\d{2,7})|#[xX]([0-9a-fA-F]{2,6})|(${Object.keys(NAMED).join('|')}));|(?<![A-Za-z&#])(${WITHOUT_AMPERSAND.join('|')});`,
  'g',
);

/** A cheap first test: every reference holds one of these. */
export const ENTITY_GATE = /&[#a-zA-Z]|quo;|nbsp;|dash;|hellip;|middot;/;

/** The character references on `line`, in order. */
export function findEntities(line: string): EntityMatch[] {
  if (!line.includes(';') || !ENTITY_GATE.test(line)) return [];
  const found: { start: number; end: number; char: string; name: string }[] = [];
  REFERENCE.lastIndex = 0;
  for (let m = REFERENCE.exec(line); m; m = REFERENCE.exec(line)) {
    const code = m[1] !== undefined ? Number(m[1]) : m[2] !== undefined ? parseInt(m[2], 16) : -1;
    if (code >= 0 && (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code < 0x20)) continue;
    const name = m[3] ?? m[4] ?? '';
    const char = code >= 0 ? String.fromCodePoint(code) : name === 'squo' ? '‘' : name === 'dquo' ? '“' : NAMED[name];
    found.push({ start: m.index, end: m.index + m[0].length, char, name });
  }
  // Quotes written the same way open and close in turn (“…”): a sure guess only when they pair up.
  const turns = { '"': 0, '‘': 0, '“': 0 } as Record<string, number>;
  const counts = { '"': 0, '‘': 0, '“': 0 } as Record<string, number>;
  const pairs = (f: { char: string; name: string }) => (f.name === 'squo' ? '‘' : f.name === 'dquo' ? '“' : f.char === '"' ? '"' : null);
  for (const f of found) {
    const p = pairs(f);
    if (p !== null) counts[p]++;
  }
  return found.map((f) => {
    const p = pairs(f);
    if (p !== null) {
      const open = turns[p]++ % 2 === 0;
      const replacement = p === '‘' ? (open ? '‘' : '’') : open ? '“' : '”';
      const certain = counts[p] % 2 === 0 && f.name !== 'squo' && f.name !== 'dquo';
      return { start: f.start, end: f.end, replacement, certain };
    }
    if (f.char === ' ' || f.char === '\u00a0') {
      // A space between Latin words stays a space; between Chinese words, and as indentation, it goes.
      const latin = /[A-Za-z0-9]/.test(line.charAt(f.start - 1)) && /[A-Za-z0-9]/.test(line.charAt(f.end));
      return { start: f.start, end: f.end, replacement: latin ? ' ' : '', certain: true };
    }
    return { start: f.start, end: f.end, replacement: f.char, certain: true };
  });
}
