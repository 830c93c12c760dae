import type { SourceId } from '../source-ids';

/**
 * How many API requests may start in any one second, per helpdesk account, across every tab of that account.
 * amoCRM allows 7 a second per account (more gets 429 and, repeated, a block): we stay at 6. Zendesk counts
 * 700 a minute on most plans for the whole account, shared with every other app: 10 a second lets a burst of
 * ticket switches through without ever being the one that exhausts it.
 */
export const REQUESTS_PER_SECOND: Readonly<Record<SourceId, number>> = { zendesk: 10, amocrm: 6 };

/**
 * A content script asks for a turn to call its helpdesk's API (`id` unique in its tab) and starts the request
 * when the answer comes; it withdraws a turn it no longer needs (the agent moved on) so no slot is spent on it.
 */
export type ApiTurnMessage = { kind: 'api-turn'; id: number } | { kind: 'api-turn-withdraw'; id: number };
export const isApiTurnMessage = (m: unknown): m is ApiTurnMessage =>
  typeof m === 'object' &&
  m !== null &&
  ((m as ApiTurnMessage).kind === 'api-turn' || (m as ApiTurnMessage).kind === 'api-turn-withdraw') &&
  Number.isSafeInteger((m as ApiTurnMessage).id);
export type ApiTurnAnswer = { ok: true } | { ok: false; error: string };
