import type { ClientSnapshot } from '../schema/snapshot';
import { clientKeyOf } from '../schema/snapshot';
import type { AuditRecord, ClientRecord, NoteRecord, VisitRecord, VisitVerdict } from './db';
import type { VipSource } from '../vip';
import type { TeamSyncRecord } from '../team-sync/record';
import type { TeamSyncChoice } from '../team-sync/choice';

/*
 * What the side panel receives from the dossier store. Types and pure helpers only: the panel imports this
 * module, and nothing here may pull the database library into the panel's bundle.
 */

export type Unsubscribe = () => void;

/** A client's dossier with everything linked to the same person. */
export interface DossierView {
  client?: ClientRecord;
  /** The same person's records in other helpdesks (or accounts), linked by email or phone. */
  linked: ClientRecord[];
  /** Notes on every linked record, pinned first, newest first; `locked` when sealed and the lock is closed. */
  notes: (NoteRecord & { locked?: boolean })[];
  /** Visits of every linked record, oldest first. */
  visits: VisitRecord[];
  /** Changes to this dossier, newest first. */
  audit: AuditRecord[];
  /** Share of clients with more revenue than this one (0 = the top); undefined without revenue. */
  revenueRank?: number;
  /** What team sync wrote, or waits to write, to this client's helpdesk record. */
  teamSync?: TeamSyncRecord;
  /** The agent's own team sync choice (options page); none: the pack decides. */
  teamChoice?: TeamSyncChoice;
}

/** Whether VIP notes are locked with a passphrase, and whether this panel has opened the lock. */
export interface LockState {
  enabled: boolean;
  unlocked: boolean;
}

/** A client as the client list shows it: what a search sends back, not the whole record; `vip`: where the VIP state comes from. */
export type ClientSummary = Pick<ClientRecord, 'key' | 'source' | 'externalId' | 'name' | 'email' | 'phone' | 'tags' | 'lastSeen'> & { vip?: VipSource };
export const summaryOf = ({ key, source, externalId, name, email, phone, tags, vip, lastSeen }: ClientSummary): ClientSummary => ({
  key,
  source,
  externalId,
  name,
  email,
  phone,
  tags,
  vip,
  lastSeen,
});

export const EMPTY_DOSSIER: DossierView = { linked: [], notes: [], visits: [], audit: [] };

/** The calendar day (UTC) of a timestamp, which groups re-opens of a ticket into one visit. */
export const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The id of the visit a snapshot seen at `now` belongs to: client, ticket, day. */
export const visitIdOf = (snap: ClientSnapshot, now: number) => `${clientKeyOf(snap)}|${snap.ticket?.id ?? '-'}|${dayOf(now)}`;

export const sameVerdict = (a: Partial<VisitVerdict>, b: VisitVerdict) =>
  a.type === b.type && a.confidence === b.confidence && a.stage === b.stage && a.level === b.level;
