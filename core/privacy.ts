import { z } from 'zod';
import { normalizeEmail } from './identity';
import type { ClientSnapshot } from './schema/snapshot';
import { clientKeyOf } from './schema/snapshot';

/** Clients Tipazh must skip entirely: exact emails, email domains, or record keys. */
export const NeverRecord = z.object({
  emails: z.array(z.string().trim().toLowerCase()).max(10_000).default([]),
  domains: z.array(z.string().trim().toLowerCase().transform((d) => d.replace(/^@/, ''))).max(1000).default([]),
  clientKeys: z.array(z.string()).max(10_000).default([]),
});
export type NeverRecord = z.infer<typeof NeverRecord>;
export const NEVER_RECORD_KEY = 'neverRecord';

/** True when the snapshot's client is on the never-record list. */
export function isNeverRecorded(s: ClientSnapshot, list: NeverRecord | undefined): boolean {
  if (!list) return false;
  const email = normalizeEmail(s.client.email);
  if (email && list.emails.includes(email)) return true;
  const domain = email?.split('@')[1];
  if (domain && list.domains.some((d) => domain === d || domain.endsWith(`.${d}`))) return true;
  return list.clientKeys.includes(clientKeyOf(s));
}

/** Parses a never-record list typed as text: one email, @domain or record key per line. */
export function parseNeverRecordText(text: string): NeverRecord {
  const lines = text.split(/[\n,;]+/).map((l) => l.trim()).filter(Boolean);
  return NeverRecord.parse({
    emails: lines.filter((l) => /^[^@\s]+@[^@\s]+$/.test(l)),
    domains: lines.filter((l) => /^@?[a-z0-9.-]+\.[a-z]{2,}$/i.test(l) && !l.includes('@', 1)).map((l) => l.replace(/^@/, '')),
    clientKeys: lines.filter((l) => /^(zendesk|amocrm):/.test(l)),
  });
}

/** Storage errors in words an agent understands; nothing was written when these happen. */
export function describeStorageError(e: unknown): string {
  const name = (e as { name?: string; inner?: { name?: string } })?.inner?.name ?? (e as { name?: string })?.name;
  if (name === 'QuotaExceededError') return 'The browser’s storage for Tipazh is full: nothing was saved. Export a backup and forget old clients to free space.';
  if (name === 'DatabaseClosedError' || name === 'InvalidStateError') return 'The dossier database is closed (the browser may be shutting down): nothing was saved.';
  return `Nothing was saved: ${(e as Error)?.message ?? String(e)}`;
}
