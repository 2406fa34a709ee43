/**
 * The VSIX that `npm run package` makes, checked against what the two
 * marketplaces accept, offline (publishing is the only way to ask them):
 *
 *  - vsce, the Visual Studio Marketplace's packager (also what `ovsx publish`
 *    packages with), must package it without a warning or a question;
 *  - Open VSX reads the package's extension.vsixmanifest and package.json and
 *    refuses what its server's ExtensionValidator refuses (namespace and name
 *    pattern, semantic version, characters and lengths of the texts, URLs,
 *    banner, markdown and qna values), an extension without a licence, and a
 *    zip entry carrying extra fields (ExtensionProcessor.isPotentiallyMalicious).
 *
 * And one rule of this project's own: a link the manifest names must be a
 * real https address, not a placeholder in a reserved domain (.invalid,
 * example.com): the manifest names no repository until there is a public one.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(__dirname, '../../..');

interface ZipEntry {
  name: string;
  size: number;
  extraLength: number;
}
interface VsixTools {
  listZip(file: string): ZipEntry[];
  readZipEntry(file: string, name: string): Buffer | undefined;
  localExtraLengths(file: string): { name: string; extraLength: number }[];
}

/** Open VSX's name pattern for namespaces (the publisher) and extensions. */
const NAME = /^[\w\-+$~]+$/;
/** Characters Open VSX refuses in texts: Java's CONTROL, FORMAT, UNASSIGNED, PRIVATE_USE, LINE_ and PARAGRAPH_SEPARATOR. */
const BAD_CHARACTER = /[\p{Cc}\p{Cf}\p{Cn}\p{Co}\p{Zl}\p{Zp}]/u;
const ZERO_WIDTH_JOINER = /\u200d/g;
/** Domains that can never be a project's real address (RFC 2606, RFC 6761). */
const RESERVED_HOST = /(^|\.)(invalid|test|example|localhost|local)$|(^|\.)example\.(com|net|org)$/i;

/** What Open VSX's ExtensionValidator says about the metadata it reads from a VSIX (its messages, shortened). */
function openVsxIssues(vsixManifest: string, packageJson: Record<string, unknown>): string[] {
  const issues: string[] = [];
  const attr = (tag: string, name: string) => new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(vsixManifest)?.[1];
  const element = (tag: string) => new RegExp(`<${tag}\\b[^>]*>([^<]*)</${tag}>`).exec(vsixManifest)?.[1];
  const property = (id: string) => new RegExp(`<Property Id="${id.replace(/\./g, '\\.')}" Value="([^"]*)"`).exec(vsixManifest)?.[1];
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const text = (field: string, value: string | undefined, limit: number, allowed?: RegExp) => {
    if (value === undefined || value === '') return;
    if (BAD_CHARACTER.test(allowed ? value.replace(allowed, '') : value)) issues.push(`Invalid character found in field '${field}'`);
    if (value.length > limit) issues.push(`The field '${field}' exceeds the current limit of ${limit} characters.`);
  };
  const url = (field: string, value: string | undefined) => {
    if (!value) return;
    const v = value.startsWith('git+') ? value.slice(4) : value;
    let u: URL | undefined;
    try {
      u = new URL(v);
    } catch {
      // not an absolute URL
    }
    if (!u || (/^https?:$/.test(u.protocol) && !u.hostname)) issues.push(`Invalid URL in field '${field}': ${value}`);
    if (value.length > 255) issues.push(`The field '${field}' exceeds the current limit of 255 characters.`);
  };

  const namespace = attr('Identity', 'Publisher') ?? '';
  const name = attr('Identity', 'Id') ?? '';
  if (!NAME.test(namespace) || namespace.length > 255) issues.push(`Invalid namespace name: ${namespace}`);
  if (!NAME.test(name) || name.length > 255) issues.push(`Invalid extension name: ${name}`);
  const version = attr('Identity', 'Version') ?? '';
  if (!/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/.test(version)) {
    issues.push('Invalid semantic version.');
  }
  if (['latest', 'pre-release', 'reviews'].includes(version)) issues.push(`The version string '${version}' is reserved.`);
  const platform = attr('Identity', 'TargetPlatform');
  if (platform !== undefined) issues.push(`a package for one platform (${platform}), not one for every platform`);
  text('displayName', unescape(element('DisplayName') ?? ''), 255);
  text('description', unescape(element('Description') ?? ''), 2048, ZERO_WIDTH_JOINER);
  for (const c of (element('Categories') ?? '').split(',').filter(Boolean)) text('categories', unescape(c), 255);
  for (const t of (element('Tags') ?? '').split(',').filter(Boolean)) text('keywords', unescape(t), 255);
  const license = packageJson.license;
  if (typeof license !== 'string' || license === '') issues.push('This extension cannot be accepted because it has no license.');
  else text('license', license, 255);
  url('homepage', property('Microsoft.VisualStudio.Services.Links.Learn'));
  url('repository', property('Microsoft.VisualStudio.Services.Links.Source'));
  url('bugs', property('Microsoft.VisualStudio.Services.Links.Support'));
  const markdown = packageJson.markdown;
  if (typeof markdown === 'string' && markdown !== '' && !['github', 'standard'].includes(markdown)) issues.push(`Invalid value in field 'markdown': ${markdown}`);
  const color = property('Microsoft.VisualStudio.Services.Branding.Color');
  text('galleryBanner.color', color, 16);
  const theme = property('Microsoft.VisualStudio.Services.Branding.Theme');
  if (theme && !['dark', 'light'].includes(theme)) issues.push(`Invalid value in field 'galleryBanner.theme': ${theme}`);
  const qna = packageJson.qna;
  if (typeof qna === 'string' && qna !== '' && !['marketplace', 'false'].includes(qna) && !URL.canParse(qna)) issues.push(`Invalid value in field 'qna': ${qna}`);
  return issues;
}

/** Links of the manifest that point nowhere real (this project's rule, not a marketplace's). */
function placeholderLinks(vsixManifest: string): string[] {
  const out: string[] = [];
  for (const m of vsixManifest.matchAll(/<Property Id="Microsoft\.VisualStudio\.Services\.Links\.(\w+)" Value="([^"]*)"/g)) {
    const value = m[2].replace(/^git\+/, '');
    let host = '';
    let protocol = '';
    try {
      ({ hostname: host, protocol } = new URL(value));
    } catch {
      // Open VSX's check reports it
    }
    if (protocol !== 'https:' || RESERVED_HOST.test(host)) out.push(`${m[1]}: ${m[2]}`);
  }
  return out;
}

describe('the VSIX as both marketplaces take it', () => {
  let vsix = '';
  let tools: VsixTools;
  let warnings: string[] = [];
  let vsixManifest = '';
  let packageJson: Record<string, unknown> = {};

  before(async () => {
    vsix = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zongjie-ovsx-')), 'zongjie.vsix');
    const { packageVsix } = await import(pathToFileURL(path.join(ROOT, 'client', 'scripts', 'package-vsix.mjs')).href);
    tools = await import(pathToFileURL(path.join(ROOT, 'client', 'scripts', 'vsix.mjs')).href);
    // vsce says what it does not like through console.warn (and stops to ask on some).
    const warn = console.warn;
    const log = console.log;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    console.log = () => undefined;
    try {
      const r = await packageVsix(vsix);
      assert.deepEqual(r.problems, []);
    } finally {
      console.warn = warn;
      console.log = log;
    }
    vsixManifest = tools.readZipEntry(vsix, 'extension.vsixmanifest')!.toString('utf8');
    packageJson = JSON.parse(tools.readZipEntry(vsix, 'extension/package.json')!.toString('utf8'));
  });

  after(() => fs.rmSync(path.dirname(vsix), { recursive: true, force: true }));

  test('vsce packages it without a warning', () => {
    assert.deepEqual(warnings, []);
  });

  test('Open VSX would accept its metadata: one package for every platform, a licence, valid names, texts and links', () => {
    assert.deepEqual(openVsxIssues(vsixManifest, packageJson), []);
    // The marketplace pages show the translated texts, not the %key% of package.json.
    assert.match(vsixManifest, /<DisplayName>[^%<]+<\/DisplayName>/);
    assert.match(vsixManifest, /<Description xml:space="preserve">[^%<]+<\/Description>/);
  });

  test('no zip entry carries extra fields (Open VSX refuses such a package as potentially harmful)', () => {
    const withExtra = [...tools.listZip(vsix), ...tools.localExtraLengths(vsix)].filter((e) => e.extraLength > 0).map((e) => e.name);
    assert.deepEqual(withExtra, []);
  });

  test('the licence, the icon (PNG), the README and the CHANGELOG are assets of the package, and each is in it', () => {
    const names = new Set(tools.listZip(vsix).map((e) => e.name));
    const asset = (type: string) => new RegExp(`<Asset Type="${type.replace(/\./g, '\\.')}" Path="([^"]+)"`).exec(vsixManifest)?.[1];
    for (const type of ['Microsoft.VisualStudio.Code.Manifest', 'Microsoft.VisualStudio.Services.Content.Details', 'Microsoft.VisualStudio.Services.Content.Changelog', 'Microsoft.VisualStudio.Services.Content.License', 'Microsoft.VisualStudio.Services.Icons.Default']) {
      const p = asset(type);
      assert.ok(p && names.has(p), `${type}: ${p}`);
    }
    const icon = tools.readZipEntry(vsix, asset('Microsoft.VisualStudio.Services.Icons.Default')!)!;
    assert.equal(icon.toString('latin1', 1, 4), 'PNG');
    assert.match(tools.readZipEntry(vsix, asset('Microsoft.VisualStudio.Services.Content.License')!)!.toString('utf8'), /^MIT License/);
    assert.equal(packageJson.license, 'MIT');
    assert.ok((packageJson.engines as Record<string, string>).vscode);
  });

  test('every link it names is a real https address (none while the project has no public repository)', () => {
    assert.deepEqual(placeholderLinks(vsixManifest), []);
    for (const key of ['repository', 'homepage', 'bugs']) {
      const v = packageJson[key];
      const u = typeof v === 'string' ? v : (v as { url?: string } | undefined)?.url;
      if (u !== undefined) assert.match(u.replace(/^git\+/, ''), /^https:\/\//, key);
    }
  });
});

describe('the checks above can fail', () => {
  const good = (over: Record<string, string> = {}) => {
    const v = { publisher: 'zongjie', id: 'zongjie', version: '0.1.0', display: 'Zongjie', description: '检查工作总结', tags: 'lint,中文', platform: '', links: '', theme: 'dark', ...over };
    return (
      `<Metadata><Identity Language="en-US" Id="${v.id}" Version="${v.version}" Publisher="${v.publisher}"${v.platform} />` +
      `<DisplayName>${v.display}</DisplayName><Description xml:space="preserve">${v.description}</Description><Tags>${v.tags}</Tags><Categories>Linters</Categories>` +
      `<Properties>${v.links}<Property Id="Microsoft.VisualStudio.Services.Branding.Theme" Value="${v.theme}" /></Properties></Metadata>`
    );
  };
  test('each rule of Open VSX catches what it is there for', () => {
    const pkg = { license: 'MIT' };
    assert.deepEqual(openVsxIssues(good(), pkg), []);
    assert.deepEqual(openVsxIssues(good({ description: '检查\u200d工作总结' }), pkg), []);
    const cases: [Record<string, string>, Record<string, unknown>, RegExp][] = [
      [{ publisher: 'zong jie' }, pkg, /Invalid namespace name/],
      [{ id: 'zongjie.report' }, pkg, /Invalid extension name/],
      [{ version: '1.0' }, pkg, /semantic version/],
      [{ platform: ' TargetPlatform="linux-x64"' }, pkg, /one platform \(linux-x64\)/],
      [{ display: 'Zong\u0007jie' }, pkg, /field 'displayName'/],
      [{ description: 'x'.repeat(2049) }, pkg, /'description' exceeds/],
      [{ tags: 'lint,\ue000' }, pkg, /field 'keywords'/],
      [{ theme: 'blue' }, pkg, /galleryBanner\.theme/],
      [{ links: '<Property Id="Microsoft.VisualStudio.Services.Links.Source" Value="zongjie.git" />' }, pkg, /Invalid URL in field 'repository'/],
      [{}, {}, /has no license/],
      [{}, { license: 'MIT', markdown: 'gfm' }, /field 'markdown'/],
    ];
    for (const [over, p, issue] of cases) assert.match(openVsxIssues(good(over), p).join('\n'), issue, JSON.stringify(over));
  });

  test('a placeholder link is caught, a real one is not', () => {
    const link = (v: string) => `<Property Id="Microsoft.VisualStudio.Services.Links.Source" Value="${v}" />`;
    assert.deepEqual(placeholderLinks(link('https://example.invalid/zongjie.git')), ['Source: https://example.invalid/zongjie.git']);
    assert.deepEqual(placeholderLinks(link('https://www.example.com/x')), ['Source: https://www.example.com/x']);
    assert.deepEqual(placeholderLinks(link('http://git.unit.cn/zongjie.git')), ['Source: http://git.unit.cn/zongjie.git']);
    assert.deepEqual(placeholderLinks(link('git+https://git.unit.cn/zongjie.git')), []);
  });
});
