import { z } from './zod';
import { SourceId } from '../taxonomy';

const MAX_TEXT = 200_000;
/** What ends a text that was cut to fit. */
export const CUT_MARK = '…';

/*
 * Page and API data is untrusted and often odd: it is normalised, never refused as a whole. A number or a
 * boolean where text belongs reads as text; text too long is cut and ends with CUT_MARK; a list too long
 * keeps its first (or, for a conversation, its newest) items; an optional field of the wrong kind is dropped.
 * Only what identifies the client (its id and account) must be right.
 */
const asText = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);
/** Text cut to `max` characters, ending with CUT_MARK when it was longer. */
export const cut = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}${CUT_MARK}`);
/** Any value as trimmed text of at most `max` characters (not text: empty). */
const asCutText = (max: number) =>
  z.pipe(
    z.unknown(),
    z.transform((v) => cut((asText(v) ?? '').trim(), max)),
  );
/** Required text: anything not text reads as empty. */
const text = (max = 500) => z._default(asCutText(max), '');
/** Optional text: anything not text is dropped. */
const optText = (max = 500) =>
  z.optional(
    z.pipe(
      z.unknown(),
      z.transform((v) => {
        const s = asText(v)?.trim();
        return s === undefined ? undefined : cut(s, max);
      }),
    ),
  );
/** Text that must be there (an id): coerced and cut like any text, but empty is refused. */
const idText = (max: number) => asCutText(max).check(z.refine((s) => s.length > 0, 'must not be empty'));
/** A count: a numeric string reads as its number; anything else is dropped. */
const count = () =>
  z.optional(
    z.pipe(
      z.unknown(),
      z.transform((v) => {
        const n = typeof v === 'string' && v.trim() ? Number(v) : v;
        return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
      }),
    ),
  );
const textList = (maxItems: number, maxItem: number) =>
  z._default(
    z.pipe(
      z.unknown(),
      z.transform((v) =>
        Array.isArray(v)
          ? v.slice(0, maxItems).flatMap((x) => {
              const s = asText(x)?.trim();
              return s ? [cut(s, maxItem)] : [];
            })
          : [],
      ),
    ),
    [],
  );
/** ISO 8601 timestamp with a zone, as helpdesk APIs return them. */
export const IsoTime = z.iso.datetime({ offset: true });
/** An optional time: one that is not ISO 8601 with a zone is dropped. */
const optTime = () =>
  z.optional(
    z.pipe(
      z.unknown(),
      z.transform((v) => (IsoTime.safeParse(v).success ? (v as string) : undefined)),
    ),
  );
/** `public`: true, false, or what they are written as ("yes", 1); anything else is an internal note. */
const flag = () =>
  z._default(
    z.pipe(
      z.unknown(),
      z.transform((v) => v === true || v === 1 || (typeof v === 'string' && /^(true|yes|1|public)$/i.test(v.trim()))),
    ),
    false,
  );

/** One message of the conversation. Only `client` messages count as the client's words. */
export const Message = z.object({
  author: z.enum(['client', 'agent', 'bot', 'system']),
  authorName: optText(),
  text: z.pipe(
    z.unknown(),
    z.transform((v) => cut(asText(v) ?? '', MAX_TEXT)),
  ),
  at: optTime(),
  /** false for internal notes, which the client never sees. */
  public: flag(),
});
export type Message = z.infer<typeof Message>;

/** What the helpdesk knows of the client's past, where it says. */
export const History = z.partial(
  z.object({
    tickets: count(),
    openTickets: count(),
    satisfactionGood: count(),
    satisfactionBad: count(),
    complaints: count(),
    compensationRequests: count(),
    promoTickets: count(),
    purchases: count(),
    firstContactAt: optTime(),
  }),
);
export type History = z.infer<typeof History>;

/** What a read left out (see `ClientSnapshot.omitted`). */
export interface Omitted {
  older?: number | 'some';
  shortened?: number;
}
const positive = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined);

/** The client as read from one helpdesk page: the single shape every adapter produces. */
export const ClientSnapshot = z.object({
  source: SourceId,
  /** The helpdesk account: the subdomain, e.g. `acme` of acme.zendesk.com. */
  account: idText(200),
  /** How the page was read: the helpdesk API, the page DOM, or both. */
  via: z.enum(['api', 'dom', 'mixed']),
  capturedAt: IsoTime,
  url: optText(4000),
  client: z.object({
    externalId: idText(100),
    name: text(),
    email: optText(320),
    phone: optText(50),
    organization: optText(),
    tags: textList(500, 200),
    notes: optText(20_000),
    /** Job title, where the CRM has one. */
    position: optText(),
    /** The helpdesk's custom fields for this person (Zendesk user fields), as text (at most 200). */
    fields: z._default(
      z.pipe(
        z.unknown(),
        z.transform(
          (v): Record<string, string> =>
            v && typeof v === 'object' && !Array.isArray(v)
              ? Object.fromEntries(
                  Object.entries(v)
                    .slice(0, 200)
                    .flatMap(([k, x]) => {
                      const s = asText(x);
                      return s === undefined ? [] : [[cut(k, 200), cut(s, 2000)]];
                    }),
                )
              : {},
        ),
      ),
      {},
    ),
  }),
  /** The ticket (Zendesk) or lead (amoCRM) the agent has open, when the page is one. */
  ticket: z.optional(
    z.object({
      id: idText(100),
      subject: text(1000),
      status: optText(100),
      tags: textList(500, 200),
      channel: optText(100),
    }),
  ),
  /** The conversation, oldest first: at most MAX_MESSAGES, the newest; a message that cannot be read is left out. */
  conversation: z._default(
    z.pipe(
      z.unknown(),
      z.transform((v) =>
        Array.isArray(v)
          ? v.slice(-MAX_MESSAGES).flatMap((m) => {
              const r = Message.safeParse(m);
              return r.success ? [r.data] : [];
            })
          : [],
      ),
    ),
    [],
  ),
  /**
   * What was left out to keep the read bounded, so the panel can say so: older messages not read (how many, or
   * 'some' when the helpdesk did not say) and messages shortened to fit.
   */
  omitted: z.optional(
    z.pipe(
      z.unknown(),
      z.transform((v): Omitted | undefined => {
        if (!v || typeof v !== 'object') return undefined;
        const o = v as Record<string, unknown>;
        const older = o.older === 'some' ? 'some' : positive(o.older);
        const shortened = positive(o.shortened);
        return older || shortened ? { ...(older ? { older } : {}), ...(shortened ? { shortened } : {}) } : undefined;
      }),
    ),
  ),
  history: z._default(History, {}),
  /** Deal or order value in the CRM, when there is one. */
  deal: z.optional(
    z.pipe(
      z.unknown(),
      z.transform((v) => {
        const d = v as { value?: unknown; currency?: unknown } | undefined;
        const value = typeof d?.value === 'string' ? Number(d.value) : d?.value;
        if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return undefined;
        const currency = asText(d?.currency)?.trim();
        return { value, ...(currency ? { currency: cut(currency, 10) } : {}) };
      }),
    ),
  ),
  agent: z.optional(z.object({ name: optText() })),
});
/** How many messages of a conversation are kept: the newest. */
export const MAX_MESSAGES = 5000;
export type ClientSnapshot = z.infer<typeof ClientSnapshot>;
export type ClientSnapshotInput = z.input<typeof ClientSnapshot>;

/** The dossier key of a snapshot's client: one record per helpdesk account and client id. */
export function clientKeyOf(s: Pick<ClientSnapshot, 'source' | 'account'> & { client: { externalId: string } }): string {
  return `${s.source}:${s.account}:${s.client.externalId}`;
}
