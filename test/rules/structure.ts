/** Drafts shared by the tests of the rules about a report's structure. */
import { draft } from '../helpers';

/** A complete three-part report under `title`: silent for every structure rule. */
export const complete = (title = '2024年意识形态工作总结') =>
  draft(
    title,
    '今年以来，局党组认真落实意识形态工作责任制，现将有关情况总结如下。',
    '一、主要工作开展情况',
    '（一）压实工作责任。制定责任清单，明确班子成员职责。',
    '（二）强化理论武装。组织集中学习12次。',
    '二、存在的问题',
    '一是学习形式比较单一。二是网络阵地管理还有短板。',
    '三、下一步工作打算',
    '一是创新学习方式。二是加强网络阵地管理。',
  );

/** The title and opening of the quick-fix drafts. */
export const HEAD = ['2024年意识形态工作总结', '今年以来，区文化馆党支部认真落实意识形态工作责任制，现将有关情况总结如下。'];
