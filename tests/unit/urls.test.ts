import { describe, expect, it } from 'vitest';
import { isZendeskHost, parseZendeskUrl } from '../../core/sources/urls';

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
