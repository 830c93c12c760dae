import type { TeamWriteRequest } from '../../core/messages/team-write';
import { TAG_WRITERS } from '../../core/sources/tag-writers';
import type { WriteOutcome } from '../../core/team-sync/record';
import type { Recognised } from './adapters/registry';
import { turnTakingFetch } from './api-turns';
import { log } from './log';
import { pageFetch } from './page-fetch';

/** The CSRF token the page itself carries (Zendesk's agent pages have one), if any. */
const pageCsrfToken = () => document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content || undefined;

/**
 * Carries out a team sync write the background asked for, from this page (its origin, its session), in turn with
 * the account's other requests. Only for this page's own helpdesk; a failure is an answer, never a thrown error.
 */
export async function handleTeamWrite(req: TeamWriteRequest, page: Recognised | null): Promise<WriteOutcome> {
  const site = page?.adapter.site;
  const source = site?.id;
  // Only a page of the record's own helpdesk account writes (a tab may have moved to another account meanwhile).
  if (!site || !source || source !== req.source || `${source}:${site.account(new URL(location.href))}` !== req.job.account)
    return { ok: false, reason: 'no-tab' };
  try {
    return await TAG_WRITERS[source](req.job, { origin: location.origin, fetch: turnTakingFetch(pageFetch(), source), pageCsrfToken: pageCsrfToken() });
  } catch (e) {
    log.warn('team sync could not write', e);
    return { ok: false, reason: 'offline', detail: e instanceof Error ? e.message.slice(0, 500) : 'error' };
  }
}
