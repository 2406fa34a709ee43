/**
 * document-properties: a Word file's properties (作者, 单位, 标题…) that name
 * the template site the file came from. Anyone can read them under
 * 文件—信息—属性, and they go wherever the file goes.
 */
import wordData from '../data/word.json';
import { RuleFinding, lineRange } from '../engine/types';
import { DocumentRule, RuleContext } from './rule';
import { excerpt } from './word-place';

const SITE = wordData.property.map((p) => new RegExp(p));

const PROPERTY_NAMES: Record<string, string> = {
  creator: '作者',
  lastModifiedBy: '最后修改者',
  company: '单位',
  manager: '经理',
  title: '标题',
  subject: '主题',
  keywords: '标记',
  description: '备注',
  category: '类别',
  template: '模板',
};

export const documentPropertiesRule: DocumentRule = {
  id: 'document-properties',
  docs: {
    title: '文档属性残留',
    summary: 'Word 文档的作者、单位等属性是模板网站的',
    readme: { problem: '文档属性残留（Word）', examples: '作者为“XX范文网”、单位为“www.…”' },
    hover: {
      explanation:
        '文档属性（作者、单位、标题等）中是模板网站的名称或网址，说明文件是从网站下载的模板，属性没有改。别人在“文件—信息—属性”中一眼就能看到。请把这些属性改为本单位的信息，或删除（Word：文件—信息—检查问题—检查文档—文档属性和个人信息）。',
      wrong: '作者：XX范文网',
      right: '作者：县文旅局办公室',
    },
    details: [
      '只检查 Word 文档（.docx）的属性：作者、最后修改者、单位、经理、标题、主题、标记、备注、类别、模板。',
      '值中含有模板网站的名称或网址（「××范文网」「文库」「模板」「www.……」「公众号」「QQ」「下载」等）时报告。',
      '个人姓名、单位名称、“Administrator”等一般的属性值不报告。VS Code 中问题标在视图的第一行，命令行写作 `文档属性`。',
      '',
      '- 错误示例：作者属性是「XX范文网」。',
      '- 正确示例：作者属性改为本单位或起草人。',
    ],
  },
  defaultSeverity: 'warning',
  fixable: false,
  scope: 'document',
  check(ctx: RuleContext): RuleFinding[] {
    const out: RuleFinding[] = [];
    for (const p of ctx.word?.properties ?? []) {
      const name = PROPERTY_NAMES[p.name];
      if (!name || !SITE.some((re) => re.test(p.value))) continue;
      out.push({
        message: `文档属性“${name}”是「${excerpt(p.value)}」，是模板网站留下的：请在“文件—信息—属性”中改为本单位的信息或删除。`,
        range: lineRange(0, 0, 0),
        data: { region: 'document', property: p.name, value: p.value },
      });
    }
    return out;
  },
};
