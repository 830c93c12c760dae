import { SOURCES } from './taxonomy';
import { z } from './schema/zod';
import { normalizeEmail } from './identity';
import type { ClientSnapshot } from './schema/snapshot';
import { clientKeyOf } from './schema/snapshot';

/** Clients Tipazh must skip entirely: exact emails, email domains, or record keys. Strict: a misspelt list is refused, never read as empty. */
export const NeverRecord = z.strictObject({
  emails: z._default(z.array(z.string().check(z.trim(), z.toLowerCase())).check(z.maxLength(10_000)), []),
  domains: z._default(
    z
      .array(
        z.pipe(
          z.string().check(z.trim(), z.toLowerCase()),
          z.transform((d) => d.replace(/^@/, '')),
        ),
      )
      .check(z.maxLength(1000)),
    [],
  ),
  clientKeys: z._default(z.array(z.string()).check(z.maxLength(10_000)), []),
});
export type NeverRecord = z.infer<typeof NeverRecord>;
export const NEVER_RECORD_KEY = 'neverRecord' as const;

/** True when the snapshot's client is on the never-record list. */
export const isNeverRecorded = (s: ClientSnapshot, list: NeverRecord | undefined): boolean => isKeyNeverRecorded(clientKeyOf(s), s.client.email, list);

/** True when the client of this dossier key and email is on the never-record list. */
export function isKeyNeverRecorded(key: string, rawEmail: string | undefined, list: NeverRecord | undefined): boolean {
  if (!list) return false;
  const email = normalizeEmail(rawEmail);
  if (email && list.emails.includes(email)) return true;
  const domain = email?.split('@')[1];
  if (domain && list.domains.some((d) => domain === d || domain.endsWith(`.${d}`))) return true;
  return list.clientKeys.includes(key);
}

/** Parses a never-record list typed as text: one email, @domain or record key per line. */
export function parseNeverRecordText(text: string): NeverRecord {
  const lines = text
    .split(/[\n,;]+/)
    .map((l) => l.trim())
    .filter(Boolean);
  return NeverRecord.parse({
    emails: lines.filter((l) => /^[^@\s]+@[^@\s]+$/.test(l)),
    domains: lines.filter((l) => /^@?[a-z0-9.-]+\.[a-z]{2,}$/i.test(l) && !l.includes('@', 1)).map((l) => l.replace(/^@/, '')),
    clientKeys: lines.filter((l) => SOURCES.some((s) => l.startsWith(`${s}:`))),
  });
}

const errorName = (e: unknown) => (e as { name?: string; inner?: { name?: string } })?.inner?.name ?? (e as { name?: string })?.name;

/** True for the browser's storage failures (full, closed), as opposed to bad input. */
export const isStorageError = (e: unknown) => ['QuotaExceededError', 'DatabaseClosedError', 'InvalidStateError'].includes(errorName(e) ?? '');

/** Storage errors in words an agent understands; nothing was written when these happen. */
export function describeStorageError(e: unknown): string {
  const name = errorName(e);
  if (name === 'QuotaExceededError')
    return 'The browser’s storage for Tipazh is full: nothing was saved. Export a backup and forget old clients to free space.';
  if (name === 'DatabaseClosedError' || name === 'InvalidStateError')
    return 'The dossier database is closed (the browser may be shutting down): nothing was saved.';
  return `Nothing was saved: ${(e as Error)?.message ?? String(e)}`;
}
