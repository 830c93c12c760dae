import { describe, expect, it } from 'vitest';
import { en } from '../../../components/i18n/en';
import { ru } from '../../../components/i18n/ru';
import { packForHelpdesk, textForHelpdesk } from '../../../core/helpdesk-words';
import { readDefaultPack } from '../../../core/pack/node-default';
import { fillPhrase, phraseProblems, phraseVars } from '../../../core/phrases';

/** Every text of a pack but its labelled examples (the clients' own words), with where it is; variables (`{{ticket.id}}`) left out. */
function texts(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value.replace(/\{\{\s*[\w.]+\s*(\|[^{}]*)?\}\}/g, '')]];
  if (Array.isArray(value)) return value.flatMap((v, i) => texts(v, `${path}.${i}`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => (k === 'examples' ? [] : texts(v, `${path}.${k}`)));
  return [];
}
const TICKET = /\btickets?\b|обращени/i;
/** A lead (not a team lead), «сделка» in any case. */
const LEAD = /(?<!(team|product) )\bleads?\b|сделк|сделок/i;

describe('texts that name a ticket follow the helpdesk', () => {
  it('a helpdesk choice reads its first part on that helpdesk and its second elsewhere', () => {
    const text = 'Статус по {{amocrm:сделке|обращению}} №{{ticket.id}}';
    expect(textForHelpdesk(text, 'amocrm')).toBe('Статус по сделке №{{ticket.id}}');
    expect(textForHelpdesk(text, 'zendesk')).toBe('Статус по обращению №{{ticket.id}}');
    expect(textForHelpdesk(text, undefined)).toBe('Статус по обращению №{{ticket.id}}');
    expect(textForHelpdesk('a{{zendesk: (ticket)}}b', 'amocrm')).toBe('ab');
    expect(fillPhrase('Reply in this {{amocrm:lead|ticket}} (#{{ticket.id}}).', phraseVars({ ticketId: '5001', helpdesk: 'amocrm' }))).toBe(
      'Reply in this lead (#5001).',
    );
    expect(phraseProblems('Reply in this {{amocrm:lead|ticket}} (#{{ticket.id}}).')).toEqual([]);
  });

  it('the built-in pack says "lead"/«сделка» on amoCRM where it says "ticket"/«обращение» on Zendesk', () => {
    const pack = readDefaultPack();
    const amo = texts(packForHelpdesk(pack, 'amocrm'));
    const zendesk = texts(packForHelpdesk(pack, 'zendesk'));
    expect(amo.filter(([, s]) => TICKET.test(s))).toEqual([]);
    const onAmo = new Map(amo);
    const ticketTexts = zendesk.filter(([, s]) => TICKET.test(s));
    expect(ticketTexts.length).toBeGreaterThan(40);
    // Each says it its own way on amoCRM: mostly a lead («сделка»), «сообщение» where the client's message is meant.
    for (const [path, s] of ticketTexts) expect(onAmo.get(path), path).not.toBe(s);
    expect(amo.filter(([, s]) => LEAD.test(s)).length).toBeGreaterThan(40);
    expect([...amo, ...zendesk].filter(([, s]) => s.includes('{{'))).toEqual([]);
  });

  it('panel strings that name a ticket have an amoCRM variant that names a lead, in both languages', () => {
    for (const dict of [en, ru] as Record<string, string>[]) {
      for (const [key, text] of Object.entries(dict)) {
        if (key.includes('@') || !TICKET.test(text) || key.startsWith('state.noClientHint') || key === 'clients.noDossiers') continue;
        expect(dict[`${key}@amocrm`], key).toMatch(LEAD);
      }
      expect(Object.entries(dict).filter(([k, v]) => k.endsWith('@amocrm') && TICKET.test(v))).toEqual([]);
    }
  });
});
