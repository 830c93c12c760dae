import type { ClientSnapshot } from '../../schema/snapshot';
import { z } from '../../schema/zod';
import { maybe, opt, required, Target, Url } from '../raw-parts';
import { AmoCompany, AmoContact, AmoLead, AmoNotes, AmoUser, amoToSnapshot } from './api';
import { AmoDomRead, amoDomToSnapshot } from './dom-read';

/** What the amoCRM reader sends from a lead, contact or company card. */
export const AmocrmRaw = z.object({
  kind: z.literal('amocrm'),
  target: Target,
  url: Url,
  api: z.optional(z.object({ lead: opt, contact: opt, company: opt, notes: opt, account: opt, user: opt })),
  dom: AmoDomRead,
});
export type AmocrmRaw = z.infer<typeof AmocrmRaw>;

/** The snapshot of a checked amoCRM read: from the API when it answered, else from the card. */
export function amocrmRawToSnapshot(raw: AmocrmRaw, now: Date): ClientSnapshot {
  if (!raw.api) return amoDomToSnapshot(raw.dom, raw.target, raw.url, now);
  const entity = raw.target.kind === 'ticket' ? 'lead' : raw.target.kind === 'user' ? 'contact' : 'company';
  return amoToSnapshot(
    {
      account: raw.target.account,
      url: raw.url,
      entity,
      lead: required(AmoLead, raw.api.lead),
      contact: required(AmoContact, raw.api.contact),
      company: maybe(AmoCompany, raw.api.company),
      notes: maybe(AmoNotes, raw.api.notes),
      feed: raw.dom.feed ?? [],
      agentName: maybe(AmoUser, raw.api.user)?.name,
      statusText: raw.dom.status,
    },
    now,
  );
}
