// Packages the extension into a VSIX with @vscode/vsce (run by `npm run package`
// after the build), then checks the VSIX itself: everything the extension needs
// at run time is in it, nothing else is.
//
//   node client/scripts/package-vsix.mjs [--out FILE] [--target [PLATFORM]]
//
// One VSIX for every platform (no vsce --target). It carries nodejieba's native
// binary as built on the packaging machine when there is one: where that binary
// loads (the same platform and architecture), the server segments with it;
// everywhere else (Windows, macOS, Linux on ARM64, an Electron it was not built
// for) nodejieba fails to load and the server uses the portable segmenter
// (server/src/segmenter/portable.ts), which cuts the same words from the same
// dictionaries. `--target` still makes a platform-specific package on request.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVSIX } from '@vscode/vsce';
import { listZip, summarize, vsixProblems } from './vsix.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** vsce's name for this machine's platform. */
export function vsceTarget() {
  const arch = process.arch;
  if (process.platform === 'linux') {
    // musl (Alpine) Node reports no glibc version.
    const glibc = process.report?.getReport?.().header?.glibcVersionRuntime;
    return `${glibc ? 'linux' : 'alpine'}-${arch}`;
  }
  return `${process.platform}-${arch}`;
}

/** Runtime files the build writes besides the two bundles: the segmenter worker and its dictionaries. */
function distRuntimeFiles() {
  const out = [];
  const dist = join(ROOT, 'dist');
  if (existsSync(join(dist, 'segmenter-worker.js'))) out.push('segmenter-worker.js');
  const dict = join(dist, 'dict');
  if (existsSync(dict)) for (const f of readdirSync(dict)) if (statSync(join(dict, f)).isFile()) out.push(`dict/${f}`);
  return out;
}

export async function packageVsix(out, target = undefined) {
  for (const f of ['dist/extension.js', 'dist/server.js', 'dist/server-main.js']) {
    if (!existsSync(join(ROOT, f))) throw new Error(`${f} is missing: run npm run build first`);
  }
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const packagePath = out ?? join(ROOT, `${manifest.name}-${manifest.version}${target ? `-${target}` : ''}.vsix`);
  const hasLicense = readdirSync(ROOT).some((f) => /^licen[cs]e(\.(md|txt))?$/i.test(f));
  await createVSIX({
    cwd: ROOT,
    packagePath,
    target,
    // Only nodejieba is used at run time, and only where its binary loads; everything else is in the bundles.
    dependencies: existsSync(join(ROOT, 'node_modules', 'nodejieba', 'package.json')),
    packagedDependencies: ['nodejieba'],
    // The README links to docs/ in the repository; the repository URL is not a
    // GitHub one vsce could rewrite links to, and the linked files ship in the VSIX.
    rewriteRelativeLinks: false,
    skipLicense: !hasLicense,
    // The project has no public repository yet, and a made-up URL would be a dead
    // link on both marketplaces' pages: the manifest names none until there is one
    // (test/client/open-vsx.test.ts checks any link it names). Without this, vsce
    // stops to ask whether to go on.
    allowMissingRepository: !manifest.repository,
  });
  const entries = listZip(packagePath);
  const problems = vsixProblems(entries, distRuntimeFiles());
  const bytes = statSync(packagePath).size;
  return { packagePath, target, entries, problems, bytes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const target = process.argv.includes('--target') ? arg('--target') ?? vsceTarget() : undefined;
  try {
    const r = await packageVsix(arg('--out'), target);
    console.log(`\n${relative(process.cwd(), r.packagePath)}: ${(r.bytes / 1024).toFixed(0)} KB, ${r.entries.length} files, ${r.target ? `target ${r.target}` : 'every platform'}`);
    for (const line of summarize(r.entries)) console.log('  ' + line);
    if (r.problems.length) {
      console.error('\nThe VSIX is not right:\n  ' + r.problems.join('\n  '));
      process.exitCode = 1;
    }
  } catch (e) {
    console.error(`packaging failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
