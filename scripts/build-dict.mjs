// Writes the product's segmentation dictionaries to dist/dict/ (no network):
// - jieba.dict.utf8: the N most frequent words of nodejieba's general dictionary.
//   The full dictionary (349 000 words) costs ~255 MB and 2.4 s to load; the
//   trimmed one a fraction of that (figures in test/chinese/measure.ts).
//   Every word with a doubled character (大大, 常常, 层层, 实实在在: ~3 100) is
//   kept whatever its frequency: the duplicated-char rule reads a doubled
//   character inside one word as real reduplication, so the trimmed dictionary
//   must cut those exactly as the full one does.
// - user.dict.utf8: the genre's own terms from server/src/data/domain-dict.txt,
//   which the trimmed dictionary would otherwise cut into characters (习/近/平).
// - hmm_model.utf8: the model's start and transition lines with one emission
//   entry per state. nodejieba requires a model, but the engine cuts without
//   HMM (dictionary.ts), and the full emission tables (500 KB) cost ~30 ms of
//   every load.
// - stop_words.utf8: copied; nodejieba requires it.
// - idf.utf8: a short excerpt; nodejieba requires one, keyword extraction is not used.
//
//   node scripts/build-dict.mjs [--words N] [--out DIR]
import { createRequire } from 'node:module';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Chosen by measurement (node out/test/chinese/measure.js --corpus DIR). Against
 * 60 000 words, 40 000 load in 100 ms instead of 130-150 ms and take 31 MB
 * instead of 45 MB; they cut 73% of the lines of the fixtures and the five seed
 * drafts exactly as the full dictionary does (60 000: 76%), and every rule's
 * findings on those texts are the same. 30 000 were as good on findings but
 * drifted further (about 69% of lines, 3.9% of boundaries); 15 000 changed findings.
 */
export const DEFAULT_WORDS = 40000;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function buildDictionaries({ words = DEFAULT_WORDS, out = join(root, 'dist', 'dict') } = {}) {
  const require = createRequire(join(root, 'package.json'));
  const source = join(dirname(require.resolve('nodejieba/package.json')), 'submodules', 'cppjieba', 'dict');
  mkdirSync(out, { recursive: true });

  const entries = readFileSync(join(source, 'jieba.dict.utf8'), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((line) => ({ line, freq: Number(line.split(' ')[1]) }));
  // Stable: equal frequencies keep the file's order, so the output is reproducible.
  const ranked = entries.map((e, i) => ({ ...e, i })).sort((a, b) => b.freq - a.freq || a.i - b.i);
  const doubled = /(\p{Script=Han})\1/u;
  const kept = ranked
    .filter((e, rank) => rank < words || doubled.test(e.line.split(' ')[0]))
    .sort((a, b) => a.i - b.i);
  writeFileSync(join(out, 'jieba.dict.utf8'), kept.map((e) => e.line).join('\n') + '\n');

  writeFileSync(join(out, 'user.dict.utf8'), domainDictionaryLines().join('\n') + '\n');

  writeFileSync(join(out, 'hmm_model.utf8'), minimalHmmModel(readFileSync(join(source, 'hmm_model.utf8'), 'utf8')));
  copyFileSync(join(source, 'stop_words.utf8'), join(out, 'stop_words.utf8'));
  const idf = readFileSync(join(source, 'idf.utf8'), 'utf8').split('\n').slice(0, 1000);
  writeFileSync(join(out, 'idf.utf8'), idf.join('\n') + '\n');
  return { out, words: kept.length };
}

/**
 * The HMM model with its emission tables cut to their first entry: the four
 * states' start probabilities and the transition matrix (the first five data
 * lines) stay whole, comments too, so the file is still a valid model.
 */
export function minimalHmmModel(text) {
  let data = 0;
  return text
    .split('\n')
    .map((line) => {
      if (line.trim() === '' || line.startsWith('#')) return line;
      data++;
      return data <= 5 ? line : line.split(',')[0];
    })
    .join('\n');
}

/**
 * domain-dict.txt without comments and blank lines. Each line is `word` or
 * `word frequency`; a frequency makes the
 * word win over a split the general dictionary would prefer.
 */
export function domainDictionaryLines() {
  const text = readFileSync(join(root, 'server', 'src', 'data', 'domain-dict.txt'), 'utf8');
  const lines = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') continue;
    const fields = line.split(/\s+/);
    if (fields.length > 2 || (fields[1] !== undefined && !/^[1-9]\d*$/.test(fields[1]))) {
      throw new Error(`domain-dict.txt: malformed line「${raw}」`);
    }
    // cppjieba reads two fields as `word tag`, so a frequency needs a tag after it.
    lines.push(fields.length === 2 ? `${fields[0]} ${fields[1]} n` : fields[0]);
  }
  return lines;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const r = buildDictionaries({
    words: arg('--words') ? Number(arg('--words')) : undefined,
    out: arg('--out') ? resolve(arg('--out')) : undefined,
  });
  console.log(`dictionaries: ${r.words} words in ${r.out}`);
}
