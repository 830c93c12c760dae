import type { Goodwill, StrategyPack } from './pack/schema';
import type { TypeVerdict } from './taxonomy';

/** One way a reply draft goes against the type's boundaries; `rule` is a UI message key suffix. */
export interface DraftWarning {
  rule: 'perks-not-allowed' | 'perk-too-big' | 'perk-for-review' | 'too-long' | 'no-summary' | 'argues' | 'contradicts' | 'promises-prize' | 'no-thanks';
  vars: Record<string, string | number>;
  /** The words of the draft that triggered it, when there are such. */
  quote?: string;
}

const PERK =
  /(компенсац\w*|скидк\w*|бонус\w*|подар\w*|бесплатн\w*|возмещ\w*|промокод\w*|сертификат\w*|баллы|баллов|compensat\w*|discount\w*|refund\w*|bonus\w*|voucher\w*|gift\w*|free of charge|for free|credit\w*|coupon\w*)/i;
const PERCENT = /(\d{1,3})\s?%/g;
const SUMMARY =
  /(если я правильно|правильно ли я понимаю|правильно понял|правильно поняла|итак,|подытож|резюмир|то есть вам|if i understand|if i understood|to sum up|to summari[sz]e|so you(?:'d| would)? like|in short,|let me recap|as i understand)/i;
const ARGUE = /(вы не правы|вы ошибаетесь|вы сами виноваты|это ваша вина|you are wrong|you're wrong|your fault|you should have read|вы невнимательно)/i;
/** Bluntly telling an expert they are wrong; acknowledging first ("you're right that…, in our case…") is fine. */
const BLUNT =
  /(это не так|это неправда|это неверно|неверно(?!\p{L})|неправильно(?!\p{L})|вы заблуждаетесь|вы не понимаете|вы путаете|that'?s not (?:true|right|correct|how)|that is (?:not (?:true|right|correct)|incorrect|wrong)|you(?:'re| are) (?:mistaken|confused|misunderstanding)|you misunderstand|you don'?t understand|no, actually|actually, no)/iu;
/** A review the client would post, take down or not write. */
const REVIEW = /(отзыв|review|рейтинг|оценк|rating|post|публик|пост(?!\p{L})|stars?(?!\p{L})|звёзд|звезд)/iu;
const REVIEW_DEAL =
  /(удал\p{L}*|уберите|убрать|снимите|снять|не (?:будете |станете )?(?:публиковать|писать|оставлять|выкладывать)|не публикуйте|не пишите|вместо|измените|изменить|исправьте|исправить|remove\p{L}*|delete\p{L}*|take (?:it|that|them|the \p{L}+|your \p{L}+) down|take down|not (?:to )?(?:post|publish|write|leave)|don'?t (?:post|publish|write|leave)|instead of|change (?:your|the) (?:review|rating)|update (?:your|the) (?:review|rating))/iu;
const PRIZE = /(гарантир\w* (вам )?(приз|выигрыш|победу)|вы (точно )?выиграете|you will win|guarantee(?:d)? (?:a |the )?(?:prize|win))/i;
const THANKS = /(спасибо|благодар\w*|thank\w*|grateful|appreciate)/i;

/** The largest discount a goodwill level allows before a team lead must approve. */
const MAX_PERCENT: Record<Goodwill, number> = { none: 0, token: 5, moderate: 10, generous: 30 };
const LONG: Partial<Record<TypeVerdict, number>> = { impatient: 500, 'know-it-all': 1200 };

/**
 * Checks a reply draft against what the pack says about this type of client, e.g. promising an Extortionist
 * more than the team's goodwill allows, a long reply to a Want-it-all-now client, no summary for an Undecided one.
 */
export function checkDraft(draft: string, type: TypeVerdict, pack: StrategyPack): DraftWarning[] {
  const text = draft.trim();
  if (!text) return [];
  const out: DraftWarning[] = [];
  const goodwill: Goodwill = (pack.companyStrategy && pack.companyStrategies?.[pack.companyStrategy]?.goodwill) || 'moderate';
  if (type === 'extortionist') {
    const perk = PERK.exec(text);
    const percents = [...text.matchAll(PERCENT)].map((m) => Number(m[1]));
    const biggest = Math.max(0, ...percents);
    if (perk && goodwill === 'none') out.push({ rule: 'perks-not-allowed', vars: { goodwill }, quote: perk[0] });
    else if (biggest > MAX_PERCENT[goodwill])
      out.push({ rule: 'perk-too-big', vars: { percent: biggest, max: MAX_PERCENT[goodwill], goodwill }, quote: `${biggest}%` });
  }
  // Paying for a review to go (or never come) rewards the threat, whatever the type: boundaries never allow it.
  const perkForReview = PERK.exec(text);
  const deal = REVIEW_DEAL.exec(text);
  if (perkForReview && deal && REVIEW.test(text)) out.push({ rule: 'perk-for-review', vars: {}, quote: deal[0] });
  const limit = LONG[type];
  if (limit && text.length > limit) out.push({ rule: 'too-long', vars: { length: text.length, limit } });
  if (type === 'undecided' && !SUMMARY.test(text)) out.push({ rule: 'no-summary', vars: {} });
  const argue = ARGUE.exec(text);
  if ((type === 'complainer' || type === 'know-it-all') && argue) out.push({ rule: 'argues', vars: {}, quote: argue[0] });
  const blunt = BLUNT.exec(text);
  if (type === 'know-it-all' && blunt && !argue) out.push({ rule: 'contradicts', vars: {}, quote: blunt[0] });
  const prize = PRIZE.exec(text);
  if (type === 'prize-hunter' && prize) out.push({ rule: 'promises-prize', vars: {}, quote: prize[0] });
  if (type === 'tester' && !THANKS.test(text)) out.push({ rule: 'no-thanks', vars: {} });
  return out;
}
