import { layerPacks, type EffectivePack } from '../pack/merge';
import type { StrategyPack } from '../pack/schema';
import { compareVersions } from '../pack/semver';
import { InstalledPack, type TipazhDb } from './db';

export const PERSONAL_PACK_ID = 'personal';

export type InstallOutcome = { status: 'installed'; record: InstalledPack } | { status: 'exists'; existing: InstalledPack };

/** Installed packs, bottom layer first. */
export async function listPacks(db: TipazhDb): Promise<InstalledPack[]> {
  return db.packs.orderBy('order').toArray();
}

/**
 * Installs a validated pack on top of the others. A pack with the same id is replaced only when `replace`
 * is set (the UI asks first); either way the write is one transaction, so nothing is half-installed.
 */
export async function installPack(
  db: TipazhDb,
  pack: StrategyPack,
  source: InstalledPack['source'],
  opts: { replace?: boolean; now?: number } = {},
): Promise<InstallOutcome> {
  const now = opts.now ?? Date.now();
  return db.transaction('rw', db.packs, async () => {
    const existing = await db.packs.get(pack.id);
    if (existing && !opts.replace) return { status: 'exists', existing } as const;
    const top = (await db.packs.orderBy('order').last())?.order ?? 0;
    const record = InstalledPack.parse({
      id: pack.id,
      pack,
      source,
      enabled: existing?.enabled ?? true,
      order: existing?.order ?? (pack.id === PERSONAL_PACK_ID ? Number.MAX_SAFE_INTEGER : top >= Number.MAX_SAFE_INTEGER ? top - 1 : top + 1),
      installedAt: existing?.installedAt ?? now,
      updatedAt: now,
      lastCheckedAt: existing?.lastCheckedAt,
    });
    await db.packs.put(record);
    return { status: 'installed', record } as const;
  });
}

export async function setPackEnabled(db: TipazhDb, id: string, enabled: boolean): Promise<void> {
  await db.packs.update(id, { enabled });
}

export async function removePack(db: TipazhDb, id: string): Promise<void> {
  await db.packs.delete(id);
}

/** Moves a pack one layer up (+1) or down (-1); the personal pack stays on top. */
export async function movePack(db: TipazhDb, id: string, direction: 1 | -1): Promise<void> {
  await db.transaction('rw', db.packs, async () => {
    const all = (await listPacks(db)).filter((p) => p.id !== PERSONAL_PACK_ID);
    const i = all.findIndex((p) => p.id === id);
    const j = i + direction;
    if (i < 0 || j < 0 || j >= all.length) return;
    const a = all[i]!;
    const b = all[j]!;
    await db.packs.update(a.id, { order: b.order });
    await db.packs.update(b.id, { order: a.order });
  });
}

/** Records a fetched version of a URL pack: kept as pending only when it is newer than the installed one. */
export async function offerUpdate(db: TipazhDb, id: string, fetched: StrategyPack, now = Date.now()): Promise<'newer' | 'same' | 'older'> {
  return db.transaction('rw', db.packs, async () => {
    const rec = await db.packs.get(id);
    if (!rec) throw new Error(`pack ${id} is not installed`);
    if (fetched.id !== id) throw new Error(`the URL now serves pack "${fetched.id}", not "${id}"`);
    const cmp = compareVersions(fetched.version, rec.pack.version);
    await db.packs.update(id, { lastCheckedAt: now, pending: cmp > 0 ? fetched : undefined });
    return cmp > 0 ? 'newer' : cmp === 0 ? 'same' : 'older';
  });
}

/** Drops a pending version the agent said no to; the installed one stays. */
export async function dismissUpdate(db: TipazhDb, id: string): Promise<void> {
  await db.packs.update(id, { pending: undefined });
}

/** Applies the pending version the agent accepted. */
export async function acceptUpdate(db: TipazhDb, id: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.packs, async () => {
    const rec = await db.packs.get(id);
    if (!rec?.pending) return;
    await db.packs.put({ ...rec, pack: rec.pending, pending: undefined, updatedAt: now });
  });
}

/** The built-in pack with every enabled installed pack layered over it. */
/** The effective pack now: the built-in one with the installed packs layered over it. */
export const currentPack = async (db: TipazhDb, builtin: () => Promise<StrategyPack>): Promise<StrategyPack> =>
  effectiveOf(await builtin(), await listPacks(db)).pack;

export function effectiveOf(builtin: StrategyPack, installed: readonly InstalledPack[]): EffectivePack {
  return layerPacks([
    builtin,
    ...installed
      .filter((p) => p.enabled)
      .sort((a, b) => a.order - b.order)
      .map((p) => p.pack),
  ]);
}
