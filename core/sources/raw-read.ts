import type { ClientSnapshot } from '../schema/snapshot';
import { z } from '../schema/zod';
import { SourceId } from '../taxonomy';
import { AmocrmRaw, amocrmRawToSnapshot } from './amocrm/raw';
import { ZendeskRaw, zendeskRawToSnapshot } from './zendesk/raw';

/*
 * What a content script read from a helpdesk page, as it came; the background validates it here (each
 * helpdesk's core/sources/<id>/raw.ts) and builds the snapshot. The content script stays small (no schemas).
 */

/** Each helpdesk's raw read and its mapping, by id: one per SourceId (the compiler refuses a missing one). */
export const RAW_READERS = {
  zendesk: { schema: ZendeskRaw, toSnapshot: zendeskRawToSnapshot },
  amocrm: { schema: AmocrmRaw, toSnapshot: amocrmRawToSnapshot },
} as const satisfies Record<SourceId, { schema: z.ZodMiniType; toSnapshot(raw: never, now: Date): ClientSnapshot }>;

type Readers = typeof RAW_READERS;
/** What any helpdesk's reader may send (the content script's side of the boundary). */
export type RawReadInput = { [K in SourceId]: z.input<Readers[K]['schema']> }[SourceId];

/** Which helpdesk a read says it is from: its reader checks the rest. */
const FromSource = z.object({ target: z.object({ source: SourceId }) });

/** Validates a raw read and builds the client snapshot. Throws a zod error (`z.core.$ZodError`) that says where the data is wrong. */
export function snapshotFromRaw(input: unknown, now = new Date()): ClientSnapshot {
  const reader: Readers[SourceId] = RAW_READERS[FromSource.parse(input).target.source];
  // The schema and the mapping come from the same entry; TypeScript cannot pair them through the union.
  return reader.toSnapshot(reader.schema.parse(input) as never, now);
}
