/**
 * server/src/protocol.ts is the one place where client and server name their
 * commands, settings section, diagnostic source and fix-all kind: the server
 * announces and uses those names, and no other source file spells them out.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { FIX_ALL_KIND as FEATURES_FIX_ALL_KIND } from '../../server/src/features/fixes';
import { capabilitiesOf, initializeResult } from '../../server/src/lsp/capabilities';
import { CODE_ACTION_KINDS, COMMAND_SELECT_PLACEHOLDER } from '../../server/src/lsp/code-actions';
import { toDiagnostic } from '../../server/src/lsp/diagnostics';
import { CLIENT_COMMANDS, DIAGNOSTIC_PROVIDER_ID, DIAGNOSTIC_SOURCE, FIX_ALL_KIND, PLACEHOLDER_CODE, SERVER_COMMANDS } from '../../server/src/protocol';
import { ALL_RULES } from '../../server/src/rules';
import { placeholderRule } from '../../server/src/rules/placeholder';

const ROOT = [path.join(__dirname, '..', '..', '..'), path.join(__dirname, '..', '..')].find((d) => fs.existsSync(path.join(d, 'server', 'src', 'protocol.ts')))!;

test('the server announces exactly the server commands, and the client commands differ from them', () => {
  const announced = initializeResult(capabilitiesOf({})).capabilities.executeCommandProvider?.commands;
  assert.deepEqual(announced, Object.values(SERVER_COMMANDS));
  assert.equal(COMMAND_SELECT_PLACEHOLDER, SERVER_COMMANDS.selectPlaceholder);
  const server = new Set<string>(Object.values(SERVER_COMMANDS));
  assert.deepEqual(Object.values(CLIENT_COMMANDS).filter((id) => server.has(id)), []);
});

test('pull diagnostics, code action kinds, diagnostics and rules use the shared names', () => {
  const result = initializeResult(capabilitiesOf({ textDocument: { diagnostic: {}, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: [] } } } } }));
  assert.equal((result.capabilities.diagnosticProvider as { identifier?: string }).identifier, DIAGNOSTIC_PROVIDER_ID);
  assert.ok(CODE_ACTION_KINDS.includes(FIX_ALL_KIND));
  assert.equal(FEATURES_FIX_ALL_KIND, FIX_ALL_KIND);
  assert.ok(FIX_ALL_KIND.startsWith('source.fixAll.'));
  assert.equal(placeholderRule.id, PLACEHOLDER_CODE);
  assert.ok(ALL_RULES.some((r) => r.id === PLACEHOLDER_CODE));
  const d = toDiagnostic({ code: PLACEHOLDER_CODE, severity: 'warning', message: '占位符', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } });
  assert.equal(d.source, DIAGNOSTIC_SOURCE);
});

test('protocol.ts imports nothing, and no other source file spells out a shared command id or the fix-all kind', () => {
  const protocol = fs.readFileSync(path.join(ROOT, 'server', 'src', 'protocol.ts'), 'utf8');
  assert.doesNotMatch(protocol, /^\s*import\b|\brequire\(/m);
  const ids = [...Object.values(SERVER_COMMANDS), ...Object.values(CLIENT_COMMANDS), FIX_ALL_KIND];
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.ts') && file !== path.join(ROOT, 'server', 'src', 'protocol.ts')) {
        const text = fs.readFileSync(file, 'utf8');
        for (const id of ids) if (text.includes(`'${id}'`) || text.includes(`"${id}"`)) offenders.push(`${path.relative(ROOT, file)}: ${id}`);
      }
    }
  };
  walk(path.join(ROOT, 'server', 'src'));
  walk(path.join(ROOT, 'client', 'src'));
  assert.deepEqual(offenders, []);
});
