// Vocabulary values as bits and labels, shared by the compiled rubric and the rules.
import { DUTIES, type Duty } from '../../domain/vocabulary.js';

/** Bit of each duty (vocabulary order); the rule input keeps a station's duties as such a mask. */
export const DUTY_BIT: ReadonlyMap<string, number> = new Map(DUTIES.map((d, i) => [d, 1 << i]));

export const DUTY_LABEL: Readonly<Record<Duty, string>> = {
  SPECIAL_EQUIPMENT: '特种设备安全监管',
  FOOD: '食品安全监管',
  DRUG: '药品安全监管',
  INDUSTRIAL_PRODUCT: '工业产品质量安全监管',
  PRICE: '价格监管',
  ADVERTISING: '广告监管',
  MEDICAL_DEVICE: '医疗器械监管',
  COSMETICS: '化妆品监管',
  MARKET_ENTRY: '市场准入',
  CONSUMER_PROTECTION: '消费者权益保护',
  OTHER: '其他',
};
