// Pools of Chinese name parts. Everything generated from them is synthetic: a plausible
// city, county, town, person or business name, not a real one (collisions with real names
// are coincidences).
import { Rng, weighted, type WeightedTable } from './random.js';

/** GB/T 2260 province prefixes with their names and one-character abbreviations. */
export const PROVINCES: Readonly<Record<string, readonly [name: string, abbr: string]>> = {
  '11': ['北京市', '京'],
  '12': ['天津市', '津'],
  '13': ['河北省', '冀'],
  '14': ['山西省', '晋'],
  '15': ['内蒙古自治区', '蒙'],
  '21': ['辽宁省', '辽'],
  '22': ['吉林省', '吉'],
  '23': ['黑龙江省', '黑'],
  '31': ['上海市', '沪'],
  '32': ['江苏省', '苏'],
  '33': ['浙江省', '浙'],
  '34': ['安徽省', '皖'],
  '35': ['福建省', '闽'],
  '36': ['江西省', '赣'],
  '37': ['山东省', '鲁'],
  '41': ['河南省', '豫'],
  '42': ['湖北省', '鄂'],
  '43': ['湖南省', '湘'],
  '44': ['广东省', '粤'],
  '45': ['广西壮族自治区', '桂'],
  '46': ['海南省', '琼'],
  '50': ['重庆市', '渝'],
  '51': ['四川省', '川'],
  '52': ['贵州省', '贵'],
  '53': ['云南省', '云'],
  '54': ['西藏自治区', '藏'],
  '61': ['陕西省', '陕'],
  '62': ['甘肃省', '甘'],
  '63': ['青海省', '青'],
  '64': ['宁夏回族自治区', '宁'],
  '65': ['新疆维吾尔自治区', '新'],
};

const PLACE_FIRST = [...'石安平宁兴临永清泰华长新东西南北广丰定阳顺昌德武宣保承沧衡晋汾云龙凤金宝和义正嘉庆隆鹿乐高榆桃枣'];
const PLACE_SECOND = [...'安阳州平宁城山原川江河水台丘泉德定远门林兴昌化海陵都庄乡源坊阴峰'];

/** A two-character place stem such as 石安 or 平山. */
export function placeStem(rng: Rng): string {
  return rng.pick(PLACE_FIRST) + rng.pick(PLACE_SECOND);
}

/** Common urban district names (新华区, 桥西区 …). */
export const DISTRICT_STEMS = [
  ...'新华 长安 桥西 桥东 裕华 城东 城西 城南 城北 红旗 建设 和平 文化 东风 解放 胜利 人民 光明 开元 永安 朝阳 向阳 友谊 复兴 金山 凤凰 龙泉 青山 海港 高新 运河 北湖 南湖 鼓楼 滨河 东城 西城 中山 北站 丰润'.split(
    ' ',
  ),
];

const TOWN_FIRST = [...'长城东西南北中新老大小上下前后高低王李张刘柳杨槐桥店屯营庄河山岗峪沟口关坊台集寨铺镇堡'];
const TOWN_SECOND = [...'安关乐兴华丰宁平阳城庄村屯营店铺集河桥台口湾坡林峪沟寨堡园坊头湖泉源门'];

/** A township or street name stem for a station (长安, 北关, 柳河 …). */
export function townStem(rng: Rng): string {
  return rng.pick(TOWN_FIRST) + rng.pick(TOWN_SECOND);
}

// ---- people -------------------------------------------------------------------------------

const SURNAMES: WeightedTable<string> = weighted(
  [
    ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤',
  ].map((s, rank) => [s, 1 / (rank + 8)] as const),
);

const GIVEN_MALE = [
  ...'伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信杰涛昌成康星光天达安岩中茂进林有坚和博诚先敬震振会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦奇宏鸣朋斌栋维启克伦翔旭鹏泽晨辰建家致树德行时泰盛雄钧冠腾楠航',
];
const GIVEN_FEMALE = [
  ...'秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红玲芬芳燕彩春菊兰凤洁梅琳素云莲真雪荣爱霞香月媛艳瑞佳嘉琼勤珍莉桂璐琦晶妍茜秋珊锦青倩婷婉娴颖露瑶怡雁丹蓉君琴蕊薇菁梦岚婕馨韵悦昭冰爽欣晓欢枫芸菲亚宜舒丽阳妮',
];

/** A plausible full name: surname plus one or two given-name characters. */
export function personName(rng: Rng, female: boolean): string {
  const pool = female ? GIVEN_FEMALE : GIVEN_MALE;
  const given = rng.chance(0.7) ? rng.pick(pool) + rng.pick(pool) : rng.pick(pool);
  return rng.pickWeighted(SURNAMES) + given;
}

/** An anonymised individual as published in penalty decisions (张某某). */
export function anonymisedPerson(rng: Rng): string {
  return rng.pickWeighted(SURNAMES) + (rng.chance(0.8) ? '某某' : '某');
}

// ---- businesses ---------------------------------------------------------------------------

const BRAND_CHARS = [...'福顺鑫盛华源兴隆恒泰金瑞祥和嘉宏康丰安佳美达通汇利永德昌天明新益众惠诚信万'];

export function brand(rng: Rng): string {
  return rng.pick(BRAND_CHARS) + rng.pick(BRAND_CHARS);
}
