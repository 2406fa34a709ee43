// Checks the CLI against what ../shared/seeds/EXPECTED.md says of the five real drafts
// (structure, placeholders, residue, numbering). On demand: `npm run check:seeds`.
// The seeds are third-party texts kept outside the repository; the test suite
// uses our own drafts and does not need them.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? path.resolve('..', 'shared', 'seeds');
if (!existsSync(dir)) {
  console.log(`no seeds at ${dir}; nothing to check`);
  process.exit(0);
}

const expected = {
  '000': { placeholders: 26, reports: 1, residueLines: [[1, 1]], parts: [['achievements', 'achievements', 'achievements', 'problems*', 'next-steps*']], numbering: [] },
  '001': { placeholders: 37, reports: 1, residueLines: [[1, 9]], parts: [['achievements', 'problems', 'next-steps']], numbering: [] },
  '002': {
    placeholders: 30,
    reports: 6,
    reportLines: [3, 22, 39, 52, 67, 83],
    residueLines: [[26, 26], [91, 91]],
    parts: [
      ['achievements', 'problems', 'next-steps'],
      ['achievements', 'problems', 'next-steps'],
      ['achievements', 'achievements', 'achievements', 'achievements', 'problems*', 'next-steps*'],
      ['achievements', 'problems', 'next-steps*'],
      ['achievements', 'problems', 'next-steps'],
      ['achievements', 'achievements', 'achievements', 'achievements', 'problems', 'next-steps'],
    ],
    numbering: [55, 62],
  },
  '003': { placeholders: 5, reports: 1, residueLines: [[1, 1]], parts: [['achievements', 'achievements', 'achievements', 'problems*', 'next-steps*']], numbering: [] },
  '004': { placeholders: 5, reports: 1, residueLines: [], parts: [['achievements', 'problems', 'situation', 'next-steps']], numbering: [] },
};

let failures = 0;
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
};
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

for (const [prefix, exp] of Object.entries(expected)) {
  const file = execFileSync('sh', ['-c', `ls ${JSON.stringify(dir)}/${prefix}_*.txt`], { encoding: 'utf8' }).trim();
  let out;
  try {
    out = execFileSync(process.execPath, ['dist/cli.js', 'check', '--format', 'json', file], { encoding: 'utf8' });
  } catch (e) {
    out = e.stdout;
  }
  const f = JSON.parse(out).files[0];
  const d = f.diagnostics;
  const count = (code) => d.filter((x) => x.code === code).length;
  check(count('placeholder') === exp.placeholders, `${prefix}: ${count('placeholder')} placeholders (expected ${exp.placeholders})`);
  check(f.reports.length === exp.reports, `${prefix}: ${f.reports.length} reports (expected ${exp.reports})`);
  if (exp.reportLines) {
    const lines = f.reports.map((r) => r.title.line + 1);
    check(same(lines, exp.reportLines), `${prefix}: reports start at ${lines}`);
  }
  const residue = d.filter((x) => x.code === 'template-residue').map((x) => [x.range.start.line + 1, x.range.end.line + 1]);
  check(same(residue, exp.residueLines), `${prefix}: residue at ${JSON.stringify(residue)}`);
  const parts = f.reports.map((r) => r.sections.map((s) => s.slot + (s.headed ? '' : '*')));
  check(same(parts, exp.parts), `${prefix}: parts ${JSON.stringify(parts)}`);
  check(count('missing-section') === 0, `${prefix}: no missing-section`);
  const numbering = [...new Set(d.filter((x) => x.code === 'numbering').map((x) => x.range.start.line + 1))];
  check(same(numbering, exp.numbering), `${prefix}: numbering findings on lines ${JSON.stringify(numbering)}`);
  const errors = d.filter((x) => x.severity === 'error' && !['placeholder', 'template-residue'].includes(x.code));
  check(errors.length === 0, `${prefix}: no other error (${errors.map((x) => x.code).join(', ') || 'none'})`);
}
console.log(failures ? `${failures} checks failed` : 'all seed checks passed');
process.exitCode = failures ? 1 : 0;
