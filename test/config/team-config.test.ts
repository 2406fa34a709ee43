import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { JsoncError, parseJsonc } from '../../server/src/config/jsonc';
import { ConfigCache, ConfigEnvironment, basicPatternProblem, configFilesFor } from '../../server/src/config/team-config';
import { getProfile } from '../../server/src/engine/profile';
import { analyzeText } from '../../server/src/features/analyze';
import { ALL_RULES } from '../../server/src/rules';
import { run, scratchFolder } from '../cli/scratch';

const ENV: ConfigEnvironment = { ruleIds: ALL_RULES.map((r) => r.id), loadProfile: getProfile, patternProblem: basicPatternProblem };
const scratch = scratchFolder('zongjie-config-');

const DRAFT = [
  '2024年意识形态工作总结',
  '今年以来，局党组严格落实一岗双责要求，以学习为抓手，现将有关情况总结如下。',
  '一、主要工作开展情况',
  '组织集中学习12次，开展专题研讨4次。',
  '二、存在的问题',
  '学习形式比较单一。',
  '三、下一步工作打算',
  '严格落实“一岗双责”，创新学习方式。',
].join('\n');

const ROOT_CONFIG = `{
  // 本单位词典（全局）
  "severity": { "numbering": "off" },
  "dictionary": {
    "replace": [
      {
        "wrong": "一岗双责",
        "right": "“一岗双责”",
        "reason": "固定提法加引号",
        "source": "本单位文稿规范第3条",
        "match": ["严格落实一岗双责要求"],
        "noMatch": ["严格落实“一岗双责”要求"],
      },
    ],
    /* 避免的说法 */
    "avoid": [{ "word": "抓手", "reason": "口语化", "match": ["以学习为抓手"], "noMatch": ["抓好学习"] }],
  },
}
`;

describe('JSON with comments', () => {
  test('comments, trailing commas, a BOM; the line of every value', () => {
    const doc = parseJsonc('\ufeff{\n  // c\n  "a": 1, /* x\n y */\n  "b": [true, { "c": "中文\\n" },],\n}\n');
    assert.deepEqual(doc.value, { a: 1, b: [true, { c: '中文\n' }] });
    assert.equal(doc.lines.get('a'), 3);
    assert.equal(doc.lines.get('b[1].c'), 5);
  });

  test('a syntax error names its line', () => {
    for (const [text, line] of [
      ['{\n "a": 1\n "b": 2\n}', 3],
      ['{\n "a": tru\n}', 2],
      ['{ "a": "x', 1],
      ['{\n /* never closed', 2],
    ] as const) {
      assert.throws(() => parseJsonc(text), (e: unknown) => e instanceof JsoncError && e.line === line, text);
    }
  });
});

describe('.zongjie.json', () => {
  test('found from nested folders, nearest first; nearer settings win, dictionaries add up', () => {
    scratch.write('team/.zongjie.json', ROOT_CONFIG);
    scratch.write('team/a/.zongjie.json', '{ "severity": { "numbering": "warning", "team-wording": "error" }, "dictionary": { "avoid": [{ "word": "抓手", "reason": "近的优先" }] } }');
    const deep = path.join(scratch.dir, 'team', 'a', 'b', 'c');
    fs.mkdirSync(deep, { recursive: true });
    const files = configFilesFor(deep);
    assert.deepEqual(files.slice(0, 2), [path.join(scratch.dir, 'team', 'a', '.zongjie.json'), path.join(scratch.dir, 'team', '.zongjie.json')]);
    const config = new ConfigCache(ENV).forDirectory(deep);
    assert.deepEqual(config.problems, []);
    assert.deepEqual(config.severities, { numbering: 'warning', 'team-wording': 'error' });
    assert.deepEqual(config.dictionary.replace.map((e) => e.wrong), ['一岗双责']);
    assert.deepEqual(config.dictionary.avoid.map((e) => e.reason), ['近的优先']);
    const findings = analyzeText(DRAFT, { team: config.dictionary, severities: config.severities }).findings.filter((f) => f.code === 'team-wording');
    assert.deepEqual(
      findings.map((f) => [f.range.start.line, f.range.start.character, f.severity, f.message]),
      [
        [1, 12, 'error', '「一岗双责」应为「“一岗双责”」：固定提法加引号（依据：本单位文稿规范第3条）。'],
        [1, 23, 'error', '本单位要求避免使用「抓手」：近的优先。'],
      ],
    );
    // The right text already written (line 8) is not flagged; the fix writes it.
    assert.deepEqual(findings[0].fix?.edits, [{ range: findings[0].range, newText: '“一岗双责”' }]);
  });

  test('a broken config: one Chinese problem per bad entry, naming file, line and key; the rest applies', () => {
    const file = scratch.write(
      'broken/.zongjie.json',
      [
        '{',
        '  "enable": "yes",',
        '  "profile": "no-such-genre",',
        '  "severity": { "placeholder": "loud", "nosuch": "error", "punctuation": "off" },',
        '  "placeholderPatterns": ["【待补充】", "(", "(a+)+"],',
        '  "colour": 1,',
        '  "dictionary": {',
        '    "replace": [',
        '      { "wrong": "抓手" },',
        '      { "wrong": "牢牢", "right": "牢固", "match": "牢牢把握" },',
        '      { "wrong": "一岗双责", "right": "“一岗双责”" }',
        '    ]',
        '  }',
        '}',
      ].join('\n'),
    );
    const config = new ConfigCache(ENV).forDirectory(path.dirname(file));
    assert.deepEqual(
      config.problems.map((p) => [p.file, p.line, p.key]),
      [
        [file, 6, 'colour'],
        [file, 2, 'enable'],
        [file, 3, 'profile'],
        [file, 4, 'severity.placeholder'],
        [file, 4, 'severity.nosuch'],
        [file, 5, 'placeholderPatterns[1]'],
        [file, 5, 'placeholderPatterns[2]'],
        [file, 9, 'dictionary.replace[0].right'],
        [file, 10, 'dictionary.replace[1].match'],
      ],
    );
    for (const p of config.problems) assert.match(p.message, /[\u4e00-\u9fff]/);
    // What was right still applies.
    assert.deepEqual(config.severities, { punctuation: 'off' });
    assert.deepEqual(config.placeholderPatterns.map((r) => r.source), ['【待补充】']);
    assert.deepEqual(config.dictionary.replace.map((e) => e.wrong), ['一岗双责']);
    // A file that is not JSON at all: one problem at its line, nothing applies.
    const bad = scratch.write('notjson/.zongjie.json', '{\n  "severity": {\n    "numbering": "off"\n  \n');
    const none = new ConfigCache(ENV).forDirectory(path.dirname(bad));
    assert.equal(none.problems.length, 1);
    assert.equal(none.problems[0].line, 5);
    assert.match(none.problems[0].message, /不是有效的 JSON/);
  });

  test('changes take effect without a restart: the cache reads a file again when it changes', () => {
    const file = scratch.write('live/.zongjie.json', '{ "dictionary": { "avoid": [{ "word": "抓手" }] } }');
    const cache = new ConfigCache(ENV);
    const dir = path.dirname(file);
    assert.deepEqual(cache.forDirectory(dir).dictionary.avoid.map((e) => e.word), ['抓手']);
    assert.equal(cache.forDirectory(dir).dictionary.avoid[0], cache.forDirectory(dir).dictionary.avoid[0], 'unchanged: not read again');
    fs.writeFileSync(file, '{ "dictionary": { "avoid": [{ "word": "抓手" }, { "word": "牢牢" }] } }');
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(file, later, later);
    assert.deepEqual(cache.forDirectory(dir).dictionary.avoid.map((e) => e.word), ['抓手', '牢牢']);
    fs.rmSync(file);
    assert.deepEqual(cache.forDirectory(dir).files, []);
  });
});

describe('the CLI and .zongjie.json', () => {
  test('zongjie check applies the config of each draft\'s folder; --profile wins over its profile; problems go to stderr once', () => {
    scratch.write('cli/.zongjie.json', ROOT_CONFIG);
    const a = scratch.write('cli/a.txt', DRAFT);
    const b = scratch.write('cli/sub/b.txt', DRAFT.replace('12次', '【待补充】次'));
    scratch.write('cli/sub/.zongjie.json', '{ "placeholderPatterns": ["【待补充】"], "severity": { "team-wording": "off", "bogus": "x" } }');
    const r = run('check', a, b);
    assert.equal(r.code, 1);
    const lines = r.out.split('\n');
    assert.ok(lines.includes(`${a}:2:13  warning  team-wording  「一岗双责」应为「“一岗双责”」：固定提法加引号（依据：本单位文稿规范第3条）。`), r.out);
    assert.ok(lines.some((l) => l.startsWith(`${b}:4:7  error  placeholder  「【待补充】」`)), r.out);
    assert.ok(!lines.some((l) => l.startsWith(b) && l.includes('team-wording')), 'the nearer file turned the rule off');
    assert.equal(r.err.split('\n').filter((l) => l.includes('bogus')).length, 1);
    assert.match(r.err, /cli\/sub\/\.zongjie\.json:1：severity\.bogus：/);
    // Standard input finds the config by --stdin-filename's folder.
    const out: string[] = [];
    const { runCli } = require('../../server/src/cli/main') as typeof import('../../server/src/cli/main');
    runCli(['check', '-', '--stdin-filename', path.join(scratch.dir, 'cli', '草稿.txt')], { out: (s) => out.push(s), err: () => undefined, readStdin: () => Buffer.from(DRAFT) });
    assert.match(out.join('\n'), /team-wording  本单位要求避免使用「抓手」/);
  });

  test('zongjie config --check: examples that pass, then a failing match and a failing noMatch', () => {
    const dir = path.dirname(scratch.write('selftest/.zongjie.json', ROOT_CONFIG));
    const ok = run('config', '--check', dir);
    assert.equal(ok.code, 0, ok.out);
    assert.match(ok.out, /检查了 \d+ 个配置文件、2 条词条、4 个例句，全部通过。$/);
    const file = scratch.write(
      'selftest/strict/.zongjie.json',
      '{\n "dictionary": {\n  "avoid": [\n   { "word": "牢牢", "match": ["牢固树立"], "noMatch": ["牢牢把握"] }\n  ]\n }\n}',
    );
    const bad = run('config', '--check', path.dirname(file));
    assert.equal(bad.code, 1);
    assert.ok(bad.out.includes(`${file}:4：词条 「牢牢」 没有找出 match 中的例句「牢固树立」。`), bad.out);
    assert.ok(bad.out.includes(`${file}:4：词条 「牢牢」 找出了 noMatch 中的例句「牢牢把握」，会误报正确的写法。`), bad.out);
    assert.equal(run('config', dir).code, 2);
  });
});

describe('the JSON Schema of .zongjie.json (completion and validation in VS Code)', () => {
  const ROOT = path.resolve(__dirname, '../../..');
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'zongjie.schema.json'), 'utf8'));
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

  test('names every rule, and the manifest attaches it to .zongjie.json', () => {
    assert.deepEqual(Object.keys(schema.properties.severity.properties), ALL_RULES.map((r) => r.id));
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.zongjie.json', url: './schemas/zongjie.schema.json' }]);
    assert.ok(fs.existsSync(path.join(ROOT, manifest.contributes.jsonValidation[0].url)));
  });

  test('its keys are the keys the reader accepts', () => {
    assert.deepEqual(Object.keys(schema.properties).sort(), ['$schema', 'dictionary', 'enable', 'placeholderPatterns', 'profile', 'severity']);
    assert.deepEqual(Object.keys(schema.properties.dictionary.properties.replace.items.properties).sort(), ['match', 'noMatch', 'reason', 'right', 'source', 'wrong']);
    assert.deepEqual(Object.keys(schema.properties.dictionary.properties.avoid.items.properties).sort(), ['match', 'noMatch', 'reason', 'source', 'word']);
  });
});

describe('zongjie fix and .zongjie.json', () => {
  test('the team dictionary\'s replacements are fixed; its problems are told; .zongjieignore holds for folders', () => {
    scratch.write('fix/.zongjie.json', ROOT_CONFIG);
    scratch.write('fix/.zongjieignore', 'skip/\n');
    const a = scratch.write('fix/a.txt', DRAFT);
    const skipped = scratch.write('fix/skip/b.txt', DRAFT);
    const before = process.cwd();
    process.chdir(path.join(scratch.dir, 'fix'));
    try {
      const r = run('fix', '.');
      assert.equal(r.code, 0, r.err);
    } finally {
      process.chdir(before);
    }
    const fixed = fs.readFileSync(a, 'utf8');
    assert.ok(fixed.includes('严格落实“一岗双责”要求'), fixed);
    // The right text already there stays as it was; the word to avoid is left to the author.
    assert.ok(fixed.includes('严格落实“一岗双责”，创新学习方式。'));
    assert.ok(fixed.includes('以学习为抓手'));
    assert.equal(fs.readFileSync(skipped, 'utf8'), DRAFT);
  });
});
