import { describe, expect, it } from 'vitest';
import { recognise } from '../../../entrypoints/helpdesk.content/adapters/registry';
import type { HelpdeskSite } from '../../../core/sources/site';
import { HELPDESK_HOST_PATTERNS, SITE_LIST } from '../../../core/sources/sites';
import type { CustomHelpdesk } from '../../../core/schema/custom-helpdesks';
import { customHostsOf, originPattern } from '../../../core/sources/custom-helpdesks';
import { MatchPattern } from 'wxt/utils/match-patterns';

/** Each URL, the adapter that must claim it, and the client page it shows (null: a page without a client). */
const CASES: [string, string | null, { kind: string; id: string; account: string } | null][] = [
  ['https://acme.zendesk.com/agent/tickets/1201', 'zendesk', { kind: 'ticket', id: '1201', account: 'acme' }],
  ['https://support.acme.zendesk.com/agent/users/38156690203345', 'zendesk', { kind: 'user', id: '38156690203345', account: 'support' }],
  ['https://acme.zendesk.com/agent/organizations/24015530871201', 'zendesk', { kind: 'organization', id: '24015530871201', account: 'acme' }],
  ['https://acme.zendesk.com/agent/dashboard', 'zendesk', null],
  ['https://acme.amocrm.ru/leads/detail/5001', 'amocrm', { kind: 'ticket', id: '5001', account: 'acme.amocrm.ru' }],
  ['https://acme.amocrm.com/contacts/detail/7001', 'amocrm', { kind: 'user', id: '7001', account: 'acme.amocrm.com' }],
  ['https://globex.kommo.com/companies/detail/9', 'amocrm', { kind: 'organization', id: '9', account: 'globex.kommo.com' }],
  ['https://acme.amocrm.ru/leads/detail/0', 'amocrm', null],
  ['https://acme.amocrm.ru/leads/add/', 'amocrm', null],
  ['https://acme.amocrm.ru/leads/pipeline/123', 'amocrm', null],
  ['https://example.com/agent/tickets/1', null, null],
  ['https://amocrm.ru.evil.io/leads/detail/5', null, null],
];

/** Addresses an agent added, and URLs on them (and near them) with what must recognise them. */
const CUSTOM: CustomHelpdesk[] = [
  { origin: 'https://support.acme.com', kind: 'zendesk' },
  { origin: 'https://acme.amocrm.com.ua', kind: 'amocrm' },
];
const CUSTOM_CASES: typeof CASES = [
  ['https://support.acme.com/agent/tickets/1201', 'zendesk', { kind: 'ticket', id: '1201', account: 'support.acme.com' }],
  ['https://support.acme.com/agent/dashboard', 'zendesk', null],
  ['https://acme.amocrm.com.ua/contacts/detail/7001', 'amocrm', { kind: 'user', id: '7001', account: 'acme.amocrm.com.ua' }],
  ['https://acme.amocrm.com.ua/leads/add/', 'amocrm', null],
  ['https://help.acme.com/agent/tickets/1', null, null],
  ['https://support.acme.com.evil.io/agent/tickets/1', null, null],
  ['http://support.acme.com/agent/tickets/1', null, null],
];

function expectRecognised(url: string, owner: string | null, target: { kind: string; id: string; account: string } | null, custom: CustomHelpdesk[]) {
  const u = new URL(url);
  const hosts = (s: HelpdeskSite) => customHostsOf(custom, s.id);
  const owners = SITE_LIST.filter((s) => s.owns(u, hosts(s))).map((s) => s.id);
  expect(owners).toEqual(owner ? [owner] : []);
  const page = recognise(u, custom);
  expect(page?.adapter.site.id ?? null).toBe(owner);
  // No helpdesk but the owner recognises a client page here.
  const claimed = SITE_LIST.filter((s) => s.target(u, hosts(s))).map((s) => s.id);
  expect(claimed).toEqual(target ? [owner] : []);
  if (target) expect(page!.target).toMatchObject(target);
  else expect(page?.target ?? null).toBeNull();
}

describe('adapter registry', () => {
  it.each(CASES)('%s → %s', (url, owner, target) => expectRecognised(url, owner, target, []));
  it.each(CUSTOM_CASES)('with added addresses, %s → %s', (url, owner, target) => expectRecognised(url, owner, target, CUSTOM));

  it('the built-in hosts stay as they were when addresses are added', () => {
    for (const [url, owner, target] of CASES) expectRecognised(url, owner, target, CUSTOM);
  });

  it('runs the content script on every host an adapter owns, and only there', () => {
    for (const [url, owner] of CASES) {
      const inManifest = HELPDESK_HOST_PATTERNS.some((p) => new MatchPattern(p).includes(url));
      expect(inManifest, url).toBe(owner !== null);
    }
    // Added addresses: the pattern the background registers the content script for.
    for (const [url, owner] of CUSTOM_CASES) {
      const registered = CUSTOM.some((h) => new MatchPattern(originPattern(h.origin)).includes(url));
      expect(registered, url).toBe(owner !== null);
    }
  });
});
