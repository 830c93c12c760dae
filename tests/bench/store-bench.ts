import 'fake-indexeddb/auto';
import { exportBackup } from '../../core/backup/export';
import { applyRestore } from '../../core/backup/restore';
import { parseBackup } from '../../core/backup/read-backup';
import { TipazhDb, type ClientRecord } from '../../core/store/db';
import { liveSearchIndex } from '../../core/store/live-search-index';
import { searchClients, searchTokensOf } from '../../core/store/search';
import { identityKeysOf } from '../../core/identity';
import { ms, row } from './stats';

/** N synthetic dossiers with realistic names (and a number, as a word of its own), emails, phones and tags. */
function dossiers(n: number): ClientRecord[] {
  const first = ['Анна', 'Иван', 'Мария', 'Олег', 'Megan', 'Daniel', 'Sarah', 'Tom', 'Виктория', 'Игорь'];
  const last = ['Смирнова', 'Петров', 'Price', 'Okafor', 'Lee', 'Лебедева', 'Кузнецов', 'Mitchell'];
  return Array.from({ length: n }, (_, i) => {
    const c = {
      key: `zendesk:acme:${i}`,
      source: 'zendesk' as const,
      account: 'acme',
      externalId: String(i),
      name: `${first[i % first.length]} ${last[(i * 7) % last.length]} ${i}`,
      email: `client${i}@company${i % 300}.example`,
      phone: `+7903${String(i).padStart(7, '0')}`,
      firstSeen: i,
      lastSeen: 1_700_000_000_000 + i * 1000,
      updatedAt: 1_700_000_000_000 + i * 1000,
      visitCount: 1 + (i % 5),
      tags: i % 20 ? [] : ['vip'],
      vip: i % 20 === 0,
      profile: { prefilled: [] },
      searchTokens: [] as string[],
      helpdeskTags: [] as string[],
      visits: [],
      notes: [],
      ids: [] as string[],
    };
    c.searchTokens = searchTokensOf(c);
    c.ids = identityKeysOf(c);
    return c;
  });
}

async function p50(fn: () => Promise<unknown>, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** Dossier store figures in Node on fake-indexeddb (a pure-JS IndexedDB, slower than the browser's). */
export async function storeBench(out: (s?: string) => void): Promise<void> {
  out('');
  out('Dossier store (Node + fake-indexeddb: pessimistic next to Chromium’s IndexedDB)');
  for (const n of [10_000, 100_000]) {
    const db = new TipazhDb(`bench-${n}`);
    const recs = dossiers(n);
    for (let i = 0; i < n; i += 5000) await db.clients.bulkPut(recs.slice(i, i + 5000));
    const lookup = await p50(() => db.clients.get(`zendesk:acme:${Math.floor(Math.random() * n)}`), 300);
    out(row(`${n / 1000}k dossiers: lookup by identity p50`, ms(lookup), n === 100_000 ? '≤ 2 ms p50' : undefined, n === 100_000 ? lookup <= 2 : undefined));
    // Names also in the other script (smirnova, Лебедева → lebedeva), and phone numbers as people write them.
    const queries = [
      'анна',
      'price',
      `client${Math.floor(n / 3)}`,
      'company12',
      '903000',
      'vip',
      'megan price',
      'smirnova',
      'Прайс',
      '8 903 000 12',
      '+7 903 001',
    ];
    const live = liveSearchIndex(db);
    const t0 = performance.now();
    const index = await live.get();
    out(row(`${n / 1000}k dossiers: search index built`, ms(performance.now() - t0)));
    // The index's text in memory (UTF-16: two bytes a character), which names in both scripts add to.
    const mb = (index.textLength * 2) / 1e6;
    const name = `${n / 1000}k dossiers: search index text (${(index.textLength / n).toFixed(0)} chars each)`;
    out(row(name, `${mb.toFixed(1)} MB`, n === 100_000 ? '≤ 24 MB' : undefined, n === 100_000 ? mb <= 24 : undefined));
    let i = 0;
    const search = await p50(async () => searchClients(await live.get(), queries[i++ % queries.length]!), 70);
    live.dispose();
    out(
      row(`${n / 1000}k dossiers: search p50 (mixed queries)`, ms(search), n === 100_000 ? '≤ 30 ms p50' : undefined, n === 100_000 ? search <= 30 : undefined),
    );
    if (n === 100_000) {
      const text = await exportBackup(db);
      const target = new TipazhDb('bench-restore');
      const t = performance.now();
      const parsed = await parseBackup(text);
      if (!parsed.ok) throw new Error(parsed.error);
      await applyRestore(target, parsed.backup);
      const secs = (performance.now() - t) / 1000;
      out(row('100k-dossier backup: restore into an empty profile', `${secs.toFixed(1)} s`, 'well under 60 s', secs < 60));
      out(row('100k-dossier backup: file size', `${(text.length / 1e6).toFixed(1)} MB`));
      await target.delete();
    }
    await db.delete();
  }
}
