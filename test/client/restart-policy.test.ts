import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RestartPolicy } from '../../client/src/restart-policy';

describe('restarting a crashed language server', () => {
  test('four crashes within three minutes are restarted; the fifth stops it with a Chinese message', () => {
    const policy = new RestartPolicy();
    const t0 = 1_000_000;
    for (let i = 0; i < 4; i++) assert.deepEqual(policy.onClosed(t0 + i * 10_000), { restart: true });
    const fifth = policy.onClosed(t0 + 40_000);
    assert.equal(fifth.restart, false);
    assert.match(fifth.message ?? '', /3 分钟内异常退出了 5 次/);
  });

  test('crashes older than the window are forgotten: a server that crashes now and then is always restarted', () => {
    const policy = new RestartPolicy(4, 3 * 60_000);
    for (let i = 0; i < 20; i++) assert.equal(policy.onClosed(i * 60_000).restart, true, `crash ${i + 1}`);
  });

  test('after a stop, a crash long afterwards is restarted again', () => {
    const policy = new RestartPolicy(1, 1000);
    assert.equal(policy.onClosed(0).restart, true);
    assert.equal(policy.onClosed(10).restart, false);
    assert.equal(policy.onClosed(5000).restart, true);
  });
});
