/**
 * The CLI's machine formats for continuous integration:
 *
 * - `sarif`: SARIF 2.1.0, what code-scanning services read (one run, the rules
 *   with their Chinese titles, one result per finding, fixes as replacements).
 * - `rdjson`: reviewdog's DiagnosticResult, what review bots read (columns are
 *   UTF-8 byte counts there, so each position is converted from UTF-16).
 * - `junit`: JUnit XML, what CI dashboards show as tests (one test suite per
 *   file, one failed test case per finding, one passed case for a clean file).
 *
 * Every format is written as it goes, like `--format json`: a head, one
 * fragment per file (empty when the file has nothing to say), a tail. Only the
 * fragments of the files in hand are ever held.
 */
import path = require('node:path');
import { Analysis } from '../features/analyze';
import { Finding, Position, Range, Severity, TextEdit } from '../engine/types';
import { ALL_RULES } from '../rules';

export type CiFormat = 'sarif' | 'rdjson' | 'junit';

export const CI_FORMATS: readonly CiFormat[] = ['sarif', 'rdjson', 'junit'];

export function isCiFormat(f: string): f is CiFormat {
  return (CI_FORMATS as readonly string[]).includes(f);
}

export interface CiFile {
  /** The path as the user gave it (or the name given for standard input). */
  path: string;
  analysis: Analysis;
}

/** What the head and tail of a document need to know. */
export interface CiRun {
  toolVersion: string;
  /** The folder relative paths are relative to (SARIF's %SRCROOT%). */
  cwd: string;
}

export interface CiTail {
  /** Paths that could not be read or checked, with the reason (SARIF notifications, JUnit errors). */
  unreadable: { path: string; reason: string }[];
}

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The head of the document, printed before the first file. */
export function ciHead(format: CiFormat, run: CiRun): string {
  if (format === 'sarif') {
    const driver = {
      name: 'zongjie',
      version: run.toolVersion,
      rules: ALL_RULES.map((r) => ({
        id: r.id,
        shortDescription: { text: r.docs.title },
        fullDescription: { text: r.docs.summary },
        help: { text: `${r.docs.hover.explanation}\n错误示例：${r.docs.hover.wrong}\n正确示例：${r.docs.hover.right}` },
        defaultConfiguration: { level: sarifLevel(r.defaultSeverity) },
      })),
    };
    const head = JSON.stringify({
      $schema: SARIF_SCHEMA,
      version: '2.1.0',
      runs: [{ tool: { driver }, language: 'zh-CN', columnKind: 'utf16CodeUnits', originalUriBaseIds: { '%SRCROOT%': { uri: directoryUri(run.cwd) } }, results: [] }],
    });
    // Open the results array: the document is closed by ciTail.
    return head.slice(0, head.lastIndexOf('[]}]}') + 1);
  }
  if (format === 'rdjson') return '{"source":{"name":"zongjie"},"diagnostics":[';
  return '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="zongjie">';
}

/** Between two non-empty fragments. */
export function ciSeparator(format: CiFormat): string {
  return format === 'junit' ? '' : ',';
}

/** One file's fragment: its results (SARIF), diagnostics (rdjson) or test suite (JUnit). */
export function ciFileFragment(format: CiFormat, file: CiFile, run: CiRun): string {
  const { findings } = file.analysis;
  if (format === 'sarif') return findings.map((f) => JSON.stringify(sarifResult(file, f, run))).join(',');
  if (format === 'rdjson') return findings.map((f) => JSON.stringify(rdjsonDiagnostic(file, f))).join(',');
  return junitSuite(file);
}

/** The tail that closes the document. */
export function ciTail(format: CiFormat, tail: CiTail): string {
  if (format === 'sarif') {
    const invocation = {
      executionSuccessful: tail.unreadable.length === 0,
      toolExecutionNotifications: tail.unreadable.map((u) => ({
        level: 'error',
        message: { text: `${u.path}：${u.reason}` },
      })),
    };
    return `],"invocations":[${JSON.stringify(invocation)}]}]}`;
  }
  if (format === 'rdjson') return ']}';
  const unread = tail.unreadable.map(
    (u) =>
      `<testsuite name="${xmlText(u.path)}" tests="1" failures="0" errors="1">` +
      `<testcase name="读取文件" classname="${xmlText(u.path)}"><error message="${xmlText(u.reason)}"/></testcase></testsuite>`,
  );
  return unread.join('\n') + (unread.length ? '\n' : '') + '</testsuites>';
}

// ---- SARIF

function sarifLevel(s: Severity): 'error' | 'warning' | 'note' {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}

/** A file:// URI of a folder, ending in a slash (SARIF wants base URIs so). */
function directoryUri(dir: string): string {
  let p = path.resolve(dir).split(path.sep).map(encodeURIComponent).join('/');
  if (!p.startsWith('/')) p = '/' + p; // a Windows drive: /C%3A/…
  return 'file://' + p.replace(/^\/([A-Za-z])%3A/, '/$1:') + (p.endsWith('/') ? '' : '/');
}

/** The file relative to SRCROOT when it is below it, else an absolute file URI. */
function artifactLocation(file: string, run: CiRun): { uri: string; uriBaseId?: string } {
  const rel = path.relative(run.cwd, path.resolve(run.cwd, file));
  if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  const abs = directoryUri(path.resolve(run.cwd, file));
  return { uri: abs.slice(0, -1) };
}

/** SARIF regions: 1-based lines and columns, the end column just after the region (UTF-16, as columnKind says). */
function sarifRegion(r: Range): Record<string, number> {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

function sarifResult(file: CiFile, f: Finding, run: CiRun): unknown {
  const location = artifactLocation(file.path, run);
  const ruleIndex = ALL_RULES.findIndex((r) => r.id === f.code);
  const result: Record<string, unknown> = {
    ruleId: f.code,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: sarifLevel(f.severity),
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: location, region: sarifRegion(f.range) } }],
  };
  if (f.severity === 'hint') result.kind = 'informational';
  if (f.fix && f.fix.edits.length > 0) {
    result.fixes = [
      {
        description: { text: f.fix.title },
        artifactChanges: [
          {
            artifactLocation: location,
            replacements: f.fix.edits.map((e) => ({ deletedRegion: sarifRegion(e.range), insertedContent: { text: e.newText } })),
          },
        ],
      },
    ];
  }
  return result;
}

// ---- rdjson

function rdjsonSeverity(s: Severity): 'ERROR' | 'WARNING' | 'INFO' {
  return s === 'error' ? 'ERROR' : s === 'warning' ? 'WARNING' : 'INFO';
}

/** reviewdog counts columns in UTF-8 bytes from 1: the UTF-8 length of the line's text before the position. */
function rdjsonPosition(lines: readonly string[], p: Position): { line: number; column: number } {
  const text = lines[p.line] ?? '';
  return { line: p.line + 1, column: Buffer.byteLength(text.slice(0, p.character), 'utf8') + 1 };
}

function rdjsonRange(lines: readonly string[], r: Range): unknown {
  return { start: rdjsonPosition(lines, r.start), end: rdjsonPosition(lines, r.end) };
}

function rdjsonDiagnostic(file: CiFile, f: Finding): unknown {
  const lines = file.analysis.doc.source.lines;
  const d: Record<string, unknown> = {
    message: f.message,
    location: { path: file.path, range: rdjsonRange(lines, f.range) },
    severity: rdjsonSeverity(f.severity),
    code: { value: f.code },
  };
  if (f.fix && f.fix.edits.length > 0) {
    d.suggestions = f.fix.edits.map((e: TextEdit) => ({ range: rdjsonRange(lines, e.range), text: e.newText }));
  }
  return d;
}

// ---- JUnit

/**
 * Text for an XML attribute or element: the five markup characters escaped, and
 * characters XML 1.0 cannot hold at all (control characters a broken paste
 * leaves, lone surrogates) written as \uXXXX so the document stays well-formed.
 */
export function xmlText(s: string): string {
  return s.replace(/[&<>"']|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      case "'":
        return '&apos;';
      default:
        return '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
    }
  });
}

function junitSuite(file: CiFile): string {
  const { findings } = file.analysis;
  const name = xmlText(file.path);
  const cases = findings.map((f) => {
    const where = `第 ${f.range.start.line + 1} 行第 ${f.range.start.character + 1} 列`;
    const body = `${file.path}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.severity}  ${f.code}  ${f.message}`;
    return (
      `<testcase name="${xmlText(`${f.code} ${where}`)}" classname="${name}">` +
      `<failure type="${f.severity}" message="${xmlText(f.message)}">${xmlText(body)}</failure></testcase>`
    );
  });
  // A clean file is one passed test, so dashboards list it as checked.
  if (cases.length === 0) cases.push(`<testcase name="检查通过" classname="${name}"/>`);
  return `<testsuite name="${name}" tests="${cases.length}" failures="${findings.length}" errors="0">${cases.join('')}</testsuite>`;
}
