/**
 * Engine findings as LSP diagnostics. The engine already speaks LSP positions
 * (0-based lines, UTF-16 characters) and Chinese messages, so this is a
 * renaming.
 *
 * A diagnostic carries no `data`: the server's quick fixes, fix-all and hovers
 * come from its own analysis, matched by code and range, while the editor
 * decodes every diagnostic of the document again on each keystroke, so a
 * finding's facts and fix there would cost every keystroke and serve no one.
 * The CLI's JSON output keeps the facts.
 */
import type { Diagnostic } from 'vscode-languageserver';
import { Finding, Range, Severity } from '../engine/types';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import { DiagnosticSeverity } from './languageserver';

/**
 * More diagnostics than this in one document help nobody and slow the editor
 * down (a user pattern such as "的" would mark every line); the rest are
 * summarised in one diagnostic.
 */
export const MAX_DIAGNOSTICS = 1000;

/** Codes of the server's own diagnostics, which are not rules of the engine. */
export const LARGE_DOCUMENT_CODE = 'large-document';
export const TOO_MANY_CODE = 'too-many-findings';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The diagnostic of each finding, kept while the finding lives (findings of unchanged lines are reused; see analyze.ts). */
const DIAGNOSTICS = new WeakMap<Finding, Diagnostic>();

/** The LSP diagnostic of a finding; the same object for the same finding. Callers must not modify it. */
export function toDiagnostic(f: Finding): Diagnostic {
  let d = DIAGNOSTICS.get(f);
  if (d === undefined) {
    d = makeDiagnostic(f);
    DIAGNOSTICS.set(f, d);
  }
  return d;
}

function makeDiagnostic(f: Finding): Diagnostic {
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.code,
    source: DIAGNOSTIC_SOURCE,
    message: f.message,
  };
}

/** Maps findings in order; past `cap`, one information diagnostic on the last shown says how many were left out. */
export function toDiagnostics(findings: readonly Finding[], cap = MAX_DIAGNOSTICS): Diagnostic[] {
  if (findings.length <= cap) return findings.map(toDiagnostic);
  const shown = findings.slice(0, cap).map(toDiagnostic);
  const last = findings[cap - 1];
  shown.push({
    range: last.range,
    severity: DiagnosticSeverity.Information,
    code: TOO_MANY_CODE,
    source: DIAGNOSTIC_SOURCE,
    message: `本文档的问题过多，只显示了前 ${cap} 个，其余 ${findings.length - cap} 个未显示。请先处理已显示的问题。`,
  });
  return shown;
}

/** The one diagnostic that says a document was too large for the full check. */
export function largeDocumentDiagnostic(bytes: number, limitBytes: number, range: Range): Diagnostic {
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
  return {
    range,
    // A warning: the user must know that most checks did not run on this document.
    severity: DiagnosticSeverity.Warning,
    code: LARGE_DOCUMENT_CODE,
    source: DIAGNOSTIC_SOURCE,
    message:
      `文档较大（约 ${mb(bytes)} MB，超过 ${mb(limitBytes)} MB），为避免编辑器卡顿，只做了简化检查：仅查找占位符，` +
      '未检查结构、编号、模板残留和用词，也不提供大纲、折叠、快速修复、补全和悬停说明。可拆分文档，或用命令行 zongjie check 做完整检查。',
  };
}
