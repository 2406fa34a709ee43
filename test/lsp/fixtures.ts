/**
 * Drafts for the language server tests, written for this project in the style
 * of real 意识形态工作总结 drafts. Each is a list of lines; tests join them
 * with the line end they need.
 */

/** A complete three-part report with two placeholders: 「XX」 in the title, 「X」 in line 3. */
export const REPORT_LINES = [
  '2024年度XX局意识形态工作总结',
  '今年以来，局党组认真落实意识形态工作责任制，现将有关情况总结如下。',
  '一、主要工作开展情况',
  '（一）压实工作责任。全年召开党组会议X次专题研究意识形态工作。',
  '（二）加强理论武装。组织中心组集中学习12次，开展专题研讨4次。',
  '二、存在的问题',
  '一是理论学习不够深入。二是网络阵地管理还有短板。',
  '三、下一步工作打算',
  '一是持续深化理论武装。二是加强网络阵地建设。',
];

/** Where REPORT_LINES' placeholders are (0-based line, UTF-16 characters). */
export const REPORT_PLACEHOLDERS = [
  { line: 0, start: 6, end: 8, text: 'XX' },
  { line: 3, start: 18, end: 19, text: 'X' },
];

/** A report whose problems and plans are written in running text, not under headings. */
export const PARAGRAPH_REPORT_LINES = [
  '2024年上半年意识形态工作总结',
  '上半年，镇党委坚持把意识形态工作摆在重要位置，现将工作情况报告如下。',
  '一、加强组织领导',
  '镇党委召开专题会议研究意识形态工作，明确班子成员责任分工。',
  '二、加强阵地管理',
  '对镇属微信公众号实行三审三校制度，全年未发生负面舆情。但工作中还存在一些问题，主要是宣传队伍力量不足。下一步，镇党委将进一步加强队伍建设。',
];

/** A collection (汇编) holding two reports after its own title. */
export const COLLECTION_LINES = [
  '意识形态工作总结范文汇编',
  '（2篇）',
  '',
  '2023年意识形态工作总结（机关）',
  '今年以来，机关党委认真落实意识形态工作责任制，现总结如下。',
  '一、主要工作开展情况',
  '全年召开专题会议4次。',
  '二、存在的问题',
  '学习形式比较单一。',
  '三、下一步工作打算',
  '继续加强理论学习。',
  '',
  '2023年意识形态工作总结（街道）',
  '今年以来，街道党工委认真落实意识形态工作责任制，现总结如下。',
  '一、主要工作开展情况',
  '全年开展宣讲活动12场。',
  '二、存在的问题',
  '阵地建设还有短板。',
  '三、下一步工作打算',
  '持续加强阵地建设。',
];

/** A note that is not a report, though it contains text the placeholder rule would flag. */
export const NOTE_LINES = ['会议记录', '时间：3月5日', '参会人员：XX、张三', '议题：讨论下周的安排。'];

export function lf(lines: string[]): string {
  return lines.join('\n');
}

export function crlf(lines: string[]): string {
  return lines.join('\r\n');
}
