// Writes the snippets the extension contributes — snippets/plaintext.json and
// snippets/markdown.json — from the data below.
//
// The whole-report skeletons are assembled from the same theme paragraphs as
// the single snippets, and VS Code numbers tabstops per snippet, so writing
// them by hand would mean renumbering every tabstop whenever a theme changes.
// Here each piece marks its fields with tokens and the numbering is computed.
//
//   node snippets/build.mjs           write both files
//   node snippets/build.mjs --check   exit 1 if a file is not up to date
//
// Lines are written with Markdown heading marks ('# ' title, '## ' top-level
// heading, '### ' sub-heading). The plain-text snippets drop the marks and put
// one paragraph per line, as these reports are written in Word or a text box;
// the Markdown snippets keep them and separate blocks with a blank line so the
// rendered document keeps its paragraphs.
//
// Tokens inside the texts:
//   {unit}   the unit's name; one tabstop, mirrored wherever it recurs
//   {org}    党委/党组/…; one choice tabstop, mirrored
//   {year}   the year of the report, defaulting to the current year
//   {next}   the year of the plans (总结及打算); default 20XX
//   {half}   上半年/下半年; one choice tabstop, mirrored
//   {n}      a count; a new tabstop each time, default X
//   {c:a|b}  a choice tabstop of its own
//   {t:…}    a free tabstop with that default text
//   {no:一|二} the number of a heading, a choice tabstop
//
// Counts and names default to X / XX单位 / 20XX on purpose: they are facts only
// the writer knows, and Zongjie marks them as placeholders until they are filled,
// so the status bar counts what is left and 「跳到下一个占位符」 walks through them.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = dirname(fileURLToPath(import.meta.url));
const OUTPUTS = { plaintext: join(DIR, 'plaintext.json'), markdown: join(DIR, 'markdown.json') };

/** Themes of the work done: sub-heading and a paragraph in the genre's style. */
const THEMES = {
  leadership: {
    prefix: 'zzld',
    heading: '加强组织领导，压实主体责任',
    body: '{org}把意识形态工作纳入重要议事日程，全年召开{n}次会议专题研究部署意识形态工作，制定意识形态工作责任清单，明确主要负责同志第一责任人责任和班子成员“一岗双责”，形成一级抓一级、层层抓落实的工作格局。',
  },
  theory: {
    prefix: 'llwz',
    heading: '强化理论武装，筑牢思想根基',
    body: '坚持把学习贯彻习近平新时代中国特色社会主义思想作为首要政治任务，严格落实理论学习中心组学习制度，全年开展中心组集体学习{n}次、专题研讨{n}次，组织党员干部参加各类学习培训{n}人次。',
  },
  positions: {
    prefix: 'zdjs',
    heading: '加强阵地建设，守好管好各类阵地',
    body: '严格落实“谁主管谁负责、谁主办谁负责”原则，对报告会、研讨会、讲座论坛实行审批备案管理，全年审核各类活动{n}场，排查宣传栏、电子显示屏等阵地{n}处，做到守土有责、守土负责、守土尽责。',
  },
  guidance: {
    prefix: 'ylyd',
    heading: '坚持正面宣传，加强舆论引导',
    body: '围绕中心工作和重大主题开展宣传，通过门户网站、微信公众号等平台发布信息{n}条，在市级以上媒体刊发稿件{n}篇，讲好本单位故事，凝聚干事创业的正能量。',
  },
  online: {
    prefix: 'wlys',
    heading: '加强网络管理，维护网络意识形态安全',
    body: '健全网络舆情监测、研判、处置工作机制，规范单位网站、政务新媒体和工作群的日常管理，全年监测处置网络舆情{n}起，未发生重大网络舆情事件。',
  },
  team: {
    prefix: 'dwjs',
    heading: '加强队伍建设，提升履职能力',
    body: '选优配强宣传思想工作力量，组织宣传干部和信息员参加业务培训{n}次，着力提升新闻写作、舆情应对和新媒体运营能力。',
  },
  culture: {
    prefix: 'jswm',
    heading: '培育和践行社会主义核心价值观，推进精神文明建设',
    body: '深入开展文明创建和志愿服务活动，全年组织主题宣传教育活动{n}场，选树先进典型{n}个，营造崇德向善、见贤思齐的良好氛围。',
  },
  accountability: {
    prefix: 'khwz',
    heading: '健全工作机制，强化考核问责',
    body: '把意识形态工作纳入党建工作责任制和年度综合考核，开展专项督导检查{n}次，对发现的问题建立台账、明确时限、逐项整改。',
  },
};

/** Problems and plans: 一是/二是/三是 lines, each a choice of the usual wordings. */
const PROBLEMS = [
  '一是{c:理论学习的深度和广度还不够，学用结合不够紧密|理论学习形式较为单一，学习效果有待提升|个别党员干部对意识形态工作重要性的认识还不到位}。',
  '二是{c:阵地管理还有薄弱环节，对新媒体平台的管理还需加强|网络意识形态工作力量不足，舆情研判处置能力有待提高|意识形态工作责任制落实存在上热中温下冷现象}。',
  '三是{c:宣传工作方式创新不够，宣传作品的吸引力和感染力还不强|宣传思想队伍专业能力不足，业务培训还不够系统|工作机制还不够健全，督促检查和考核的力度还需加大}。',
];
const PROBLEMS_INTRO = '对照上级要求，{org}意识形态工作还存在一些不足：';

const PLANS = [
  '一是深化理论武装，持续推动党的创新理论入脑入心、见行见效。',
  '二是压实工作责任，严格落实意识形态工作责任制，层层传导压力。',
  '三是加强阵地管理，压紧压实各类阵地主管主办责任，守牢网络意识形态阵地。',
  '四是创新宣传方式，建强宣传思想工作队伍，不断提高舆论引导水平。',
];
const PLANS_INTRO = '下一步，{org}将针对存在的问题，重点抓好以下工作：';

const SITUATION = '总体看，本单位意识形态领域形势总体向好，主流积极健康，干部职工思想稳定。同时也要看到，网络信息传播快、影响广，各种社会思潮相互交织，意识形态工作面临新的风险挑战，必须始终保持清醒头脑，牢牢掌握意识形态工作领导权、管理权、话语权。';

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function subheadings(themeIds) {
  return themeIds.flatMap((id, i) => [`### （${CN[i]}）${THEMES[id].heading}`, THEMES[id].body]);
}

/** The closing block (落款, GB/T 9704—2012 7.3.5): the unit's name and the date the report was written. */
const CLOSING = ['{unit}', '{year}年{t:X月X日}'];

/** The four whole-report skeletons. */
const SKELETONS = [
  {
    name: '年度意识形态工作总结',
    prefix: 'ndzj',
    description: '年度意识形态工作总结的完整框架：标题、导语、主要工作开展情况（六个方面）、存在的问题、下一步工作打算、落款',
    lines: [
      '# {unit}{year}年度意识形态工作总结',
      '{year}年，{org}坚持以习近平新时代中国特色社会主义思想为指导，认真落实意识形态工作责任制，牢牢掌握意识形态工作领导权、管理权、话语权。现将全年工作情况总结如下。',
      '## 一、主要工作开展情况',
      ...subheadings(['leadership', 'theory', 'positions', 'guidance', 'online', 'team']),
      '## 二、存在的问题',
      PROBLEMS_INTRO,
      ...PROBLEMS,
      '## 三、下一步工作打算',
      PLANS_INTRO,
      ...PLANS,
      ...CLOSING,
    ],
  },
  {
    name: '半年意识形态工作总结',
    prefix: 'bnzj',
    description: '半年意识形态工作总结的完整框架：标题、导语、主要工作开展情况（四个方面）、存在的问题、下一步工作打算、落款',
    lines: [
      '# {unit}{year}年{half}意识形态工作总结',
      '{half}以来，{org}认真落实意识形态工作责任制，扎实推进各项工作。现将{half}意识形态工作情况总结如下。',
      '## 一、主要工作开展情况',
      ...subheadings(['leadership', 'theory', 'positions', 'guidance']),
      '## 二、存在的问题',
      PROBLEMS_INTRO,
      ...PROBLEMS,
      '## 三、下一步工作打算',
      PLANS_INTRO,
      ...PLANS.slice(0, 3),
      ...CLOSING,
    ],
  },
  {
    name: '意识形态工作责任制落实情况报告',
    prefix: 'zrzls',
    description: '意识形态工作责任制落实情况报告的完整框架：责任制落实情况（五个方面）、意识形态领域形势研判分析、存在的问题、下一步工作打算、落款',
    lines: [
      '# {unit}{year}年度意识形态工作责任制落实情况报告',
      '按照意识形态工作责任制有关要求，现将{org}{year}年度落实意识形态工作责任制情况报告如下。',
      '## 一、意识形态工作责任制落实情况',
      ...subheadings(['leadership', 'theory', 'positions', 'online', 'accountability']),
      '## 二、意识形态领域形势研判分析',
      SITUATION,
      '## 三、存在的问题',
      PROBLEMS_INTRO,
      ...PROBLEMS,
      '## 四、下一步工作打算',
      PLANS_INTRO,
      ...PLANS,
      ...CLOSING,
    ],
  },
  {
    name: '意识形态工作总结及下年工作打算',
    prefix: 'zjjh',
    description: '意识形态工作总结及下一年工作打算的完整框架：本年工作开展情况（五个方面）、存在的问题、下一年工作打算、落款',
    lines: [
      '# {unit}{year}年意识形态工作总结及{next}年工作打算',
      '{year}年，{org}坚持以习近平新时代中国特色社会主义思想为指导，全面落实意识形态工作责任制。现将本年度工作总结及{next}年工作打算报告如下。',
      '## 一、{year}年意识形态工作开展情况',
      ...subheadings(['leadership', 'theory', 'guidance', 'culture', 'team']),
      '## 二、存在的问题',
      PROBLEMS_INTRO,
      ...PROBLEMS,
      '## 三、{next}年工作打算',
      PLANS_INTRO,
      ...PLANS,
      ...CLOSING,
    ],
  },
];

/** Single top-level headings, each offering the usual wordings and numbers. */
const HEADINGS = [
  {
    name: '主要工作开展情况（一级标题）',
    prefix: 'zygz',
    description: '一级标题「主要工作开展情况」，可选常见的其他写法',
    lines: ['## {no:一|二|三|四|五}、{c:主要工作开展情况|工作开展情况|主要做法和成效|主要工作完成情况|意识形态工作责任制落实情况}', '{t:}'],
  },
  {
    name: '意识形态领域形势研判分析（一级标题）',
    prefix: 'xsyp',
    description: '一级标题「意识形态领域形势研判分析」（可选部分），可选常见的其他写法',
    lines: ['## {no:二|三|四|五}、{c:意识形态领域形势研判分析|当前意识形态领域情况研判分析|意识形态领域形势分析}', '{t:}'],
  },
  {
    name: '存在的问题（一级标题）',
    prefix: 'czwt',
    description: '一级标题「存在的问题」及“一是、二是、三是”，可选常见的其他写法',
    lines: ['## {no:二|三|四|五}、{c:存在的问题|存在问题及不足|主要问题|存在的主要问题|问题和不足}', ...PROBLEMS],
  },
  {
    name: '下一步工作打算（一级标题）',
    prefix: 'xybdsa',
    description: '一级标题「下一步工作打算」及“一是、二是、三是”，可选常见的其他写法',
    lines: ['## {no:三|四|五|六}、{c:下一步工作打算|下步工作措施|下一步工作计划|下一步工作安排}', ...PLANS.slice(0, 3)],
  },
];

/** Runs of 一是/二是/三是. */
const RUNS = [
  {
    name: '一是、二是、三是（同一段）',
    prefix: 'yss',
    description: '在同一段中列举“一是……二是……三是……”',
    lines: ['一是{t:}；二是{t:}；三是{t:}。'],
  },
  {
    name: '一是、二是、三是（分行）',
    prefix: 'yssfh',
    description: '分行列举“一是……”“二是……”“三是……”，每项一行',
    lines: ['一是{t:}。', '二是{t:}。', '三是{t:}。'],
  },
];

/** Escapes text for a snippet body ($, } and \ are syntax there). */
function esc(s) {
  return s.replace(/[\\$}]/g, (c) => '\\' + c);
}
/** Escapes one option of a choice (also , and |). */
function escChoice(s) {
  return s.replace(/[\\$}|,]/g, (c) => '\\' + c);
}

/** Turns token text into snippet body lines, numbering tabstops in order of appearance. */
function render(lines) {
  let next = 1;
  const shared = new Map();
  const once = (key, make) => {
    if (shared.has(key)) return `\${${shared.get(key)}}`;
    const n = next++;
    shared.set(key, n);
    return make(n);
  };
  const token = /\{(unit|org|year|next|half|n|c|t|no)(?::([^{}]*))?\}/g;
  const field = (kind, arg) => {
    switch (kind) {
      case 'unit':
        return once('unit', (n) => `\${${n}:XX单位}`);
      case 'org':
        return once('org', (n) => `\${${n}|${['党委', '党组', '党支部', '党工委', '局党组', '镇党委'].map(escChoice).join(',')}|}`);
      case 'year':
        return once('year', (n) => `\${${n}:\${CURRENT_YEAR}}`);
      case 'next':
        return once('next', (n) => `\${${n}:20XX}`);
      case 'half':
        return once('half', (n) => `\${${n}|上半年,下半年|}`);
      case 'n':
        return `\${${next++}:X}`;
      case 'c':
      case 'no':
        return `\${${next++}|${arg.split('|').map(escChoice).join(',')}|}`;
      case 't':
        return arg ? `\${${next++}:${esc(arg)}}` : `\$${next++}`;
    }
    throw new Error(`unknown token ${kind}`);
  };
  // Literal text is escaped, tokens become fields, in order of appearance.
  const body = lines.map((line) => {
    let out = '';
    let at = 0;
    for (const m of line.matchAll(token)) {
      out += esc(line.slice(at, m.index)) + field(m[1], m[2]);
      at = m.index + m[0].length;
    }
    return out + esc(line.slice(at));
  });
  // The cursor ends after the last line, ready for the writer's own text.
  body[body.length - 1] += '$0';
  return body;
}

/** The lines of one snippet in the given flavour (see the file comment). */
function flavour(lines, kind) {
  if (kind === 'plaintext') return lines.map((l) => l.replace(/^#+ /, ''));
  return lines.flatMap((l, i) => (i === 0 ? [l] : ['', l]));
}

/**
 * The snippets of the other genres, from their profiles
 * (server/src/profiles/*.json, field `snippets`): the skeleton of each genre
 * and its part headings, written with the same tokens and heading marks.
 */
function profileSnippets() {
  const dir = join(DIR, '..', 'server', 'src', 'profiles');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')).snippets ?? []).map((s) => ({ name: s.name, prefix: s.prefix, description: s.description ?? s.name, lines: s.body, genre: f.replace(/\.json$/, '') })));
}

function allSnippets() {
  const list = [...SKELETONS, ...HEADINGS, ...profileSnippets()];
  for (const t of Object.values(THEMES)) {
    list.push({
      name: `（二级标题）${t.heading}`,
      prefix: t.prefix,
      description: `二级标题「${t.heading}」及一段常见写法`,
      lines: [`### （{no:${CN.slice(0, 8).join('|')}}）${t.heading}`, t.body],
    });
  }
  list.push(...RUNS);
  const seen = new Set();
  for (const s of list) {
    if (seen.has(s.prefix) || seen.has(s.name)) throw new Error(`duplicate snippet ${s.prefix} ${s.name}`);
    seen.add(s.prefix).add(s.name);
  }
  return list;
}

function snippetsJson(kind) {
  const out = {};
  for (const s of allSnippets()) out[s.name] = { prefix: s.prefix, body: render(flavour(s.lines, kind)), description: s.description };
  return JSON.stringify(out, null, 2) + '\n';
}

let stale = false;
for (const [kind, file] of Object.entries(OUTPUTS)) {
  const text = snippetsJson(kind);
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {}
    if (current !== text) {
      console.error(`${file} is out of date: run node snippets/build.mjs`);
      stale = true;
    }
  } else {
    writeFileSync(file, text);
    console.log(`wrote ${file}`);
  }
}
if (stale) process.exit(1);
