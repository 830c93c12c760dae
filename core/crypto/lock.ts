import { z } from '../schema/zod';

/*
 * The passphrase lock for notes on VIP (Lion King) clients: AES-GCM with a key derived from the passphrase
 * by PBKDF2-SHA-256. Only the salt, the iteration count and an encrypted check value are stored; the key
 * lives in memory while the panel is unlocked. Uses WebCrypto, which browsers and Node both have.
 */

export const Sealed = z.object({ iv: z.string().check(z.minLength(1)), data: z.string().check(z.minLength(1)) });
export type Sealed = z.infer<typeof Sealed>;

export const LockRecord = z.strictObject({
  salt: z.string().check(z.minLength(1)),
  iterations: z.number().check(z.int(), z.minimum(1000)),
  /** A known text, encrypted: decrypting it proves the passphrase is right. */
  check: Sealed,
});
export type LockRecord = z.infer<typeof LockRecord>;
export const LOCK_KEY = 'notesLock' as const;
export const DEFAULT_ITERATIONS = 600_000;
const CHECK_TEXT = 'tipazh-lock-v1';

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (s: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
}

export async function seal(key: CryptoKey, text: string): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(text)));
  return { iv: b64(iv), data: b64(data) };
}

/** Decrypts; throws when the key is wrong or the data was tampered with (AES-GCM checks both). */
export async function unseal(key: CryptoKey, sealed: Sealed): Promise<string> {
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: unb64(sealed.iv) }, key, unb64(sealed.data));
  return new TextDecoder().decode(plain);
}

/** Sets up a lock for a new passphrase (at least 8 characters). */
export async function createLock(passphrase: string, iterations = DEFAULT_ITERATIONS): Promise<{ record: LockRecord; key: CryptoKey }> {
  if (passphrase.length < 8) throw new Error('the passphrase must be at least 8 characters');
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await deriveKey(passphrase, salt, iterations);
  return { record: { salt: b64(salt), iterations, check: await seal(key, CHECK_TEXT) }, key };
}

/** The key for this passphrase, or null when it is wrong. */
export async function unlock(record: LockRecord, passphrase: string): Promise<CryptoKey | null> {
  const key = await deriveKey(passphrase, unb64(record.salt), record.iterations);
  try {
    return (await unseal(key, record.check)) === CHECK_TEXT ? key : null;
  } catch {
    return null;
  }
}
