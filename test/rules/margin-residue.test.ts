import { ruleTester } from './tester';
import { p, paras, r, watermark, wordCase } from './word';

const BODY = paras('2025年县文旅局工作总结', '全年开展专题学习12次。');

ruleTester('margin-residue', {
  valid: [
    // In a text draft this is template-residue's to report, not this rule's.
    '仅供学习参考\n2025年县文旅局工作总结',
    { name: "the unit's name, a page number and a classification mark", ...wordCase({ body: BODY, header: paras('县文化和旅游局', '内部资料') + watermark('机密'), footer: paras('第 1 页 共 3 页', '2025-12-20') }) },
    { name: 'a watermark of the draft stage', ...wordCase({ body: BODY, header: watermark('征求意见稿') }) },
    { name: "the unit's own website in its letterhead", ...wordCase({ body: BODY, header: paras('县文化和旅游局 www.example.gov.cn') }) },
  ],
  invalid: [
    {
      name: "a site's header, a footer address and a 样稿 watermark",
      ...wordCase({ body: BODY, header: paras('XX范文网 仅供学习参考') + watermark('样稿'), footer: paras('更多资料请访问 www.example.invalid') }),
      findings: [
        { line: 0, text: '', message: /页眉中的「XX范文网 仅供学习参考」是模板网站留下的网站名称/, severity: 'error', data: { region: 'header', paragraph: 2 } },
        { line: 0, text: '', message: /页脚中的「更多资料请访问 www.example.…」是模板网站留下的网址/, data: { region: 'footer', paragraph: 4 } },
        // The watermark's paragraph is the header paragraph that holds its shape.
        { line: 0, text: '', message: /水印「样稿」是模板网站留下的样稿水印/, data: { region: 'header', paragraph: 3 } },
      ],
    },
    {
      name: 'a watermark that is also its header paragraph’s text (as LibreOffice writes it) is reported once',
      ...wordCase({ body: BODY, header: p(r('样稿') + `<w:r><w:pict><v:shape type="#_x0000_t136"><v:textpath string="样稿"/></v:shape></w:pict></w:r>`) }),
      findings: [{ line: 0, text: '', message: /页眉中的「样稿」/, data: { region: 'header', paragraph: 2 } }],
    },
    {
      name: 'a header notice in the residue data (仅供学习参考) alone',
      ...wordCase({ body: BODY, header: paras('本文仅供学习交流使用') }),
      findings: [{ line: 0, text: '', message: /水印/ }],
    },
  ],
});

ruleTester('margin-residue', {
  suite: 'beside residue of the text',
  invalid: [
    {
      name: "a header's notice is kept when the first line of the text holds a site's mark too",
      ...wordCase({ body: paras('##paidbegin##2025年县文旅局工作总结', '全年开展专题学习12次。'), header: paras('XX范文网') }),
      findings: [{ line: 0, text: '', message: /页眉中的「XX范文网」/ }],
    },
  ],
});
