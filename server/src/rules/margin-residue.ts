/**
 * margin-residue: a template site's text in a Word file's headers, footers
 * and watermarks — a header saying 仅供学习参考, a site's name or address in
 * the footer, a 样稿 watermark behind every page. None of it is in the text
 * the other rules read, yet it prints on every page.
 */
import wordData from '../data/word.json';
import { detectLineResidue } from '../engine/residue';
import { RuleFinding } from '../engine/types';
import { WordPlace } from '../engine/word-facts';
import { DocumentRule, RuleContext } from './rule';
import { REGION_NAMES, excerpt, placeData, placeRange } from './word-place';

const MARGIN_PATTERNS = wordData.margin.map((p) => ({ re: new RegExp(p.pattern), label: p.label }));
/** A unit's own address in its letterhead (a government site) is no template site's. */
const OWN_SITE = new RegExp(wordData.marginExcept);
/** Residue of pasted web text that a header or footer holds by right (第 1 页, a date). */
const IGNORED = new Set<string>(wordData.marginIgnoredResidue);

/** The label of the site's text `text` holds, or null. */
function residueLabel(text: string): string | null {
  const t = text.trim();
  if (t === '' || OWN_SITE.test(t)) return null;
  for (const p of MARGIN_PATTERNS) if (p.re.test(t)) return p.label;
  const found = detectLineResidue(t, 0, 0, t.length).regions.find((r) => !IGNORED.has(r.label));
  return found ? found.label : null;
}

export const marginResidueRule: DocumentRule = {
  id: 'margin-residue',
  docs: {
    title: '页眉页脚水印残留',
    summary: 'Word 文档的页眉、页脚或水印中有模板网站的文字',
    readme: { problem: '页眉、页脚、水印残留（Word）', examples: '页眉“仅供学习参考”、页脚网址、“样稿”水印' },
    hover: {
      explanation:
        '文档的页眉、页脚或水印中有模板网站留下的文字（“仅供学习参考”“样稿”、网站名称或网址）。它们不在正文里，却会印在每一页上。请在 Word 或 WPS 中双击页眉或页脚删除这些文字，水印在“设计—水印—删除水印”中去掉。',
      wrong: '页眉：XX范文网 仅供学习参考',
      right: '页眉：（空，或本单位名称）',
    },
    details: [
      '只检查 Word 文档（.docx）的页眉、页脚和水印（艺术字），报告其中模板网站留下的文字：',
      '- 水印和声明：「仅供学习参考」「仅供参考」「样稿」「范文」「模板」；',
      '- 网站名称和网址：「××范文网」「××文库」「www.……」；',
      '- 广告：「公众号」「QQ」「客服」等。',
      '',
      '页眉页脚中的单位名称、文件名称、页码、本单位的政府网站地址（`.gov.cn`）和“机密”“内部资料”等密级标志不报告。',
      '这些文字不在正文里：VS Code 中问题标在视图的第一行，消息中说明它在页眉、页脚还是水印中；命令行给出它所在的段落（如 `第40段（页眉）`）。',
      '',
      '- 错误示例：页眉里留着「XX范文网 仅供学习参考」，或每页背后有「样稿」水印。',
      '- 正确示例：删除页眉中的网站文字，并删除水印。',
    ],
  },
  defaultSeverity: 'error',
  fixable: false,
  scope: 'document',
  check(ctx: RuleContext): RuleFinding[] {
    const word = ctx.word;
    if (!word) return [];
    const out: RuleFinding[] = [];
    // A watermark converted by another program can also be the text of its header paragraph: said once.
    const said = new Set<string>();
    const report = (place: WordPlace, text: string, label: string, what: string) => {
      const key = `${place.paragraph}:${text.trim()}`;
      if (said.has(key)) return;
      said.add(key);
      out.push({
        message: `${what}「${excerpt(text)}」是模板网站留下的${label}，会印在每一页上，提交前请删除。`,
        range: placeRange(place),
        data: placeData(place, { label, text }),
      });
    };
    for (const m of word.margins) {
      const label = residueLabel(m.text);
      if (label) report({ region: m.region, paragraph: m.paragraph }, m.text, label, REGION_NAMES[m.region] + '中的');
    }
    for (const f of word.facts) {
      if (f.kind !== 'watermark' && f.kind !== 'wordart') continue;
      const label = residueLabel(f.text);
      if (label) report(f, f.text, label === '样稿水印' ? label : `水印（${label}）`, f.kind === 'watermark' ? '水印' : '艺术字');
    }
    return out;
  },
};
