import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { RAW_READERS } from '../../../core/sources/raw-read';
import type { HelpdeskSite } from '../../../core/sources/site';
import { SITES } from '../../../core/sources/sites';
import { en } from '../../../components/i18n/en';
import { ru } from '../../../components/i18n/ru';
import { optionsEn } from '../../../components/i18n/options-en';
import { optionsRu } from '../../../components/i18n/options-ru';
import { ADAPTERS } from '../../../entrypoints/helpdesk.content/adapters/registry';
import { builtManifest } from '../../support/manifest';

/*
 * In the spirit of refined-github's features test: a helpdesk is registered in several places (its site, its
 * reader, its raw read, the manifest, the page fixtures, the words, the README), and this says which one a
 * helpdesk lacks. CONTRIBUTING.md lists the same steps.
 */

/** Everything a registered helpdesk must appear in, gathered from the real project (or a test's own). */
interface Project {
  sites: Readonly<Record<string, HelpdeskSite>>;
  adapters: Readonly<Record<string, { site: HelpdeskSite; insert: unknown }>>;
  readers: Readonly<Record<string, unknown>>;
  /** Host permissions of each browser's manifest. */
  manifestHosts: Record<'chrome' | 'firefox', readonly string[]>;
  words: Readonly<Record<'en' | 'ru' | 'optionsEn' | 'optionsRu', Readonly<Record<string, string>>>>;
  readme: string;
  /** Page snapshots in tests/fixtures/pages and the selector test's text. */
  pages: readonly string[];
  selectorTest: string;
}

const root = join(import.meta.dirname, '../../..');

const manifestHosts = async (browser: 'chrome' | 'firefox'): Promise<string[]> => [...((await builtManifest(browser)).host_permissions ?? [])];

const realProject = async (): Promise<Project> => ({
  sites: SITES,
  adapters: ADAPTERS,
  readers: RAW_READERS,
  manifestHosts: { chrome: await manifestHosts('chrome'), firefox: await manifestHosts('firefox') },
  words: { en, ru, optionsEn, optionsRu },
  readme: readFileSync(join(root, 'README.md'), 'utf8'),
  pages: readdirSync(join(root, 'tests/fixtures/pages')),
  selectorTest: readFileSync(join(root, 'tests/unit/content/selectors.test.ts'), 'utf8'),
});

/** What helpdesk `id` lacks in `p`, in words; empty when it is fully registered. */
function registrationProblems(id: string, p: Project): string[] {
  const problems: string[] = [];
  const site = p.sites[id];
  if (!site) return [`no site in core/sources/sites.ts`];
  // URL detection, both ways: its examples are recognised as they should be, and by no other helpdesk.
  for (const [url, target] of site.examples.client) {
    const got = site.target(new URL(url));
    if (!got || got.kind !== target.kind || got.id !== target.id || got.account !== target.account) problems.push(`does not recognise its client page ${url}`);
  }
  for (const url of site.examples.noClient) {
    if (!site.owns(new URL(url)) || site.target(new URL(url))) problems.push(`does not read ${url} as its page without a client`);
  }
  if (!site.examples.client.length || !site.examples.noClient.length) problems.push('has no example URLs (site.examples)');
  for (const other of Object.values(p.sites)) {
    if (other.id === id) continue;
    for (const [url] of other.examples.client) if (site.owns(new URL(url))) problems.push(`claims ${other.id}'s page ${url}`);
  }
  for (const [url] of site.examples.client) {
    for (const browser of ['chrome', 'firefox'] as const) {
      if (!p.manifestHosts[browser].some((pattern) => new MatchPattern(pattern).includes(url)))
        problems.push(`${url} is not in the ${browser} manifest's host permissions`);
    }
  }
  const adapter = p.adapters[id];
  if (!adapter) problems.push('no reader in entrypoints/helpdesk.content/adapters/registry.ts');
  else {
    if (adapter.site !== site) problems.push("its reader's site is not the registered one");
    if (typeof adapter.insert !== 'function' && adapter.insert !== 'copy-only') problems.push("no insert (a function, or 'copy-only')");
  }
  if (!p.readers[id]) problems.push('no raw read in core/sources/raw-read.ts (RAW_READERS)');
  const pages = p.pages.filter((f) => f.startsWith(`${id}-`) && f.endsWith('.html'));
  if (!pages.length) problems.push(`no page snapshot tests/fixtures/pages/${id}-*.html`);
  else if (!pages.some((f) => p.selectorTest.includes(`'${f}'`)))
    problems.push('no selector expectations on its page snapshots (tests/unit/content/selectors.test.ts)');
  for (const [words, key] of [
    ['en', `source.${id}`],
    ['ru', `source.${id}`],
    ['optionsEn', `options.helpdesks.kind.${id}`],
    ['optionsRu', `options.helpdesks.kind.${id}`],
  ] as const) {
    if (!p.words[words][key]) problems.push(`no name "${key}" in components/i18n (${words})`);
  }
  const name = p.words.en[`source.${id}`];
  const row = p.readme.split('\n').find((l) => l.startsWith('| ') && name && l.includes(name));
  if (!row) problems.push('no row in README\'s "Supported helpdesks" table');
  else
    for (const pattern of site.hostPatterns)
      if (!row.includes(pattern.replace(/\/\*$/, ''))) problems.push(`README's row does not name ${pattern.replace(/\/\*$/, '')}`);
  return problems;
}

describe('every helpdesk is registered everywhere it must be', () => {
  it.each(Object.keys(SITES))('%s', async (id) => {
    expect(registrationProblems(id, await realProject())).toEqual([]);
  });

  it('names what a half-registered helpdesk lacks', async () => {
    const real = await realProject();
    const freshdesk: HelpdeskSite = {
      id: 'freshdesk' as HelpdeskSite['id'],
      hostPatterns: ['https://*.freshdesk.com/*'],
      owns: (url) => url.hostname.endsWith('.freshdesk.com'),
      target: (url) => {
        const m = /^\/a\/tickets\/(\d+)$/.exec(url.pathname);
        return m ? { source: 'freshdesk' as HelpdeskSite['id'], account: url.hostname.split('.')[0]!, kind: 'ticket', id: m[1]! } : null;
      },
      account: (url) => url.hostname.split('.')[0]!,
      examples: {
        client: [['https://acme.freshdesk.com/a/tickets/7', { kind: 'ticket', id: '7', account: 'acme' }]],
        noClient: ['https://acme.freshdesk.com/a/dashboard'],
      },
    };
    // Its site is registered, and nothing else.
    expect(registrationProblems('freshdesk', { ...real, sites: { ...real.sites, freshdesk } })).toEqual([
      "https://acme.freshdesk.com/a/tickets/7 is not in the chrome manifest's host permissions",
      "https://acme.freshdesk.com/a/tickets/7 is not in the firefox manifest's host permissions",
      'no reader in entrypoints/helpdesk.content/adapters/registry.ts',
      'no raw read in core/sources/raw-read.ts (RAW_READERS)',
      'no page snapshot tests/fixtures/pages/freshdesk-*.html',
      'no name "source.freshdesk" in components/i18n (en)',
      'no name "source.freshdesk" in components/i18n (ru)',
      'no name "options.helpdesks.kind.freshdesk" in components/i18n (optionsEn)',
      'no name "options.helpdesks.kind.freshdesk" in components/i18n (optionsRu)',
      'no row in README\'s "Supported helpdesks" table',
    ]);
    // A site that swallows another helpdesk's pages is caught too.
    const greedy = { ...freshdesk, owns: () => true };
    expect(registrationProblems('freshdesk', { ...real, sites: { ...real.sites, freshdesk: greedy } })).toContain(
      "claims zendesk's page https://acme.zendesk.com/agent/tickets/1201",
    );
  });

  it("CONTRIBUTING's steps name files that exist, for every registered helpdesk", () => {
    const text = readFileSync(join(root, 'CONTRIBUTING.md'), 'utf8');
    const section = text.slice(text.indexOf('## Adding a helpdesk'), text.indexOf('## Adding a panel section'));
    // Backticked paths: `core/sources/<id>/site.ts`, `adapters/registry.ts` (under the content script), globs aside.
    const paths = [...section.matchAll(/`([\w.<>/-]+\.(?:ts|tsx|md))`/g)].map((m) => m[1]!).filter((p) => !p.includes('*'));
    expect(paths.length).toBeGreaterThan(8);
    const missing: string[] = [];
    for (const p of paths) {
      // A bare name (`raw.ts`) is a file of each helpdesk's folder, core or content script.
      for (const id of p.includes('<id>') || !p.includes('/') ? Object.keys(SITES) : ['']) {
        const path = p.replaceAll('<id>', id);
        const candidates = [path, `entrypoints/helpdesk.content/${path}`, `entrypoints/helpdesk.content/adapters/${id}/${path}`, `core/sources/${id}/${path}`];
        if (!candidates.some((c) => existsSync(join(root, c)))) missing.push(path);
      }
    }
    expect(missing).toEqual([]);
  });
});
