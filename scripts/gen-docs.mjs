// Writes docs/rules.md and the README's table of checks from the rules' own
// documentation (the `docs` of each rule in server/src/rules/<id>.ts), through
// server/src/rules/render-docs.ts, bundled in memory with esbuild so that no
// earlier build is needed. With --check it writes nothing and exits 1 when a
// file is not what it would write.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

const bundle = await build({
  entryPoints: [join(root, 'server/src/rules/render-docs.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  write: false,
  logLevel: 'warning',
  external: ['nodejieba'],
});
const module = { exports: {} };
new Function('module', 'exports', 'require', bundle.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
const render = module.exports;

const files = [
  [render.RULES_MD_PATH, () => render.rulesMarkdown()],
  [render.README_PATH, (old) => render.readmeWithRules(old)],
];

let stale = 0;
for (const [file, make] of files) {
  const path = join(root, file);
  const old = readFileSync(path, 'utf8');
  const text = make(old);
  if (text === old) continue;
  if (check) {
    console.error(`${file} is out of date: run \`npm run docs\`.`);
    stale++;
  } else {
    writeFileSync(path, text);
    console.log(`wrote ${file}`);
  }
}
process.exitCode = stale ? 1 : 0;
