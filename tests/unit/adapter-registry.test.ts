import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterFor } from '../../entrypoints/helpdesk.content/adapters/registry';
import { HELPDESK_HOST_PATTERNS } from '../../core/hosts';
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

describe('adapter registry', () => {
  it.each(CASES)('%s → %s', (url, owner, target) => {
    const u = new URL(url);
    const owners = ADAPTERS.filter((a) => a.owns(u)).map((a) => a.id);
    expect(owners).toEqual(owner ? [owner] : []);
    expect(adapterFor(u)?.id ?? null).toBe(owner);
    // No adapter but the owner recognises a client page here.
    const claimed = ADAPTERS.filter((a) => a.target(u)).map((a) => a.id);
    expect(claimed).toEqual(target ? [owner] : []);
    if (target) expect(adapterFor(u)!.target(u)).toMatchObject(target);
  });

  it('runs the content script on every host an adapter owns, and only there', () => {
    for (const [url, owner] of CASES) {
      const inManifest = HELPDESK_HOST_PATTERNS.some((p) => new MatchPattern(p).includes(url));
      expect(inManifest, url).toBe(owner !== null);
    }
  });
});
