import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { XmlScanner } from '../../server/src/docx/xml';
import { xmlText } from '../../server/src/cli/ci-formats';
import { ALL_RULES } from '../../server/src/rules';
import { RDJSON_SCHEMA, SARIF_SCHEMA } from './ci-schemas';
import { validate } from './json-schema';
import { ROOT, run, scratchFolder } from './scratch';
import { runCli } from '../../server/src/cli/main';

const scratch = scratchFolder('zongjie-ci-');

const GOOD = [
  '2024年意识形态工作总结',
  '今年以来，局党组认真落实意识形态工作责任制，现将有关情况总结如下。',
  '一、主要工作开展情况',
  '组织集中学习12次，开展专题研讨4次。',
  '二、存在的问题',
  '学习形式比较单一。',
  '三、下一步工作打算',
  '创新学习方式，加强阵地管理。',
].join('\n');
/** An error (placeholder), a warning with a fix (half-width comma), an error with a fix (residue line). */
const FAULTY = GOOD.replace('12次', 'X次').replace('责任制，', '责任制,') + '\n本文来源于网络，如有侵权请联系删除\n';
/** A warning only (numbering skips 三). */
const WARNS = GOOD.replace('三、下一步', '四、下一步');

/** Runs the CLI in this process with `stdin` as standard input. */
function runWithStdin(stdin: string | Buffer, ...argv: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s), readStdin: () => Buffer.from(stdin) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Runs the CLI with the scratch folder as the working directory (relative paths, as CI passes them). */
function runIn(dir: string, ...argv: string[]): { code: number; out: string; err: string } {
  const before = process.cwd();
  process.chdir(dir);
  try {
    return run(...argv);
  } finally {
    process.chdir(before);
  }
}

interface JunitCase {
  name: string;
  classname: string;
  failure?: { type: string; message: string; text: string };
  error?: string;
}
interface JunitSuite {
  name: string;
  tests: number;
  failures: number;
  errors: number;
  cases: JunitCase[];
}

/**
 * JUnit XML has no standard of its own; the schema CI servers read it by is
 * Ant's, as Jenkins publishes it (junit-10.xsd; GitLab reads the same): each
 * element where it may stand, the attributes it may carry and those it must.
 * Only the elements the CLI writes are listed (stricter than the schema).
 */
const JUNIT_SCHEMA: Record<string, { parent: string | undefined; required: string[]; allowed: string[] }> = {
  testsuites: { parent: undefined, required: [], allowed: ['name', 'time', 'tests', 'failures', 'disabled', 'errors'] },
  testsuite: {
    parent: 'testsuites',
    required: ['name', 'tests'],
    allowed: ['name', 'tests', 'failures', 'errors', 'group', 'time', 'disabled', 'skipped', 'timestamp', 'hostname', 'id', 'package', 'file', 'log', 'url', 'version'],
  },
  testcase: { parent: 'testsuite', required: ['name'], allowed: ['name', 'assertions', 'time', 'classname', 'status', 'group', 'file', 'line'] },
  failure: { parent: 'testcase', required: [], allowed: ['message', 'type'] },
  error: { parent: 'testcase', required: [], allowed: ['message', 'type'] },
};

/** Parses the JUnit XML strictly (well-formed, valid by JUNIT_SCHEMA) into suites. */
function parseJunit(xml: string): JunitSuite[] {
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>'));
  // XML 1.0 cannot hold these characters even escaped.
  assert.doesNotMatch(xml, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|&#x?0*(?:[0-8]|1[0-9]|2[0-9]|3[01]);/);
  const suites: JunitSuite[] = [];
  const stack: string[] = [];
  let text: string[] | null = null;
  const scanner = new XmlScanner(xml);
  scanner.run({
    wantText: false,
    start(name, s) {
      const parent = stack[stack.length - 1];
      const rule = JUNIT_SCHEMA[name];
      assert.ok(rule && rule.parent === parent, `<${name}> inside <${parent}>`);
      const attrs: string[] = [];
      s.forEachAttr((a) => attrs.push(a));
      for (const a of attrs) assert.ok(rule.allowed.includes(a), `<${name} ${a}=…>`);
      for (const a of rule.required) assert.ok(attrs.includes(a), `<${name}> without ${a}`);
      stack.push(name);
      if (name === 'testsuite') {
        const num = (a: string) => {
          const v = s.attr(a);
          assert.match(v ?? '', /^\d+$/, `testsuite ${a}`);
          return Number(v);
        };
        suites.push({ name: s.attr('name') ?? '', tests: num('tests'), failures: num('failures'), errors: num('errors'), cases: [] });
      } else if (name === 'testcase') {
        assert.ok(s.attr('name') && s.attr('classname'), 'testcase name and classname');
        suites[suites.length - 1].cases.push({ name: s.attr('name')!, classname: s.attr('classname')! });
      } else if (name === 'failure') {
        const c = suites[suites.length - 1].cases.at(-1)!;
        c.failure = { type: s.attr('type') ?? '', message: s.attr('message') ?? '', text: '' };
        text = [];
        this.wantText = true;
      } else if (name === 'error') {
        suites[suites.length - 1].cases.at(-1)!.error = s.attr('message') ?? '';
      }
    },
    end(name) {
      stack.pop();
      if (name === 'failure' && text) {
        suites[suites.length - 1].cases.at(-1)!.failure!.text = text.join('');
        text = null;
        this.wantText = false;
      }
    },
    text(t) {
      text?.push(t);
    },
  });
  for (const s of suites) {
    assert.equal(s.tests, s.cases.length, `${s.name}: tests`);
    assert.equal(s.failures, s.cases.filter((c) => c.failure).length, `${s.name}: failures`);
    assert.equal(s.errors, s.cases.filter((c) => c.error !== undefined).length, `${s.name}: errors`);
  }
  return suites;
}

describe('--format sarif', () => {
  test('is valid SARIF 2.1.0: rules, results with UTF-16 regions, fixes, relative percent-encoded URIs', () => {
    const dir = scratch.dir;
    scratch.write('子目录/草稿一.txt', FAULTY);
    scratch.write('子目录/干净.txt', GOOD);
    const r = runIn(dir, 'check', '--format', 'sarif', '子目录');
    assert.equal(r.code, 1);
    const log = JSON.parse(r.out);
    assert.deepEqual(validate(SARIF_SCHEMA, log), []);
    const runObj = log.runs[0];
    assert.equal(runObj.columnKind, 'utf16CodeUnits');
    assert.deepEqual(
      runObj.tool.driver.rules.map((x: { id: string }) => x.id),
      ALL_RULES.map((x) => x.id),
    );
    assert.equal(runObj.originalUriBaseIds['%SRCROOT%'].uri, 'file://' + dir.split(path.sep).map(encodeURIComponent).join('/') + '/');
    const results = runObj.results as { ruleId: string; ruleIndex: number; level: string; locations: any[]; fixes?: any[] }[];
    assert.deepEqual(
      results.map((x) => [x.ruleId, x.level]),
      [
        ['punctuation', 'warning'],
        ['placeholder', 'error'],
        ['template-residue', 'error'],
      ],
    );
    for (const x of results) assert.equal(runObj.tool.driver.rules[x.ruleIndex].id, x.ruleId);
    const placeholder = results.find((x) => x.ruleId === 'placeholder')!;
    assert.deepEqual(placeholder.locations[0].physicalLocation, {
      artifactLocation: { uri: '%E5%AD%90%E7%9B%AE%E5%BD%95/%E8%8D%89%E7%A8%BF%E4%B8%80.txt', uriBaseId: '%SRCROOT%' },
      region: { startLine: 4, startColumn: 7, endLine: 4, endColumn: 8 },
    });
    const comma = results.find((x) => x.ruleId === 'punctuation')!;
    assert.deepEqual(comma.fixes![0].artifactChanges[0].replacements, [
      { deletedRegion: { startLine: 2, startColumn: 22, endLine: 2, endColumn: 23 }, insertedContent: { text: '，' } },
    ]);
    assert.deepEqual(log.runs[0].invocations, [{ executionSuccessful: true, toolExecutionNotifications: [] }]);
  });

  test('a clean folder is a valid log with no results; an unreadable path is a failed invocation (exit 2)', () => {
    const clean = scratch.write('sarif-clean/a.txt', GOOD);
    const r = run('check', '--format', 'sarif', clean);
    assert.equal(r.code, 0);
    const log = JSON.parse(r.out);
    assert.deepEqual(validate(SARIF_SCHEMA, log), []);
    assert.deepEqual(log.runs[0].results, []);
    const missing = path.join(scratch.dir, '不存在.txt');
    const r2 = run('check', '--format', 'sarif', clean, missing);
    assert.equal(r2.code, 2);
    const log2 = JSON.parse(r2.out);
    assert.deepEqual(validate(SARIF_SCHEMA, log2), []);
    assert.equal(log2.runs[0].invocations[0].executionSuccessful, false);
    assert.match(log2.runs[0].invocations[0].toolExecutionNotifications[0].message.text, /不存在\.txt：文件或文件夹不存在/);
    // An absolute path outside the working folder: an absolute file URI.
    const outside = runIn(path.dirname(scratch.dir), 'check', '--format', 'sarif', '--quiet', clean);
    assert.deepEqual(validate(SARIF_SCHEMA, JSON.parse(outside.out)), []);
  });

  test('the validator itself rejects what SARIF forbids (so the checks above can fail)', () => {
    const r = run('check', '--format', 'sarif', scratch.write('sarif-bad/a.txt', FAULTY));
    const log = JSON.parse(r.out);
    const result = log.runs[0].results[0];
    result.severity = 'error'; // not a SARIF property
    result.locations[0].physicalLocation.region.startColumn = 0; // columns start at 1
    result.locations[0].physicalLocation.artifactLocation.uri = '子目录/草稿.txt'; // not percent-encoded
    log.runs[0].tool.driver.rules[0].defaultConfiguration.level = 'information';
    delete log.version;
    const errors = validate(SARIF_SCHEMA, log);
    for (const want of [/results\[0\]\.severity: not allowed/, /startColumn: 0 < minimum 1/, /not a URI reference/, /level: "information" not in enum/, /missing required version/]) {
      assert.ok(errors.some((e) => want.test(e)), `${want} in ${errors.join('; ')}`);
    }
  });
});

describe('--format rdjson', () => {
  test('valid DiagnosticResult with UTF-8 byte columns, severities, codes and suggestions', () => {
    const p = scratch.write('rd/草稿.txt', FAULTY);
    const r = run('check', '--format', 'rdjson', p);
    assert.equal(r.code, 1);
    const doc = JSON.parse(r.out);
    assert.deepEqual(validate(RDJSON_SCHEMA, doc), []);
    assert.deepEqual(doc.source, { name: 'zongjie' });
    const placeholder = doc.diagnostics.find((d: any) => d.code.value === 'placeholder');
    // 组织集中学习X次: X is the 7th character, after six of three UTF-8 bytes each.
    assert.deepEqual(placeholder.location, { path: p, range: { start: { line: 4, column: 19 }, end: { line: 4, column: 20 } } });
    assert.equal(placeholder.severity, 'ERROR');
    const comma = doc.diagnostics.find((d: any) => d.code.value === 'punctuation');
    assert.equal(comma.severity, 'WARNING');
    assert.deepEqual(comma.suggestions, [{ range: { start: { line: 2, column: 64 }, end: { line: 2, column: 65 } }, text: '，' }]);
    // The schema is strict enough to fail.
    placeholder.location.range.start.column = '19';
    placeholder.level = 'error';
    assert.equal(validate(RDJSON_SCHEMA, doc).length, 2);
  });

  test('no files with findings: an empty list', () => {
    const r = run('check', '--format', 'rdjson', scratch.write('rd-clean/a.txt', GOOD));
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.out), { source: { name: 'zongjie' }, diagnostics: [] });
  });
});

describe('--format junit', () => {
  test('one suite per file, a failed case per finding, a passed case for a clean file, an error for an unreadable one', () => {
    const bad = scratch.write('ju/a 与 <b>.txt', FAULTY);
    const good = scratch.write('ju/c.txt', GOOD);
    const missing = path.join(scratch.dir, 'ju-missing.txt');
    const r = run('check', '--format', 'junit', bad, good, missing);
    assert.equal(r.code, 2);
    const suites = parseJunit(r.out);
    assert.deepEqual(
      suites.map((s) => [s.name, s.tests, s.failures, s.errors]),
      [
        [bad, 3, 3, 0],
        [good, 1, 0, 0],
        [missing, 1, 0, 1],
      ],
    );
    const placeholder = suites[0].cases.find((c) => c.name.startsWith('placeholder'))!;
    assert.equal(placeholder.name, 'placeholder 第 4 行第 7 列');
    assert.equal(placeholder.classname, bad);
    assert.deepEqual(placeholder.failure, {
      type: 'error',
      message: '「X」是模板中待填写的占位符，请填入实际数字后再提交。',
      text: `${bad}:4:7  error  placeholder  「X」是模板中待填写的占位符，请填入实际数字后再提交。`,
    });
    assert.equal(suites[1].cases[0].name, '检查通过');
    assert.equal(suites[2].cases[0].error, '文件或文件夹不存在');
  });

  test('text XML cannot hold is written as \\uXXXX, markup characters as entities', () => {
    assert.equal(xmlText('a<b>&"\'\u0001\u001f\ud800x\udc00\ud83d\ude00'), 'a&lt;b&gt;&amp;&quot;&apos;\\u0001\\u001f\\ud800x\\udc00\ud83d\ude00');
    // A residue line carrying a control character: its message quotes it, the document stays well-formed.
    const r = run('check', '--format', 'junit', scratch.write('ju-ctl/a.txt', GOOD + '\n本文来源于网络\u0007，如有侵权请联系删除\n'));
    const suites = parseJunit(r.out);
    assert.equal(suites[0].failures, 1);
    assert.match(suites[0].cases[0].failure!.message, /\\u0007/);
  });
});

describe('standard input, --quiet, --max-warnings', () => {
  test('check - reads the draft from standard input under --stdin-filename (which decides Markdown)', () => {
    const r = runWithStdin(FAULTY, 'check', '-', '--stdin-filename', '草稿.txt');
    assert.equal(r.code, 1);
    assert.match(r.out, /^草稿\.txt:4:7  error  placeholder  /m);
    // Markdown: # headings are headings only in .md files.
    const md = '# ' + GOOD.replace('一、主要', '## 一、主要').replace('12次', 'X次');
    const asMd = runWithStdin(md, 'check', '--format', 'json', '-', '--stdin-filename', 'docs/总结.md');
    assert.equal(JSON.parse(asMd.out).files[0].path, 'docs/总结.md');
    assert.equal(JSON.parse(asMd.out).files[0].reports[0].title.text, '2024年意识形态工作总结');
    const asText = runWithStdin(md, 'check', '--format', 'json', '-');
    assert.equal(JSON.parse(asText.out).files[0].path, '<stdin>');
    assert.notEqual(JSON.parse(asText.out).files[0].reports[0]?.title?.text, '2024年意识形态工作总结');
  });

  test('standard input is decoded like a file (a BOM here) and mixes with paths in order', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FAULTY)]);
    const file = scratch.write('mix/b.txt', WARNS);
    const r = runWithStdin(bom, 'check', '--verbose', '-', file);
    assert.equal(r.code, 1);
    assert.match(r.err, /<stdin>：编码 utf-8-bom/);
    const order = r.out.split('\n').map((l) => l.split(':')[0]);
    assert.equal(order[0], '<stdin>');
    assert.equal(order.at(-2), file);
  });

  test('usage errors: - twice, --stdin-filename without -, fix from standard input, a bad --max-warnings', () => {
    for (const argv of [
      ['check', '-', '-'],
      ['check', '--stdin-filename', 'a.txt', 'x.txt'],
      ['fix', '-'],
      ['check', '--max-warnings', '-1', 'x.txt'],
      ['check', '--max-warnings', 'many', 'x.txt'],
      ['outline', '--max-warnings', '1', 'x.txt'],
      ['check', '--format', 'xml', 'x.txt'],
    ]) {
      const r = runWithStdin('', ...argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.err, /^zongjie：/, argv.join(' '));
    }
  });

  test('--quiet prints and counts errors only; warnings alone then pass', () => {
    const r = run('check', '--quiet', scratch.write('quiet/a.txt', FAULTY));
    assert.equal(r.code, 1);
    assert.doesNotMatch(r.out, /warning/);
    assert.match(r.out, /发现 2 个错误、0 个警告/);
    const w = run('check', '--quiet', '--max-warnings', '0', scratch.write('quiet/w.txt', WARNS));
    assert.equal(w.code, 0);
    assert.equal(w.out, '共检查 1 个文件、1 篇报告，未发现问题。');
  });

  test('--max-warnings N: more than N warnings exit 1 with a message on stderr; N or fewer keep exit 0', () => {
    const p = scratch.write('maxw/a.txt', WARNS);
    const over = run('check', '--max-warnings', '0', p);
    assert.equal(over.code, 1);
    assert.match(over.err, /发现 1 个警告，多于 --max-warnings 允许的 0 个/);
    assert.equal(run('check', '--max-warnings=1', p).code, 0);
    assert.equal(run('check', p).code, 0);
    // Machine formats keep stdout a valid document.
    const sarif = run('check', '--format', 'sarif', '--max-warnings', '0', p);
    assert.equal(sarif.code, 1);
    assert.deepEqual(validate(SARIF_SCHEMA, JSON.parse(sarif.out)), []);
  });
});

describe('the README’s five-line CI job', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
  /** The yaml block after the sentence that introduces it. */
  const job = /GitLab CI 任务（五行）[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const lines = job.split('\n').filter((l) => l !== '');
  const script = /^\s+- npx --yes --package \.\/zongjie-(\S+)\.tgz zongjie (.+?) > (\S+)$/.exec(lines.find((l) => l.includes('npx')) ?? '');

  test('is five lines: the package `npm pack` makes, the check, the JUnit report kept for the pipeline', () => {
    assert.equal(lines.length, 5, job);
    assert.ok(script, `no npx line in:\n${job}`);
    assert.equal(script![1], version, 'the tarball npm pack makes of this version');
    assert.match(readme, new RegExp(`\`zongjie-${version.replace(/\./g, '\\.')}\\.tgz\``), 'the README says where the tarball comes from');
    assert.match(lines.find((l) => l.includes('artifacts')) ?? '', new RegExp(`when: always.*junit: ${script![3].replace(/\./g, '\\.')}\\b`));
  });

  test('its command fails the job on a draft with errors, passes drafts with warnings only, and writes the JUnit report', () => {
    // The command after `npx … zongjie`, run by the built CLI from a folder laid out as the job's checkout.
    const args = script![2].split(' ');
    const checkout = (drafts: Record<string, string>) => {
      const dir = path.join(scratch.dir, `job-${Object.keys(drafts).join('-')}`);
      for (const [name, text] of Object.entries(drafts)) scratch.write(path.join(path.basename(dir), '草稿', name), text);
      return dir;
    };
    const failing = runIn(checkout({ 'a.txt': GOOD, 'b.txt': FAULTY }), ...args);
    assert.equal(failing.code, 1, failing.err);
    const suites = parseJunit(failing.out);
    assert.deepEqual(suites.map((s) => [s.name, s.failures > 0]), [[path.join('草稿', 'a.txt'), false], [path.join('草稿', 'b.txt'), true]]);
    const passing = runIn(checkout({ 'c.txt': GOOD, 'd.txt': WARNS }), ...args);
    assert.equal(passing.code, 0, passing.err);
    assert.equal(parseJunit(passing.out).reduce((n, s) => n + s.failures, 0), 1);
  });
});
