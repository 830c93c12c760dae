import type { FirefoxSession } from './firefox-session';
import { poll } from './poll';

/** In the page: the text (or attribute `attr`) of the first element with data-testid `id`; null when there is none. */
const readTestId = (id: string, attr: string | null) => {
  const el = document.querySelector(`[data-testid="${id}"]`);
  return el ? (attr ? el.getAttribute(attr) : el.textContent) : null;
};

/**
 * Waits until the first element with data-testid `id` in the current tab reads `want` (its text, or its
 * attribute `attr`): equal to a string, or matching a RegExp. Returns what it read; on timeout the error
 * says what was expected and what was there.
 */
export async function waitForTestId(
  session: FirefoxSession,
  id: string,
  want: string | RegExp,
  opts: { attr?: string; timeout?: number } = {},
): Promise<string> {
  let last: string | null = null;
  const matches = (v: string) => (typeof want === 'string' ? v.trim() === want : want.test(v));
  return poll(
    () => `[data-testid="${id}"]${opts.attr ? ` ${opts.attr}` : ''} to be ${want} (it was ${JSON.stringify(last)})`,
    async () => {
      last = await session.run(readTestId, id, opts.attr ?? null);
      return last !== null && matches(last) ? last : undefined;
    },
    { timeout: opts.timeout, interval: 150 },
  );
}

/** The text of every element matching `css` in the current tab. */
export const textsOf = (session: FirefoxSession, css: string): Promise<string[]> =>
  session.run((sel: string) => [...document.querySelectorAll(sel)].map((e) => e.textContent ?? ''), css);
