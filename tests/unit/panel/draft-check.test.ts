import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../../core/draft-check';
import { readDefaultPack } from '../../../core/pack/node-default';
import type { CompanyStrategyId } from '../../../core/taxonomy';

const base = readDefaultPack();
const under = (s: CompanyStrategyId) => ({ ...base, companyStrategy: s });
const rules = (draft: string, type: Parameters<typeof checkDraft>[1], pack = base) => checkDraft(draft, type, pack).map((w) => w.rule);

describe('checkDraft', () => {
  it('flags perks promised to an Extortionist beyond the goodwill the company strategy allows', () => {
    const draft = 'Виктория, мы дарим вам скидку 30% на следующий заказ.';
    expect(rules(draft, 'extortionist', under('minimal-cost'))).toEqual(['perks-not-allowed']);
    expect(rules(draft, 'extortionist', under('golden-rule'))).toEqual(['perk-too-big']);
    expect(rules(draft, 'extortionist', under('exceptional-advantage'))).toEqual([]);
    expect(rules('Мы проверили заказ: он приедет завтра до 14:00.', 'extortionist', under('minimal-cost'))).toEqual([]);
  });
  it('flags a long reply to a Want-it-all-now client and passes a short one', () => {
    expect(rules('Done: refunded, arrives in 3 days.', 'impatient')).toEqual([]);
    expect(rules('word '.repeat(150), 'impatient')).toEqual(['too-long']);
  });
  it('asks for a summary-back for an Undecided client', () => {
    expect(rules('Here are three models you could look at.', 'undecided')).toEqual(['no-summary']);
    expect(rules('If I understood you right, you need a quiet machine for a small office.', 'undecided')).toEqual([]);
    expect(rules('Если я правильно вас поняла, вам нужна тихая модель.', 'undecided')).toEqual([]);
  });
  it('flags arguing with a Complainer, promising a prize, and forgetting to thank a Tester', () => {
    expect(rules('Вы не правы, в инструкции всё написано.', 'complainer')).toEqual(['argues']);
    expect(rules('You will win for sure!', 'prize-hunter')).toEqual(['promises-prize']);
    expect(rules('Fixed in 4.12.2.', 'tester')).toEqual(['no-thanks']);
    expect(rules('Thank you, fixed in 4.12.2.', 'tester')).toEqual([]);
  });
  it('says nothing about an empty draft or an unknown type', () => {
    expect(rules('   ', 'extortionist')).toEqual([]);
    expect(rules('скидка 90%', 'unknown')).toEqual([]);
  });
  it('flags a perk offered for removing or not posting a review, for any type, and not a plain thanks for a review', () => {
    expect(rules('Мы дадим вам скидку 10%, если вы удалите отзыв.', 'extortionist', under('exceptional-advantage'))).toEqual(['perk-for-review']);
    expect(rules('We can offer a $20 voucher if you take the review down.', 'complainer')).toEqual(['perk-for-review']);
    expect(rules("Here is a bonus, just please don't post that review.", 'impatient')).toEqual(['perk-for-review']);
    expect(rules('Thank you for your review: we have fixed the delivery slot and refunded the fee.', 'complainer')).toEqual([]);
    const w = checkDraft('Компенсация 500 ₽ — вместо отзыва в соцсетях.', 'extortionist', under('exceptional-advantage'));
    expect(w.map((x) => x.rule)).toEqual(['perk-for-review']);
    expect(w[0]!.quote).toBe('вместо');
  });
  it('flags bluntly contradicting a Know-it-all, not an answer that acknowledges them first', () => {
    expect(rules("That's not true, the firmware supports it.", 'know-it-all')).toEqual(['contradicts']);
    expect(rules('Это не так: лимит — 10 запросов в секунду.', 'know-it-all')).toEqual(['contradicts']);
    expect(rules('You are right that the spec allows it; in our plan the limit is 10 a second.', 'know-it-all')).toEqual([]);
    // For other types plain disagreement is not this rule.
    expect(rules("That's not true, the firmware supports it.", 'impatient')).toEqual([]);
  });
});
