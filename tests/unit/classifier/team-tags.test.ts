import { describe, expect, it } from 'vitest';
import { classify, TEAM_WEIGHT } from '../../../core/classifier/classify';
import { inputFromSnapshot } from '../../../core/classifier/input';
import { readShippedModel } from '../../../core/classifier/node-model';
import { readDefaultPack } from '../../../core/pack/node-default';
import { teamTypesOf, typeTag } from '../../../core/team-tags';
import { makeSnapshot } from '../helpers';

const model = readShippedModel();
const pack = readDefaultPack();

describe("the team's verdict, read back from the helpdesk's tags", () => {
  it('names the types the tags say, whatever their case, and nothing else', () => {
    expect(typeTag('know-it-all')).toBe('tipazh_know_it_all');
    expect(teamTypesOf(['vip', 'TIPAZH_Extortionist ', 'tipazh_know_it_all', 'tipazh_unknown', 'tipazh_'])).toEqual(['extortionist', 'know-it-all']);
    expect(teamTypesOf(['team_extortionist'])).toEqual([]);
    expect(teamTypesOf(['team_extortionist'], 'team_')).toEqual(['extortionist']);
  });

  it("is strong evidence for the tagged type, shown as the team's, and leaves the model's own answer alone", () => {
    const say = (text: string, tags: string[] = []) =>
      classify(
        inputFromSnapshot(makeSnapshot({ conversation: [{ author: 'client', text, public: true }], client: { externalId: '42', name: 'Megan', tags } })),
        { model, pack },
      );
    // Little to go on: the team's tag multiplies the odds (the panel shows the team's line on the type card too).
    const plain = say('Hello, I have a question about my order.');
    const tagged = say('Hello, I have a question about my order.', ['tipazh_extortionist']);
    expect(tagged.probabilities.extortionist).toBeGreaterThan(plain.probabilities.extortionist * 5);
    expect(tagged.evidence).toContainEqual({ kind: 'team', type: 'extortionist', contribution: TEAM_WEIGHT, tag: 'tipazh_extortionist' });
    expect(tagged.modelLogits).toEqual(plain.modelLogits);
    // Evidence, not an order: a clear tester stays a tester.
    const report = 'The app crashes on step 3 of checkout on iOS 17.2, build 4.12.1. Steps to reproduce attached.';
    expect(say(report, ['tipazh_extortionist']).type).toBe('tester');
  });
});
