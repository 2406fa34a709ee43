/**
 * Clients with fewer capabilities than VS Code (older or simpler LSP clients):
 * no workspace/configuration, no hierarchical document symbols.
 * In-process, over memory streams.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SymbolInformation } from 'vscode-languageserver-protocol/node';
import { REPORT_LINES, lf } from './fixtures';
import { TestClient, fileUri } from './harness';

const TEST_TIMEOUT = { timeout: 30000 };

describe('a client without workspace/configuration', TEST_TIMEOUT, () => {
  test('settings come from initializationOptions, then from didChangeConfiguration', async () => {
    const client = await TestClient.inProcess(
      {},
      {
        capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
        initializationOptions: { settings: { severity: { placeholder: 'off' } } },
      },
    );
    try {
      const uri = fileUri('无配置请求.txt');
      await client.open(uri, lf(REPORT_LINES));
      const first = await client.waitForVersion(uri, 1);
      assert.deepEqual(first.diagnostics, []);
      assert.deepEqual(client.registrations, [], 'nothing to register without dynamic registration');

      const from = client.published.length;
      await client.changeSettings({ severity: { placeholder: 'warning' } });
      const p = await client.waitForDiagnostics(uri, () => true, from);
      assert.deepEqual(p.diagnostics.map((d) => [d.code, d.severity]), [
        ['placeholder', 2],
        ['placeholder', 2],
      ]);
    } finally {
      await client.dispose();
    }
  });
});

describe('a client without hierarchical document symbols', TEST_TIMEOUT, () => {
  test('gets a flat list with container names', async () => {
    const client = await TestClient.inProcess({}, { capabilities: { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: false } } } });
    try {
      const uri = fileUri('扁平大纲.txt');
      await client.open(uri, lf(REPORT_LINES));
      const symbols = (await client.symbols(uri)) as unknown as SymbolInformation[];
      assert.deepEqual(symbols.slice(0, 3).map((s) => [s.name, s.containerName]), [
        ['2024年度XX局意识形态工作总结', undefined],
        ['一、主要工作开展情况', '2024年度XX局意识形态工作总结'],
        ['（一）压实工作责任', '一、主要工作开展情况'],
      ]);
      assert.ok(symbols.every((s) => s.location.uri === uri));
      assert.equal(symbols.length, 8);
    } finally {
      await client.dispose();
    }
  });
});
