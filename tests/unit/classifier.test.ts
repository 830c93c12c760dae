import { describe, expect, it } from 'vitest';
import { classify } from '../../core/classifier/classify';
import { buildLearned, clientStems } from '../../core/classifier/learner';
import { measureSignals } from '../../core/classifier/signals';
import { foldScript, tokenize } from '../../core/classifier/text';
import { StrategyPack } from '../../core/pack/schema';

const pack = StrategyPack.parse({
  schemaVersion: 1,
  id: 'test',
  name: { en: 'Test' },
  version: '1.0.0',
  author: 't',
  languages: ['en', 'ru'],
  types: {
    extortionist: { cues: [ { lang: 'ru', text: 'компенсация', weight: 2 }, { lang: 'en', text: 'compensation', weight: 2 }, { lang: 'ru', text: 'подписчик*', weight: 1.5 } ] },
    impatient: { cues: [ { lang: 'ru', text: 'срочно', weight: 2 }, { lang: 'en', text: 'right now', weight: 2 } ], signals: { fastFollowUps: 3 } },
    'prize-hunter': { cues: [ { lang: 'en', text: 'promo code', weight: 3 } ] },
  },
  classifier: { unknownScore: 1.5, temperature: 1 },
});

const client = (text: string, at?: string) => ({ author: 'client' as const, text, at });

describe('text', () => {
  it('folds ё and look-alike Latin letters inside Russian words', () => {
    expect(foldScript('кoмпенсaция')).toBe('компенсация');
    expect(tokenize('Ёлка КОМПЕНСАЦИЮ').map((t) => t.norm)).toEqual(['елка', 'компенсацию']);
  });
  it('keeps each word\'s place in the text', () => {
    const [a, b] = tokenize('Hi, promo-code!');
    expect([a?.start, a?.end, b?.start, b?.end]).toEqual([0, 2, 4, 9]);
  });
});

describe('classify', () => {
  it('finds a type from inflected words and quotes the client', () => {
    const text = 'Требую компенсацию, у меня 50 тысяч подписчиков!';
    const r = classify({ messages: [client(text)] }, pack);
    expect(r.type).toBe('extortionist');
    const cue = r.evidence.find((e) => e.kind === 'cue' && e.cue === 'компенсация');
    expect(cue && cue.kind === 'cue' && text.slice(cue.quote.start, cue.quote.end)).toBe('компенсацию');
    expect(r.evidence.some((e) => e.kind === 'cue' && e.cue === 'подписчик*')).toBe(true);
  });

  it('reads look-alike letters as the Russian word', () => {
    expect(classify({ messages: [client('Хочу кoмпенсaцию')] }, pack).type).toBe('extortionist');
  });

  it('ignores negated cues («не срочно», "no compensation")', () => {
    expect(classify({ messages: [client('Это не срочно, ответьте когда сможете')] }, pack).type).toBe('unknown');
    expect(classify({ messages: [client("I don't need compensation, just fix it")] }, pack).type).toBe('unknown');
  });

  it('counts only the client\'s public words, never agent replies or internal notes', () => {
    const r = classify(
      {
        messages: [
          client('Hello, where is my parcel?'),
          { author: 'agent', text: 'We can offer compensation or a promo code.' },
          { author: 'client', text: 'compensation compensation', public: false },
        ],
      },
      pack,
    );
    expect(r.type).toBe('unknown');
    expect(r.evidence).toEqual([]);
  });

  it('answers unknown on thin evidence, and its probabilities always sum to 1', () => {
    const r = classify({ messages: [client('How do I reset my password?')] }, pack);
    expect(r.type).toBe('unknown');
    const sum = Object.values(r.probabilities).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 9);
    expect(Object.keys(r.probabilities)).toHaveLength(8);
  });

  it('uses behaviour: follow-ups minutes apart point to impatience', () => {
    const msgs = [client('where is my order', '2026-03-01T10:00:00Z'), client('hello??', '2026-03-01T10:03:00Z'), client('anyone there', '2026-03-01T10:05:00Z')];
    expect(measureSignals({ messages: msgs }).fastFollowUps).toEqual({ value: 1, raw: 2 });
    const r = classify({ messages: msgs }, pack);
    expect(r.type).toBe('impatient');
    expect(r.evidence[0]).toMatchObject({ kind: 'signal', signal: 'fastFollowUps', type: 'impatient' });
  });
});

describe('learning from corrections', () => {
  const text = 'I have 40k followers and I expect you to make this right with a gift card';
  const input = { messages: [client(text)] };

  it('moves the next classification toward the type the agent chose, and forgets it when undone', () => {
    expect(classify(input, pack).type).toBe('unknown');
    const learned = buildLearned([{ to: 'extortionist', stems: clientStems(input) }]);
    const after = classify(input, pack, learned);
    expect(after.type).toBe('extortionist');
    const ev = after.evidence.find((e) => e.kind === 'learned');
    expect(ev?.kind === 'learned' && ev.quotes.length).toBeGreaterThan(0);
    // A similar client benefits too; an unrelated one does not.
    expect(classify({ messages: [client('my followers will hear about this unless I get a gift card')] }, pack, learned).scores.extortionist).toBeGreaterThan(1);
    expect(classify({ messages: [client('How do I change my password?')] }, pack, learned).type).toBe('unknown');
    expect(classify(input, pack, buildLearned([])).type).toBe('unknown');
  });
});
