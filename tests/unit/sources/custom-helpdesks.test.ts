import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CustomHelpdesk, parseCustomHelpdesks } from '../../../core/schema/custom-helpdesks';
import {
  checkHelpdeskOrigin,
  customHostsOf,
  isHelpdeskOrigin,
  MAX_CUSTOM_HELPDESKS,
  originPattern,
  readCustomHelpdesks,
} from '../../../core/sources/custom-helpdesks';

describe('checkHelpdeskOrigin', () => {
  it.each([
    ['https://support.acme.com', 'https://support.acme.com'],
    ['  https://Support.ACME.com/  ', 'https://support.acme.com'],
    ['support.acme.com', 'https://support.acme.com'],
    ['https://acme.amocrm.com.ua', 'https://acme.amocrm.com.ua'],
    ['https://help.acme-corp.com:443/', 'https://help.acme-corp.com'],
    ['https://поддержка.рф', 'https://xn--80ahaefyxhn.xn--p1ai'],
  ])('%s → %s', (input, origin) => {
    expect(checkHelpdeskOrigin(input)).toEqual({ ok: true, origin, host: origin.slice(8) });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['https://*.acme.com', 'wildcard'],
    ['*://support.acme.com/*', 'wildcard'],
    ['http://support.acme.com', 'not-https'],
    ['ftp://support.acme.com', 'not-https'],
    ['https://', 'not-url'],
    ['https://exa mple.com', 'not-url'],
    ['https://agent:secret@support.acme.com', 'credentials'],
    ['https://support.acme.com:8443', 'port'],
    ['support.acme.com:8443', 'port'],
    ['https://support.acme.com/agent/tickets/1', 'path'],
    ['https://support.acme.com/?x=1', 'path'],
    ['https://support.acme.com/#top', 'path'],
    ['https://localhost', 'host'],
    ['https://10.0.0.5', 'host'],
    ['https://[::1]', 'host'],
    ['https://support.acme.com.', 'host'],
    ['https://-bad-.acme.com', 'host'],
    [`https://${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(20)}.com`, 'host'],
    ['https://acme.zendesk.com', 'builtin'],
    ['acme.amocrm.ru', 'builtin'],
    ['https://globex.kommo.com/', 'builtin'],
  ])('refuses %j: %s', (input, problem) => {
    expect(checkHelpdeskOrigin(input)).toEqual({ ok: false, problem });
  });

  it('accepts only the canonical form as a stored origin', () => {
    expect(isHelpdeskOrigin('https://support.acme.com')).toBe(true);
    for (const s of ['https://support.acme.com/', 'https://Support.acme.com', 'support.acme.com', 'https://support.acme.com/*'])
      expect(isHelpdeskOrigin(s), s).toBe(false);
  });

  // Host names with the prefixes and tails people paste.
  const typed = fc
    .tuple(
      fc.constantFrom('', 'https://', 'HTTPS://', 'http://', '*.', 'https://u:p@', ' '),
      fc.domain(),
      fc.constantFrom('', '/', '/agent/tickets/1', ':8443', ':443', '?q=1', '#x', '.', ' '),
    )
    .map((parts) => parts.join(''));

  it('never throws, and what it accepts is canonical and a valid match pattern host', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), typed), (input) => {
        const c = checkHelpdeskOrigin(input);
        if (!c.ok) return;
        expect(isHelpdeskOrigin(c.origin)).toBe(true);
        expect(originPattern(c.origin)).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
      }),
    );
  });
});

describe('the saved list', () => {
  const list = [
    { origin: 'https://support.acme.com', kind: 'zendesk' },
    { origin: 'https://acme.amocrm.com.ua', kind: 'amocrm' },
  ] as const;

  it('gives each helpdesk its own hosts', () => {
    expect(customHostsOf([...list], 'zendesk')).toEqual(['support.acme.com']);
    expect(customHostsOf([...list], 'amocrm')).toEqual(['acme.amocrm.com.ua']);
  });

  it('skips malformed entries and later duplicates, keeping the rest', () => {
    const raw = [
      list[0],
      { origin: 'http://x.com', kind: 'zendesk' },
      { origin: 'https://y.com', kind: 'bitrix' },
      7,
      null,
      { ...list[0], kind: 'amocrm' },
      list[1],
    ];
    expect(readCustomHelpdesks(raw)).toEqual(list);
    expect(parseCustomHelpdesks(raw)).toEqual(list);
    expect(readCustomHelpdesks({ origin: 'https://support.acme.com' })).toEqual([]);
    expect(parseCustomHelpdesks(undefined)).toEqual([]);
  });

  it('keeps at most the limit', () => {
    const many = Array.from({ length: MAX_CUSTOM_HELPDESKS + 5 }, (_, i) => ({ origin: `https://s${i}.acme.com`, kind: 'zendesk' }));
    expect(readCustomHelpdesks(many)).toHaveLength(MAX_CUSTOM_HELPDESKS);
  });

  it('the content script’s hand check agrees with the zod schema, entry by entry', () => {
    const origin = fc.oneof(
      fc.constantFrom('https://support.acme.com', 'https://a.b', 'https://acme.zendesk.com', 'https://x.com/', 'https://X.com'),
      fc.string(),
    );
    const entry = fc.oneof(
      fc.record({ origin, kind: fc.oneof(fc.constantFrom('zendesk', 'amocrm', 'bitrix'), fc.anything()) }, { requiredKeys: [] }),
      fc.anything(),
    );
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), (raw) => {
        expect(readCustomHelpdesks(raw)).toEqual(parseCustomHelpdesks(raw));
        for (const e of raw) expect(readCustomHelpdesks([e]).length === 1).toBe(CustomHelpdesk.safeParse(e).success);
      }),
    );
  });
});
