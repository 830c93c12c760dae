import type { ClientRecord, Visit, VisitRecord } from './db';

/** A dossier's visits as backups and the panel list them: each with the dossier's key. */
export const visitsOf = (c: Pick<ClientRecord, 'key' | 'visits'>): VisitRecord[] => c.visits.map((v) => ({ ...v, clientKey: c.key }));

/** A visit as its dossier keeps it: without the key, which is the dossier's own. */
export const storedVisit = ({ clientKey: _, ...v }: VisitRecord): Visit => v;

/** The order a dossier keeps its visits in, and the panel shows them: oldest first. */
export const oldestFirst = (a: Pick<Visit, 'at'>, b: Pick<Visit, 'at'>) => a.at - b.at;

/** The visits with `v` in place of the one with its id (or added), oldest first. */
export const withVisit = (visits: readonly Visit[], v: Visit): Visit[] => [...visits.filter((x) => x.id !== v.id), v].sort(oldestFirst);
