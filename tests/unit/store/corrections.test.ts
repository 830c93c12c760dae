import { afterEach, describe, expect, it } from 'vitest';
import { TipazhDb } from '../../../core/store/db';
import { activeCorrections, addCorrection, undoCorrection } from '../../../core/store/corrections';
import { recordVisit } from '../../../core/store/dossiers';
import { makeSnapshot } from '../helpers';

let db: TipazhDb;
afterEach(async () => db?.delete());

describe('corrections', () => {
  it('sets the override, survives later visits, and undoes back to the previous choice', async () => {
    db = new TipazhDb(`c-${Math.random()}`);
    await recordVisit(db, makeSnapshot(), 1000);
    const key = 'zendesk:acme:42';
    const first = await addCorrection(db, { clientKey: key, from: 'unknown', to: 'tester', reason: 'sent a great bug report', stems: ['bug'] }, 2000);
    const second = await addCorrection(db, { clientKey: key, from: 'tester', to: 'know-it-all', stems: ['lectur'] }, 3000);
    expect((await db.clients.get(key))?.typeOverride).toMatchObject({ type: 'know-it-all', correctionId: second.id });
    await recordVisit(db, makeSnapshot(), 4000);
    expect((await db.clients.get(key))?.typeOverride?.type).toBe('know-it-all');

    await undoCorrection(db, second.id, 5000);
    expect((await db.clients.get(key))?.typeOverride).toMatchObject({ type: 'tester', reason: 'sent a great bug report', correctionId: first.id });
    expect((await activeCorrections(db)).map((c) => c.id)).toEqual([first.id]);
    await undoCorrection(db, first.id, 6000);
    expect((await db.clients.get(key))?.typeOverride).toBeUndefined();
    expect(await activeCorrections(db)).toEqual([]);
    expect(await db.corrections.count()).toBe(2);
  });

  it('refuses a correction for a client without a dossier and writes nothing', async () => {
    db = new TipazhDb(`c-${Math.random()}`);
    await expect(addCorrection(db, { clientKey: 'nope', from: 'unknown', to: 'tester', stems: [] })).rejects.toThrow(/no dossier/);
    expect(await db.corrections.count()).toBe(0);
  });
});
