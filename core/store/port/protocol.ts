import { z } from '../../schema/zod';
import { DossierChange } from '../apply-edit';
import { NewCorrection } from '../corrections';
import { VisitVerdict } from '../db';
import type { StoreMethod, StoreRequest, WatchMethod } from './service';

/*
 * What the background accepts from a panel over the store port, checked before anything touches the
 * database. Each method's arguments are a tuple; a watch's callback is not sent, its values come back.
 */

const Key = z.string().check(z.minLength(1), z.maxLength(500));
const Who = z.string().check(z.maxLength(200));
const Passphrase = z.string().check(z.minLength(1), z.maxLength(1000));

const ARGS: Record<StoreMethod, z.ZodMiniType> = {
  watchDossier: z.tuple([Key]),
  watchLock: z.tuple([]),
  watchCorrections: z.tuple([]),
  watchPack: z.tuple([]),
  unlockNotes: z.tuple([Passphrase]),
  setUpNotesLock: z.tuple([Passphrase]),
  lockNotes: z.tuple([]),
  forget: z.tuple([Key, z.boolean()]),
  addNote: z.tuple([Key, z.string().check(z.maxLength(20_000))]),
  addCorrection: z.tuple([NewCorrection, Who]),
  undoCorrection: z.tuple([Key, Who]),
  edit: z.tuple([DossierChange, Who]),
  searchClients: z.tuple([z.string().check(z.maxLength(500))]),
  prepareSearch: z.tuple([]),
  splitRecord: z.tuple([Key]),
  recordVerdict: z.tuple([Key, Key, VisitVerdict]),
  retryTeamSync: z.tuple([Key]),
};
const METHODS = Object.keys(ARGS) as StoreMethod[];
const isWatch = (m: StoreMethod): m is WatchMethod => m.startsWith('watch');

const Envelope = z.discriminatedUnion('t', [
  z.object({ t: z.enum(['call', 'watch']), id: z.number().check(z.int()), method: z.enum(METHODS), args: z.array(z.unknown()) }),
  z.object({ t: z.literal('unwatch'), id: z.number().check(z.int()) }),
  z.object({ t: z.literal('ping') }),
]);

export type ParsedRequest = { ok: true; request: StoreRequest } | { ok: false; id?: number; error: z.core.$ZodError };

/** Validates a request and its method's arguments; a watch must name a watch method, a call a call method. */
export function parseStoreRequest(message: unknown): ParsedRequest {
  const id = typeof (message as { id?: unknown })?.id === 'number' ? (message as { id: number }).id : undefined;
  const env = Envelope.safeParse(message);
  if (!env.success) return { ok: false, id, error: env.error };
  const m = env.data;
  if (m.t === 'unwatch' || m.t === 'ping') return { ok: true, request: m };
  if ((m.t === 'watch') !== isWatch(m.method)) {
    return {
      ok: false,
      id,
      error: new z.core.$ZodError([{ code: 'custom', path: ['method'], message: `${m.method} cannot be used with "${m.t}"`, input: m.method }]),
    };
  }
  const args = ARGS[m.method].safeParse(m.args);
  if (!args.success) return { ok: false, id, error: new z.core.$ZodError(args.error.issues.map((i) => ({ ...i, path: ['args', ...i.path] }))) };
  return { ok: true, request: { ...m, args: args.data as unknown[] } as StoreRequest };
}
