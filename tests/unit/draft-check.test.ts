import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../core/draft-check';
import { readDefaultPack } from '../../core/pack/node-default';
import type { CompanyStrategyId } from '../../core/taxonomy';

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
});
