import { z } from '../../schema/zod';
import { normalizeEmail } from '../../identity';
import { ClientSnapshot, type ClientSnapshotInput, type Message } from '../../schema/snapshot';
import { Id, Name, OptStr as Str } from '../api-fields';

/*
 * amoCRM / Kommo API v4 shapes (HAL JSON), only the fields Tipazh reads; unknown keys are dropped.
 * Facts: shared/helpdesks/FACTS.md A6–A7. Multitext values carry `enum_code` in real answers and `enum`
 * in the docs' examples, so both are read. A missing entity answers 204 (getJson gives null).
 */

export const AmoFieldValue = z.object({
  value: z.nullish(z.union([z.string(), z.number(), z.boolean()])),
  enum_code: Str,
  enum: Str,
});
export const AmoField = z.object({
  field_id: z.nullish(Id),
  field_name: Str,
  field_code: Str,
  field_type: Str,
  values: z.pipe(
    z.nullish(z.array(AmoFieldValue)),
    z.transform((v) => v ?? []),
  ),
});
const Fields = z.pipe(
  z.nullish(z.array(AmoField)),
  z.transform((v) => v ?? []),
);
const Tags = z.pipe(
  z.nullish(z.array(z.object({ name: z.string() }))),
  z.transform((v) => (v ?? []).map((t) => t.name)),
);
const Ref = z.object({ id: Id, is_main: z.nullish(z.boolean()) });
const Refs = z.nullish(z.array(Ref));

export const AmoLead = z.object({
  id: Id,
  name: Name,
  price: z.nullish(z.number()),
  status_id: z.nullish(z.number()),
  created_at: z.nullish(z.number()),
  custom_fields_values: Fields,
  _embedded: z.nullish(z.partial(z.object({ tags: Tags, contacts: Refs, companies: Refs }))),
});
export type AmoLead = z.infer<typeof AmoLead>;

export const AmoContact = z.object({
  id: Id,
  name: Name,
  first_name: Str,
  last_name: Str,
  created_at: z.nullish(z.number()),
  custom_fields_values: Fields,
  _embedded: z.nullish(z.partial(z.object({ tags: Tags, companies: Refs, leads: Refs }))),
});
export type AmoContact = z.infer<typeof AmoContact>;

export const AmoCompany = z.object({
  id: Id,
  name: Name,
  custom_fields_values: Fields,
  _embedded: z.nullish(z.partial(z.object({ tags: Tags, contacts: Refs, leads: Refs }))),
});
export type AmoCompany = z.infer<typeof AmoCompany>;

export const AmoNotes = z.object({
  _embedded: z.object({
    notes: z.array(
      z.object({
        id: Id,
        note_type: z.string(),
        created_at: z.nullish(z.number()),
        params: z.nullish(z.partial(z.object({ text: z.nullish(z.string()) }))),
      }),
    ),
  }),
});
export type AmoNotes = z.infer<typeof AmoNotes>;

export const AmoUser = z.object({ id: Id, name: Str });

/** A chat or mail message read from the card's feed: the API has no chat texts. */
export const AmoFeedMessage = z.object({
  direction: z.enum(['incoming', 'outgoing', 'system']),
  text: z.string(),
  author: z.optional(z.string()),
  at: z.optional(z.string()),
});
export type AmoFeedMessage = z.infer<typeof AmoFeedMessage>;

export interface AmoRead {
  account: string;
  url?: string;
  /** The card the agent has open. */
  entity: 'lead' | 'contact' | 'company';
  lead?: AmoLead;
  /** The client: the lead's main contact, or the contact card itself. */
  contact?: AmoContact;
  company?: AmoCompany;
  notes?: AmoNotes;
  feed: AmoFeedMessage[];
  agentName?: string;
  /** Lead status as the card shows it (the API gives only an id). */
  statusText?: string;
}

/** Every value of a multitext field (`PHONE`, `EMAIL`), identified by `field_code`, never the localised name. */
export function fieldValues(fields: z.infer<typeof Fields>, code: string): string[] {
  return fields
    .filter((f) => f.field_code === code)
    .flatMap((f) => f.values.map((v) => (v.value == null ? '' : String(v.value).trim())))
    .filter(Boolean);
}

const unixToIso = (s?: number | null) => (s ? new Date(s * 1000).toISOString() : undefined);
const CLOSED_WON = 142;

/** Builds a snapshot from amoCRM/Kommo API answers plus the card's feed. Throws a zod error when invalid. */
export function amoToSnapshot(read: AmoRead, now = new Date()): ClientSnapshot {
  const { contact, company, lead } = read;
  const person = contact;
  const clientFields = person?.custom_fields_values ?? company?.custom_fields_values ?? [];
  const emails = fieldValues(clientFields, 'EMAIL');
  const conversation: Message[] = [
    ...read.feed
      .filter((m) => m.direction !== 'system' && m.text.trim())
      .map((m): Message => ({ author: m.direction === 'incoming' ? 'client' : 'agent', authorName: m.author, text: m.text.trim(), at: m.at, public: true })),
    ...(read.notes?._embedded.notes ?? [])
      .filter((n) => n.note_type === 'common' && n.params?.text)
      .map((n): Message => ({ author: 'agent', text: n.params!.text!.trim(), at: unixToIso(n.created_at), public: false })),
  ];
  const leadCount = person?._embedded?.leads?.length ?? company?._embedded?.leads?.length;
  const input: ClientSnapshotInput = {
    source: 'amocrm',
    account: read.account,
    via: 'api',
    capturedAt: now.toISOString(),
    url: read.url,
    client: person
      ? {
          externalId: `contact:${person.id}`,
          name: person.name || [person.first_name, person.last_name].filter(Boolean).join(' '),
          email: normalizeEmail(emails[0]) ?? emails[0],
          phone: fieldValues(clientFields, 'PHONE')[0],
          organization: company?.name || undefined,
          tags: person._embedded?.tags ?? [],
          position: fieldValues(clientFields, 'POSITION')[0],
        }
      : {
          externalId: `company:${company?.id ?? ''}`,
          name: company?.name ?? '',
          email: emails[0],
          phone: fieldValues(clientFields, 'PHONE')[0],
          organization: company?.name || undefined,
          tags: company?._embedded?.tags ?? [],
        },
    ticket: lead ? { id: lead.id, subject: lead.name, status: read.statusText, tags: lead._embedded?.tags ?? [] } : undefined,
    conversation,
    history: {
      tickets: leadCount,
      purchases: lead?.status_id === CLOSED_WON ? 1 : undefined,
      firstContactAt: unixToIso(person?.created_at),
    },
    deal: lead?.price ? { value: lead.price } : undefined,
    agent: read.agentName ? { name: read.agentName } : undefined,
  };
  return ClientSnapshot.parse(input);
}

export { parseAmoDate } from './date';
