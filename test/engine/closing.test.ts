import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dateLine } from '../../server/src/engine/closing';

describe('dateLine', () => {
  test('finds the date at the end of a signature line, after the markup is stripped', () => {
    assert.deepEqual(dateLine('某某县委宣传部 2024年12月20日'), { start: 8, end: 19, year: 2024, month: 12, day: 20 });
  });

  test('a long line of running text is no date line', () => {
    assert.equal(dateLine('本单位认真落实意识形态工作责任制，定期研判形势，全年召开专题会议若干次，于2024年12月20日'), null);
  });

  test('markup and white space of every kind around a short line do not hide its date', () => {
    // Each of these is stripped before the length is compared, however much of it there is.
    for (const pad of [' ', '\t', '\u3000', '\u00a0', '\ufeff', '\u2003', '\u202f', '*', '_', '#', '>']) {
      const lead = pad === '#' || pad === '>' ? pad.repeat(30) + ' ' : pad.repeat(30);
      const trail = pad === '#' || pad === '>' ? '' : pad.repeat(30);
      const line = lead + '某某镇党委2024年12月20日' + trail;
      const found = dateLine(line);
      assert.ok(found, `padded with U+${pad.charCodeAt(0).toString(16)}`);
      assert.equal(line.slice(found.start, found.end), '2024年12月20日');
    }
  });

  test('an HTML tag around a short line does not hide its date', () => {
    const line = '<span style="font-family: 仿宋_GB2312; font-size: 16pt">某某镇党委2024年12月20日';
    assert.equal(dateLine(line)?.year, 2024);
  });
});
