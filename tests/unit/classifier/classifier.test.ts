import { describe, expect, it } from 'vitest';
import { classify } from '../../../core/classifier/classify';
import { clientStems, trainLearned } from '../../../core/classifier/learner';
import { readShippedModel } from '../../../core/classifier/node-model';
import { MODEL_LABELS } from '../../../core/classifier/type-model';
import { clientWords, WORD_WINDOW } from '../../../core/classifier/features';
import { countSteps, isoTime, measureSignals } from '../../../core/classifier/signals';
import fc from 'fast-check';
import { foldScript, normalizeWord, tokenize } from '../../../core/classifier/text';
import { readCorpus } from '../../../core/train/corpus';
import { StrategyPack } from '../../../core/pack/schema';

const model = readShippedModel();
const bare = StrategyPack.parse({ schemaVersion: 1, id: 'bare', name: { en: 'Bare' }, version: '1.0.0', author: 't', languages: ['en', 'ru'] });
/** A team pack: its cues add to the model's log-odds. */
const team = StrategyPack.parse({
  ...bare,
  id: 'team',
  types: {
    extortionist: {
      cues: [
        { lang: 'en', text: 'store credit', weight: 2 },
        { lang: 'ru', text: 'защите прав потребителей', weight: 1 },
        { lang: 'ru', text: 'прав потребителей', weight: 1 },
        { lang: 'ru', text: 'подписчик*', weight: 1.5 },
      ],
    },
  },
});
const run = (messages: Parameters<typeof classify>[0]['messages'], pack = bare, learned?: ReturnType<typeof trainLearned>) =>
  classify({ messages }, { model, pack, learned });
const p = (r: ReturnType<typeof classify>, t: string) => r.probabilities[t as 'unknown'];

const client = (text: string, at?: string) => ({ author: 'client' as const, text, at });

describe('text', () => {
  it('folds ё and look-alike Latin letters inside Russian words', () => {
    expect(foldScript('кoмпенсaция')).toBe('компенсация');
    expect(tokenize('Ёлка КОМПЕНСАЦИЮ').map((t) => t.norm)).toEqual(['елка', 'компенсацию']);
  });
  it("keeps each word's place in the text", () => {
    const [a, b] = tokenize('Hi, promo-code!');
    expect([a?.start, a?.end, b?.start, b?.end]).toEqual([0, 2, 4, 9]);
  });
  it('gives every spelling its own cached form, across the whole corpus and past the table refilling', () => {
    const root = new URL('../../..', import.meta.url).pathname;
    const texts = readCorpus([`${root}tests/fixtures/labelled/train`, `${root}tests/fixtures/labelled/holdout`], root).cases.flatMap((c) =>
      c.messages.map((m) => m.text),
    );
    // Enough distinct made-up words to fill and empty the table of forms (32,768 slots) several times.
    const rnd = fc.sample(fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzабвгдежзиклмнопрстуфхцчшщыэюя'), minLength: 1, maxLength: 12 }), {
      numRuns: 60_000,
      seed: 3,
    });
    let checked = 0;
    for (const text of [...texts, rnd.join(' '), ...texts.slice(0, 200)]) {
      for (const t of tokenize(text)) {
        if (t.norm !== normalizeWord(text.slice(t.start, t.end))) throw new Error(`«${text.slice(t.start, t.end)}» read as «${t.norm}»`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200_000);
  });
});

describe('classify', () => {
  it("finds the type in the client's own words and quotes them where they stand", () => {
    const text = 'I have 40k followers and unless I get a voucher or free months for this mess, my review goes up tonight.';
    const r = run([client(text)]);
    expect(r.type).toBe('extortionist');
    const words = r.evidence.filter((e) => e.kind === 'word' && e.type === 'extortionist');
    expect(words.length).toBeGreaterThan(0);
    for (const e of words) if (e.kind === 'word') expect(text.slice(e.quote.start, e.quote.end)).toBe(e.word);
  });

  it("counts only the client's public words, never agent replies or internal notes", () => {
    const alone = run([client('Hello, where is my parcel?')]);
    const r = run([
      client('Hello, where is my parcel?'),
      { author: 'agent', text: 'We can offer compensation, a discount or a promo code.' },
      { author: 'client', text: 'compensation compensation discount', public: false },
    ]);
    expect(r.probabilities).toEqual(alone.probabilities);
    expect(r.evidence.every((e) => e.kind === 'signal' || (e.kind === 'word' ? e.quote.message === 0 : true))).toBe(true);
  });

  it("never counts an agent's reply quoted back in an e-mail", () => {
    const own = 'Where is my parcel? Tracking says delivered but nothing here.';
    const quoted = `${own}\n\nOn Mon, 2 Mar 2026 at 10:00, Acme Support <help@acme.com> wrote:\n> We are sorry! As compensation we can offer a promo code, a gift card or a discount on your next order.\n> Best regards, Acme`;
    expect(run([client(quoted)]).probabilities).toEqual(run([client(own)]).probabilities);
  });

  it('answers with calibrated probabilities over the seven types and unknown, summing to 1', () => {
    const r = run([client('How do I reset my password?')]);
    expect(r.type).toBe('unknown');
    expect(Object.keys(r.probabilities)).toEqual([...MODEL_LABELS]);
    expect(Object.values(r.probabilities).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(r.confidence).toBeLessThan(1);
  });

  it("adds a team pack's cues to the score and shows them as evidence", () => {
    const text = 'The blender broke after a week. I expect store credit for the trouble.';
    const before = run([client(text)]);
    const after = run([client(text)], team);
    expect(p(after, 'extortionist')).toBeGreaterThan(p(before, 'extortionist'));
    const cue = after.evidence.find((e) => e.kind === 'cue');
    expect(cue).toMatchObject({ kind: 'cue', type: 'extortionist', cue: 'store credit', quote: { text: 'store credit' } });
  });

  it('counts overlapping cues once: the longest wins', () => {
    const r = run([client('Пишу по закону о защите прав потребителей.')], team);
    expect(r.evidence.filter((e) => e.kind === 'cue').map((e) => e.kind === 'cue' && e.cue)).toEqual(['защите прав потребителей']);
  });

  it('ignores negated cues (\"no store credit\")', () => {
    expect(run([client("I don't want store credit, just fix it")], team).evidence.some((e) => e.kind === 'cue')).toBe(false);
  });

  it('keeps behaviour a tie-breaker: no signal moves an answer by more than the cap allows', () => {
    const msgs = [
      client('where is my order', '2026-03-01T10:00:00Z'),
      client('hello??', '2026-03-01T10:01:00Z'),
      client('anyone there', '2026-03-01T10:02:00Z'),
      client('HELLO!!!', '2026-03-01T10:03:00Z'),
    ];
    const limit = (model.file.behaviour.cap * 3) / model.file.temperature + 1e-9;
    for (const e of run(msgs).evidence) if (e.kind === 'signal') expect(Math.abs(e.contribution)).toBeLessThanOrEqual(limit);
  });
});

describe('behaviour', () => {
  it('measures topic jumps the same whatever was measured before', () => {
    const jumpy = {
      messages: [
        client('my router drops wifi every evening upstairs'),
        client('also can you change my billing address please'),
        client('and what about the parcel tracking number'),
      ],
    };
    const alone = measureSignals(jumpy).topicJumps;
    expect(alone.raw).toBe(2);
    // A long conversation first (its stamps must not leak into the next one).
    measureSignals({ messages: Array.from({ length: 40 }, (_, i) => client(`message ${i} about router wifi billing parcel tracking address`)) });
    expect(measureSignals(jumpy).topicJumps).toEqual(alone);
  });

  it('reads message times exactly as Date.parse does, whatever the string', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    const iso = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        fc.integer({ min: 0, max: 61 }),
        fc.constantFrom('', '.1', '.12', '.123', '.1234', '.', '.000'),
        fc.constantFrom('Z', '+03:00', '-05:30', '+23:59', '+24:00', '-00:00', '+3:00', 'z', '', '+0300'),
      )
      .map(([y, mo, d, h, mi, sec, f, z]) => `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(sec, 2)}${f}${z}`);
    fc.assert(
      fc.property(fc.oneof(iso, fc.string()), (t) => Object.is(isoTime(t), Date.parse(t))),
      { numRuns: 20000, seed: 11 },
    );
    expect(isoTime('2026-03-01T10:00:00.250+03:00')).toBe(Date.parse('2026-03-01T07:00:00.250Z'));
  });

  it('counts step lines as a multiline pattern would, on every kind of line break', () => {
    const steps = /^\s*(?:\d{1,2}[.)]|[-•*]\s|шаг\s*\d|step\s*\d)/gim;
    const parts = ['1', '12', '123', '.', ')', '-', '•', '*', ' ', '\t', '\n', '\r', '\r\n', '\u2028', 'шаг', 'Step', 'step', 'a', ' 3)'];
    const text = fc.array(fc.constantFrom(...parts), { maxLength: 30 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (s) => countSteps(s, 3) === Math.min(s.match(steps)?.length ?? 0, 3)),
      { numRuns: 3000, seed: 7 },
    );
    expect(countSteps('Steps:\n1. open the app\n2) tap login\n- it fails', 5)).toBe(3);
  });
});

describe('long conversations', () => {
  it("reads the client's newest words only, up to the window, and quotes them where they stand", () => {
    const old = Array.from({ length: 300 }, (_, i) =>
      client(`Order ${i}: where is my parcel, please tell me when it arrives`, new Date(1e12 + i * 3_600_000).toISOString()),
    );
    const input = { messages: [...old, client('I have 40k followers and unless I get a voucher my review goes up tonight', new Date(2e12).toISOString())] };
    const words = clientWords(input);
    const read = words.tokens.reduce((n, t) => n + (t?.length ?? 0), 0);
    expect(read).toBe(WORD_WINDOW);
    expect(words.tokens[300]!.length).toBeGreaterThan(10);
    expect(words.tokens[0]).toBeNull();
    const r = classify(input, { model, pack: bare });
    for (const e of r.evidence) if (e.kind === 'word') expect(input.messages[e.quote.message]!.text.slice(e.quote.start, e.quote.end)).toBe(e.word);
  });

  it('reads a pasted megabyte as its first words, and still answers', () => {
    const huge = `Refund me now. ${'lorem ipsum dolor sit amet '.repeat(40_000)}`;
    const words = clientWords({ messages: [client(huge)] });
    expect(words.tokens[0]!.length).toBe(WORD_WINDOW);
    expect(words.own.messages[0]!.text.length).toBeLessThan(10_000);
    const r = run([client(huge)]);
    expect(Object.values(r.probabilities).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });
});

describe('learning from corrections', () => {
  const text = 'Could you tell me which of the two plans suits a family of four? We mostly stream films in the evening.';
  const input = { messages: [client(text)] };
  const correction = (to: (typeof MODEL_LABELS)[number]) => ({ to, stems: clientStems(input), scores: run(input.messages).modelLogits });

  it('moves the client to the type the agent chose, and forgets it exactly when undone', () => {
    const before = run(input.messages);
    const to = before.type === 'know-it-all' ? 'tester' : 'know-it-all';
    const learned = trainLearned([correction(to)]);
    const after = run(input.messages, bare, learned);
    expect(after.type).toBe(to);
    const ev = after.evidence.find((e) => e.kind === 'learned' && e.type === to);
    expect(ev?.kind === 'learned' && ev.quotes.every((q) => text.slice(q.start, q.end) === q.text)).toBe(true);
    expect(run(input.messages, bare, trainLearned([])).probabilities).toEqual(before.probabilities);
  });

  it('learns "not enough evidence" too', () => {
    const strong = { messages: [client('I have 40k followers and unless I get a voucher, my review goes up tonight.')] };
    const learned = trainLearned([{ to: 'unknown', stems: clientStems(strong), scores: run(strong.messages).modelLogits }]);
    expect(run(strong.messages, bare, learned).type).toBe('unknown');
  });

  it('never learns greetings or function words', () => {
    const stems = clientStems({ messages: [client('Здравствуйте! Добрый день. Hello, dear, и the регистрации. Спасибо, regards')] });
    const learned = trainLearned([{ to: 'tester', stems: [...stems, 'здравств', 'hello', 'the'] }]);
    expect([...learned.weights.keys()]).toEqual(['регистрац']);
  });

  it("learns only the client's own words, never an agent's reply quoted back", () => {
    const quoted =
      'Still waiting for the parcel.\n\nOn Mon, 2 Mar 2026 at 10:00, Acme Support <help@acme.com> wrote:\n> Sorry! As compensation here is a promo code.\n> Anna';
    const stems = clientStems({ messages: [client(quoted)] });
    expect(stems).toContain('parcel');
    for (const s of ['compens', 'promo', 'sorri', 'acm', 'anna', 'wrote']) expect(stems).not.toContain(s);
  });

  it('gives the same model for the same corrections', () => {
    const a = trainLearned([correction('tester'), correction('undecided')]);
    const b = trainLearned([correction('tester'), correction('undecided')]);
    expect([...a.weights.entries()].map(([k, v]) => [k, [...v]])).toEqual([...b.weights.entries()].map(([k, v]) => [k, [...v]]));
  });
});
