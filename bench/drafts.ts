/**
 * Drafts for the benchmark, generated from our own fixture text: a collection
 * (汇编) of reports in the genre's usual shape, with the usual faults
 * (placeholders, a doubled character, a half-width comma), grown to a size.
 */

const REPORT = (n: number) =>
  [
    `篇${n}：2024年意识形态工作总结（第${n}单位）`,
    `2024年，第${n}单位党委坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大精神，认真落实意识形态工作责任制，现将全年工作情况总结如下。`,
    '一、主要工作开展情况',
    '（一）加强组织领导，压实主体责任。一是党委全年召开专题会议X次研究意识形态工作，制定责任清单，明确班子成员“一岗双责”。二是把意识形态工作纳入年度考核，与业务工作同部署、同落实、同检查、同考核。三是定期开展分析研判，形成研判报告4份。',
    '（二）强化理论武装，筑牢思想根基。一是落实“第一议题”制度，组织理论学习中心组集中学习12次，开展专题研讨xx次。二是推进“三会一课”规范化，党员参学率达到98%以上。三是组织青年理论学习小组开展读书分享，撰写心得体会60余篇。',
    '（三）加强阵地管理，守好网络阵地。一是对门户网站、微信公众号实行“三审三校”制度，全年审核发布信息260余条。二是建立网络舆情监测机制，及时处置苗头性问题。三是加强宣传栏、电子屏等阵地管理,确保导向正确。',
    '（四）丰富宣传载体，凝聚奋进力量。一是深入学习宣传党的二十大大精神，开展宣讲进基层活动16场。二是选树先进典型X名，在《XX日报》刊发稿件8篇。三是开展群众性精神文明创建活动，营造良好氛围。',
    '二、存在的问题',
    '一是理论学习的系统性还不够强，学用结合还有差距。二是网络舆情研判处置能力还需提升，专业人才相对缺乏。三是宣传方式方法创新不够，吸引力、感染力有待增强。',
    '三、下一步工作打算',
    '一是持续深化理论武装，完善中心组学习制度，推动学习成果转化。二是加强网络阵地建设，健全舆情监测、研判、处置机制。三是加强宣传队伍培训，提升业务能力和水平。',
    '',
  ].join('\n');

/** A collection of reports of at least `bytes` UTF-8 bytes. */
export function draftOfSize(bytes: number): string {
  let out = '2024年意识形态工作总结汇编\n\n';
  let n = 1;
  while (Buffer.byteLength(out) < bytes) out += REPORT(n++);
  return out;
}

/**
 * One unit's draft of about `bytes` (real drafts are 8–40 KB): its report, then
 * more topics under the first part until the size is reached.
 */
export function singleDraft(n: number, bytes = 10 * 1024): string {
  const lines = REPORT(n).replace(/^篇\d+：/, '').split('\n');
  const topics = lines.slice(3, 7);
  const extra: string[] = [];
  for (let k = 0; Buffer.byteLength(lines.join('\n') + extra.join('\n')) < bytes; k++) {
    extra.push(topics[k % topics.length].replace(/^（[一二三四]）/, `（${'五六七八九十'.charAt(k % 6)}）`).replace('12次', `${12 + k}次`));
  }
  lines.splice(7, 0, ...extra);
  return lines.join('\n');
}
