import { ruleTester } from './tester';
import { highlight, p, paras, r, wordCase } from './word';

ruleTester('marked-placeholder', {
  valid: [
    '2025年县文旅局工作总结\n全年开展专题学习12次。',
    { name: 'a Word file without marks', ...wordCase(paras('2025年县文旅局工作总结', '全年开展专题学习12次。')) },
    { name: 'a red title is emphasis, not a prompt', ...wordCase(p(r('2025年县文旅局工作总结', '<w:color w:val="FF0000"/>')) + paras('全年开展专题学习12次。')) },
    { name: "a web page's dark grey text, even saying 此处", ...wordCase(p(r('此处不再赘述。', '<w:color w:val="333333"/>'))) },
    { name: 'a highlighted blank is nothing to fill in', ...wordCase(p(r('全年开展专题学习12次。') + highlight('  '))) },
    {
      name: "a web page's grey and off-white background, pasted with the text, marks nothing",
      ...wordCase(p(r('全年开展专题学习12次。', '<w:shd w:val="clear" w:color="auto" w:fill="F5F5F5"/>') + r('开展研讨4次。', '<w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>'))),
    },
  ],
  invalid: [
    {
      name: 'yellow highlight, shading, a content control prompt and a coloured prompt',
      ...wordCase(
        paras('2025年县文旅局工作总结') +
          p(highlight('XX') + r('局全年开展专题学习') + highlight('X', 'green') + r('次。')) +
          p(r('于') + r('（填写日期）', '<w:shd w:val="clear" w:color="auto" w:fill="FFFF00"/>') + r('前完成，共') + r('N', '<w:shd w:val="clear" w:color="auto" w:fill="FFFFCC"/>') + r('人。')) +
          p('<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>' + r('单击或点击此处输入文字。') + '</w:sdtContent></w:sdt>') +
          p(r('请填写单位名称', '<w:color w:val="0000FF"/>')),
      ),
      findings: [
        { line: 1, text: 'XX', message: /用黄色高亮标出/, severity: 'error', data: { mark: 'highlight', color: 'yellow' } },
        { line: 1, text: 'X', message: /用绿色高亮标出/ },
        { line: 2, text: '（填写日期）', message: /加了底纹/ },
        { line: 2, text: 'N', message: /加了底纹/, data: { color: 'FFFFCC' } },
        { line: 3, text: '单击或点击此处输入文字。', message: /内容控件/ },
        { line: 4, text: '请填写单位名称', message: /彩色字/ },
      ],
    },
  ],
});
