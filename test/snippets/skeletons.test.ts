/**
 * The snippets a writer inserts must themselves read as complete, correctly
 * numbered reports to the engine: otherwise Zongjie would flag its own
 * skeletons. Every snippet is expanded as the editor would insert it, in both
 * flavours (plain text and Markdown), and checked with the engine.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { analyzeText } from '../../server/src/features/analyze';
import { classifyHeadingText } from '../../server/src/engine/parse';
import { getProfile } from '../../server/src/engine/profile';
import { Finding } from '../../server/src/engine/types';
import { Expansion, Field, Filler, expandSnippet } from './expand';

/** The repository root, from out/test/snippets (tsc output) or test/snippets. */
const ROOT = [path.join(__dirname, '..', '..', '..'), path.join(__dirname, '..', '..')].find((d) =>
  fs.existsSync(path.join(d, 'snippets', 'build.mjs')),
)!;

interface Snippet {
  prefix: string;
  body: string[];
  description: string;
}

const FLAVOURS = [
  { name: 'plaintext', markdown: false },
  { name: 'markdown', markdown: true },
] as const;

function load(flavour: string): Record<string, Snippet> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', `${flavour}.json`), 'utf8'));
}

const byPrefix = (flavour: string, prefix: string): Snippet => {
  const s = Object.values(load(flavour)).find((x) => x.prefix === prefix);
  assert.ok(s, `no snippet with prefix ${prefix} in ${flavour}.json`);
  return s;
};

const NEXT_YEAR = String(new Date().getFullYear() + 1);

/** What a writer types into each field: real numbers, a real unit, the next year. */
const filled: Filler = (f: Field) => {
  if (f.choices) return undefined;
  if (f.defaultText === 'X') return String(10 + f.index);
  if (f.defaultText === 'XX单位') return '县文化和旅游局';
  if (f.defaultText === '20XX') return NEXT_YEAR;
  if (f.defaultText === 'X月X日') return '12月20日';
  if (f.defaultText === '' && f.index !== 0) return '全年组织专题学习12次，覆盖全体干部职工';
  return undefined;
};

const codes = (fs_: Finding[]) => fs_.map((f) => `${f.code}@${f.range.start.line + 1}:${f.message}`);

/** Offsets of each line start, to turn a finding's position into a text offset. */
function offsetOf(text: string, line: number, character: number): number {
  let at = 0;
  for (let l = 0; l < line; l++) at = text.indexOf('\n', at) + 1;
  return at + character;
}

const SKELETONS = [
  { prefix: 'ndzj', title: /^XX单位\d{4}年度意识形态工作总结$/, slots: ['achievements', 'problems', 'next-steps'], topics: 6 },
  { prefix: 'bnzj', title: /^XX单位\d{4}年上半年意识形态工作总结$/, slots: ['achievements', 'problems', 'next-steps'], topics: 4 },
  {
    prefix: 'zrzls',
    title: /^XX单位\d{4}年度意识形态工作责任制落实情况报告$/,
    slots: ['achievements', 'situation', 'problems', 'next-steps'],
    topics: 5,
  },
  { prefix: 'zjjh', title: /^XX单位\d{4}年意识形态工作总结及20XX年工作打算$/, slots: ['achievements', 'problems', 'next-steps'], topics: 5 },
];

describe('snippet files', () => {
  test('snippets/*.json are what snippets/build.mjs writes', () => {
    execFileSync(process.execPath, [path.join(ROOT, 'snippets', 'build.mjs'), '--check'], { stdio: 'pipe' });
  });

  for (const { name } of FLAVOURS) {
    test(`${name}: prefixes are unique lower-case pinyin initials, descriptions are Chinese`, () => {
      const all = Object.values(load(name));
      assert.ok(all.length >= 16);
      const prefixes = all.map((s) => s.prefix);
      assert.equal(new Set(prefixes).size, prefixes.length);
      for (const s of all) {
        assert.match(s.prefix, /^[a-z]{3,6}$/);
        assert.match(s.description, /[\u4e00-\u9fff]/);
      }
    });
  }
});

for (const flavour of FLAVOURS) {
  describe(`whole-report skeletons (${flavour.name})`, () => {
    for (const sk of SKELETONS) {
      test(`${sk.prefix} with its defaults: all parts found, numbering clean, only the fact fields flagged`, () => {
        const ex: Expansion = expandSnippet(byPrefix(flavour.name, sk.prefix).body);
        const { doc, findings } = analyzeText(ex.text, { markdown: flavour.markdown });
        assert.equal(doc.reports.length, 1);
        const report = doc.reports[0];
        assert.match(report.title?.text ?? '', sk.title);
        assert.deepEqual([...new Set(report.parts.map((p) => p.slot))], sk.slots);
        assert.ok(report.parts.every((p) => p.headed));
        const achievements = report.parts.find((p) => p.slot === 'achievements')!;
        assert.equal(achievements.node?.children.length, sk.topics);

        // Only placeholders, and exactly the X / XX / 20XX fields left as they were.
        assert.deepEqual(codes(findings.filter((f) => f.code !== 'placeholder')), []);
        const factFields = ex.occurrences.filter((o) => /X/.test(o.text));
        assert.ok(factFields.length >= sk.topics);
        const flagged = findings.map((f) => {
          const start = offsetOf(ex.text, f.range.start.line, f.range.start.character);
          const end = offsetOf(ex.text, f.range.end.line, f.range.end.character);
          return ex.text.slice(start, end) + '@' + start;
        });
        // The closing date's field X月X日 holds two placeholders, its month and its day.
        const expected = factFields.flatMap((o) =>
          o.text === 'X月X日' ? [`X@${o.start}`, `X@${o.start + 2}`] : [(o.text === 'XX单位' ? 'XX' : o.text) + '@' + o.start],
        );
        assert.deepEqual(flagged, expected);
      });

      test(`${sk.prefix} with its fields filled in: no finding at all`, () => {
        const ex = expandSnippet(byPrefix(flavour.name, sk.prefix).body, filled);
        const { findings } = analyzeText(ex.text, { markdown: flavour.markdown });
        assert.deepEqual(codes(findings), []);
      });

      test(`${sk.prefix}: every choice of every field still gives a clean report`, () => {
        const body = byPrefix(flavour.name, sk.prefix).body;
        const fields = expandSnippet(body).fields;
        const widest = Math.max(...[...fields.values()].map((f) => f.choices?.length ?? 1));
        for (let k = 0; k < widest; k++) {
          const ex = expandSnippet(body, (f) => (f.choices ? f.choices[Math.min(k, f.choices.length - 1)] : filled(f)));
          const { findings } = analyzeText(ex.text, { markdown: flavour.markdown });
          assert.deepEqual(codes(findings), [], `choice ${k + 1}:\n${ex.text}`);
        }
      });
    }
  });

  describe(`headings, themes and runs (${flavour.name})`, () => {
    const profile = getProfile('ideology-summary');
    const HEADINGS: [string, string][] = [
      ['zygz', 'achievements'],
      ['xsyp', 'situation'],
      ['czwt', 'problems'],
      ['xybdsa', 'next-steps'],
    ];

    for (const [prefix, slot] of HEADINGS) {
      test(`${prefix}: every wording offered is read as the ${slot} part`, () => {
        const ex = expandSnippet(byPrefix(flavour.name, prefix).body);
        const wordings = [...ex.fields.values()].find((f) => f.choices && f.choices.some((c) => c.length > 2))!;
        assert.ok(wordings.choices!.length >= 3);
        for (const w of wordings.choices!) assert.deepEqual(classifyHeadingText(w, profile).slots, [slot], w);
      });
    }

    /** A report assembled from the single snippets, numbered as a writer would pick. */
    function assemble(pick: (prefix: string, f: Field) => string | undefined, themes: string[]): string {
      const part = (prefix: string) => expandSnippet(byPrefix(flavour.name, prefix).body, (f) => pick(prefix, f) ?? filled(f)).text;
      const sep = flavour.markdown ? '\n\n' : '\n';
      const title = flavour.markdown ? '# 县文化和旅游局2025年度意识形态工作总结' : '县文化和旅游局2025年度意识形态工作总结';
      return [
        title,
        '2025年，局党组认真落实意识形态工作责任制，现将有关情况总结如下。',
        part('zygz'),
        ...themes.map(part),
        part('xsyp'),
        part('czwt'),
        part('xybdsa'),
        // The closing block (落款) a finished report ends with.
        '县文化和旅游局',
        '2025年12月20日',
      ].join(sep);
    }

    const THEMES = ['zzld', 'llwz', 'zdjs', 'ylyd', 'wlys', 'dwjs', 'jswm', 'khwz'];
    const TOP = { zygz: '一', xsyp: '二', czwt: '三', xybdsa: '四' } as Record<string, string>;

    test('the eight theme sub-headings under 一、, then 二、 to 四、: a clean four-part report', () => {
      const text = assemble((prefix, f) => {
        if (!f.choices) return undefined;
        if (TOP[prefix] && f.choices.includes(TOP[prefix])) return TOP[prefix];
        const theme = THEMES.indexOf(prefix);
        if (theme >= 0 && f.choices.includes('八')) return f.choices[theme];
        return undefined;
      }, THEMES);
      const { doc, findings } = analyzeText(text, { markdown: flavour.markdown });
      assert.deepEqual(codes(findings), [], text);
      const report = doc.reports[0];
      assert.deepEqual(
        report.parts.map((p) => p.slot),
        ['achievements', 'situation', 'problems', 'next-steps'],
      );
      assert.equal(report.parts[0].node?.children.length, 8);
    });

    test('a theme numbered out of turn is caught (the choice is the writer’s to get right)', () => {
      const text = assemble((prefix, f) => {
        if (!f.choices) return undefined;
        if (TOP[prefix] && f.choices.includes(TOP[prefix])) return TOP[prefix];
        if (f.choices.includes('八')) return '一';
        return undefined;
      }, ['zzld', 'llwz']);
      const { findings } = analyzeText(text, { markdown: flavour.markdown });
      assert.deepEqual(
        findings.map((f) => f.code),
        ['numbering'],
      );
    });

    for (const prefix of ['yss', 'yssfh']) {
      test(`${prefix}: a 一是/二是/三是 run under 存在的问题 numbers cleanly`, () => {
        const sep = flavour.markdown ? '\n\n' : '\n';
        const run = expandSnippet(byPrefix(flavour.name, prefix).body, filled).text;
        const text = [
          flavour.markdown ? '# 2025年意识形态工作总结' : '2025年意识形态工作总结',
          '现将有关情况总结如下。',
          flavour.markdown ? '## 一、主要工作开展情况' : '一、主要工作开展情况',
          '全年开展专题学习12次。',
          flavour.markdown ? '## 二、存在的问题' : '二、存在的问题',
          run,
          flavour.markdown ? '## 三、下一步工作打算' : '三、下一步工作打算',
          run,
        ].join(sep);
        const { findings } = analyzeText(text, { markdown: flavour.markdown });
        assert.deepEqual(codes(findings), [], text);
      });
    }
  });
}

/** The genres whose profiles carry snippets (server/src/profiles/*.json, field `snippets`). */
const PROFILE_DIR = path.join(ROOT, 'server', 'src', 'profiles');
const GENRE_SNIPPETS = fs
  .readdirSync(PROFILE_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(fs.readFileSync(path.join(PROFILE_DIR, f), 'utf8')) as { id: string; snippets?: { prefix: string; body: string[] }[] })
  .filter((p) => p.snippets?.length);

describe('genre snippets from the profiles', () => {
  test('every built-in genre but the one with its own snippets above has a skeleton', () => {
    const withSkeleton = GENRE_SNIPPETS.filter((p) => p.snippets!.some((s) => s.body[0].startsWith('# '))).map((p) => p.id);
    assert.deepEqual(withSkeleton.length, fs.readdirSync(PROFILE_DIR).filter((f) => f.endsWith('.json')).length - 1);
  });

  for (const flavour of FLAVOURS) {
    for (const genre of GENRE_SNIPPETS) {
      for (const s of genre.snippets!) {
        if (!s.body[0].startsWith('# ')) {
          test(`${flavour.name} ${s.prefix}: its heading wordings are read as parts of ${genre.id}`, () => {
            const ex = expandSnippet(byPrefix(flavour.name, s.prefix).body);
            const wordings = [...ex.fields.values()].find((f) => f.choices && f.choices.some((c) => c.length > 2))!;
            const profile = getProfile(genre.id);
            for (const w of wordings.choices!) assert.equal(classifyHeadingText(w, profile).slots.length, 1, w);
          });
          continue;
        }
        test(`${flavour.name} ${s.prefix}: the skeleton is read as ${genre.id}, every required part found, only fact fields flagged`, () => {
          const ex = expandSnippet(byPrefix(flavour.name, s.prefix).body);
          const { doc, findings } = analyzeText(ex.text, { markdown: flavour.markdown });
          assert.deepEqual(doc.reports.map((r) => r.profile.id), [genre.id]);
          assert.deepEqual(codes(findings.filter((f) => f.code !== 'placeholder')), []);
        });
        test(`${flavour.name} ${s.prefix}: filled in, no finding at all`, () => {
          const ex = expandSnippet(byPrefix(flavour.name, s.prefix).body, filled);
          const { doc, findings } = analyzeText(ex.text, { markdown: flavour.markdown });
          assert.deepEqual(doc.reports.map((r) => r.profile.id), [genre.id]);
          assert.deepEqual(codes(findings), []);
        });
      }
    }
  }
});
