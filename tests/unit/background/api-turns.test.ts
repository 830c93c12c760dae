import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../core/net/rate-limit';
import { createApiTurns } from '../../../entrypoints/background/api-turns';

/** Turns on a virtual clock: waiting moves time, and `starts` records when each turn was given. */
function setup() {
  let now = 0;
  const starts: number[] = [];
  const turns = createApiTurns(
    async () => ({ zendesk: [], amocrm: [] }),
    (perSecond) => {
      const limit = createRateLimiter(
        perSecond,
        () => now,
        async (ms) => void (now += ms),
      );
      // Each grant noted at the moment it is given.
      return (task, skip) => limit(async () => (starts.push(now), task()), skip);
    },
  );
  const ask = (tabId: number, id: number, url: string) => turns({ kind: 'api-turn', id }, { tabId, url });
  return { turns, ask, starts };
}

describe('API turns: one rate per helpdesk account, across its tabs', () => {
  it('gives an amoCRM account 6 turns a second, however many tabs ask', async () => {
    const { ask, starts } = setup();
    const lead = (n: number) => `https://acme.amocrm.ru/leads/detail/${n}`;
    await Promise.all([1, 2, 3].flatMap((tab) => Array.from({ length: 6 }, (_, i) => ask(tab, i, lead(tab)))));
    const perSecond = new Map<number, number>();
    for (const at of starts) perSecond.set(Math.floor(at / 1000), (perSecond.get(Math.floor(at / 1000)) ?? 0) + 1);
    expect([...perSecond.values()]).toEqual([6, 6, 6]);
  });

  it('keeps accounts apart, and Zendesk at 10 a second', async () => {
    const { ask, starts } = setup();
    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => ask(1, i, 'https://acme.zendesk.com/agent/tickets/1')),
      ...Array.from({ length: 6 }, (_, i) => ask(2, i, 'https://other.amocrm.ru/leads/detail/1')),
    ]);
    expect(starts.every((at) => at === 0)).toBe(true);
    expect(starts).toHaveLength(16);
  });

  it('spends no slot on a withdrawn turn', async () => {
    const { turns, ask, starts } = setup();
    const url = 'https://acme.amocrm.ru/leads/detail/1';
    const asked = Array.from({ length: 12 }, (_, i) => ask(1, i, url));
    // The agent moved on: the last six are withdrawn while they wait.
    for (let i = 6; i < 12; i++) await turns({ kind: 'api-turn-withdraw', id: i }, { tabId: 1, url });
    const answers = await Promise.all(asked);
    expect(answers.filter((a) => a.ok)).toHaveLength(6);
    expect(answers.slice(6)).toEqual(Array(6).fill({ ok: false, error: 'withdrawn' }));
    // The next turn is not held behind them.
    await ask(1, 99, url);
    expect(starts.at(-1)).toBe(1000);
  });

  it('refuses a page that is not a helpdesk', async () => {
    const { ask } = setup();
    expect(await ask(1, 1, 'https://evil.example/')).toEqual({ ok: false, error: 'https://evil.example is not a helpdesk Tipazh reads' });
    expect(await ask(1, 2, 'not a url')).toMatchObject({ ok: false });
  });
});
