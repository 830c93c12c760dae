import { describe, expect, it } from 'vitest';
import { isAmoHost, parseAmoUrl } from '../../../core/sources/amocrm/site';
import { isZendeskHost, parseZendeskUrl } from '../../../core/sources/zendesk/site';

const u = (s: string) => new URL(s);

describe('parseZendeskUrl', () => {
  it.each([
    ['https://acme.zendesk.com/agent/tickets/777', { account: 'acme', kind: 'ticket', id: '777' }],
    ['https://acme.zendesk.com/agent/tickets/777/events', { account: 'acme', kind: 'ticket', id: '777' }],
    ['https://eu.acme.zendesk.com/agent/tickets/5?x=1#y', { account: 'eu', kind: 'ticket', id: '5' }],
    ['https://ACME.zendesk.com/agent/users/38156690120011', { account: 'acme', kind: 'user', id: '38156690120011' }],
    ['https://acme.zendesk.com/agent/organizations/9/tickets', { account: 'acme', kind: 'organization', id: '9' }],
  ])('reads %s', (url, want) => {
    expect(parseZendeskUrl(u(url))).toEqual({ source: 'zendesk', ...want });
  });

  it.each([
    'https://acme.zendesk.com/agent/dashboard',
    'https://acme.zendesk.com/agent/filters/360001',
    'https://acme.zendesk.com/agent/tickets/new',
    'https://acme.zendesk.com/hc/en-us/requests/777',
    'http://acme.zendesk.com/agent/tickets/777',
    'https://zendesk.com/agent/tickets/777',
    'https://acme.zendesk.com.evil.io/agent/tickets/777',
    'https://acme.amocrm.ru/leads/detail/777',
  ])('finds no client on %s', (url) => {
    expect(parseZendeskUrl(u(url))).toBeNull();
  });

  it('owns every page of a Zendesk account and nothing else', () => {
    expect(isZendeskHost(u('https://acme.zendesk.com/agent/dashboard'))).toBe(true);
    expect(isZendeskHost(u('https://acme.zendesk.com.evil.io/'))).toBe(false);
    expect(isZendeskHost(u('https://example.com/'))).toBe(false);
  });
});

describe('hosts the agent added', () => {
  const zd = ['support.acme.com'];
  const amo = ['acme.amocrm.com.ua'];

  it('follow the same path rules, with the host as the account', () => {
    expect(parseZendeskUrl(u('https://support.acme.com/agent/tickets/1201'), zd)).toEqual({
      source: 'zendesk',
      account: 'support.acme.com',
      kind: 'ticket',
      id: '1201',
    });
    expect(parseZendeskUrl(u('https://SUPPORT.acme.com/agent/users/7/tickets'), zd)).toMatchObject({ account: 'support.acme.com', kind: 'user', id: '7' });
    expect(parseZendeskUrl(u('https://support.acme.com/agent/dashboard'), zd)).toBeNull();
    expect(parseAmoUrl(u('https://acme.amocrm.com.ua/leads/detail/5001'), amo)).toEqual({
      source: 'amocrm',
      account: 'acme.amocrm.com.ua',
      kind: 'ticket',
      id: '5001',
    });
    expect(parseAmoUrl(u('https://acme.amocrm.com.ua/leads/detail/0'), amo)).toBeNull();
  });

  it('count only for exactly that host, over https, on its default port, and only for their helpdesk', () => {
    expect(isZendeskHost(u('https://support.acme.com/agent/dashboard'), zd)).toBe(true);
    expect(isZendeskHost(u('https://support.acme.com/'))).toBe(false);
    for (const url of ['https://x.support.acme.com/', 'http://support.acme.com/', 'https://support.acme.com:8443/', 'https://support.acme.com.evil.io/']) {
      expect(isZendeskHost(u(url), zd), url).toBe(false);
    }
    expect(isAmoHost(u('https://support.acme.com/'), amo)).toBe(false);
    expect(parseAmoUrl(u('https://support.acme.com/leads/detail/5'), amo)).toBeNull();
    expect(parseZendeskUrl(u('https://acme.amocrm.com.ua/agent/tickets/5'), zd)).toBeNull();
  });
});
