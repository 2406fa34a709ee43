import { ruleTester } from './tester';
import { paras, wordCase } from './word';

const BODY = paras('2025年县文旅局工作总结', '全年开展专题学习12次。');

ruleTester('document-properties', {
  valid: [
    '作者：XX范文网\n2025年县文旅局工作总结',
    { name: "a person, a unit and Word's defaults", ...wordCase({ body: BODY, core: { 'dc:creator': '张三', 'cp:lastModifiedBy': 'Administrator', 'dc:title': '2025年工作总结' }, app: { Company: '县文化和旅游局', Template: 'Normal.dotm' } }) },
    { name: 'a power company is no website', ...wordCase({ body: BODY, app: { Company: '国网某县供电公司' } }) },
  ],
  invalid: [
    {
      name: 'an author and a company from a template site',
      ...wordCase({ body: BODY, core: { 'dc:creator': 'XX范文网', 'cp:lastModifiedBy': '张三' }, app: { Company: 'www.example.invalid' } }),
      findings: [
        { line: 0, text: '', message: /“作者”是「XX范文网」/, data: { region: 'document', property: 'creator' } },
        { line: 0, text: '', message: /“单位”是「www.example.invalid」/, data: { property: 'company' } },
      ],
    },
  ],
});
