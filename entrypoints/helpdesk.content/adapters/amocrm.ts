import type { GetJsonOptions } from '../../../core/net/http';
import { createRateLimiter } from '../../../core/net/rate-limit';
import type { ClientSnapshot } from '../../../core/schema/snapshot';
import { AmoAccount, AmoCompany, AmoContact, AmoLead, AmoNotes, AmoUser, amoToSnapshot, type AmoRead } from '../../../core/sources/amocrm-api';
import { amoDomToSnapshot } from '../../../core/sources/amocrm-dom';
import { isAmoHost, parseAmoUrl, type PageTarget } from '../../../core/sources/urls';
import { log } from '../log';
import { AMO } from './amocrm-selectors';
import { readAmoCard, readAmoFeed } from './amocrm-dom';
import { queryFirst, waitFor, waitForQuiet } from './dom-utils';
import { insertIntoField } from './insert-text';
import { getParsed, optional } from './read-helpers';
import type { HelpdeskAdapter, ReadEnv } from './types';

// amoCRM allows 7 requests a second per account; stay under it for the whole page.
const limit = createRateLimiter(6);

const ENTITY = { ticket: 'leads', user: 'contacts', organization: 'companies' } as const;

async function readApi(target: PageTarget, env: ReadEnv, feed: AmoRead['feed'], statusText?: string): Promise<AmoRead> {
  const origin = new URL(env.doc.location.href).origin;
  const opts: GetJsonOptions = { fetch: (input, init) => limit(() => env.fetch(input, init)), signal: env.signal };
  const api = (path: string) => `${origin}/api/v4/${path}`;
  const read: AmoRead = { account: target.account, url: env.doc.location.href, entity: target.kind === 'ticket' ? 'lead' : target.kind === 'user' ? 'contact' : 'company', feed, statusText };
  let contactId: string | undefined;
  let companyId: string | undefined;
  if (target.kind === 'ticket') {
    const lead = await getParsed(AmoLead, api(`leads/${target.id}?with=contacts`), opts);
    if (!lead) throw new Error(`lead ${target.id} does not exist`);
    read.lead = lead;
    const contacts = lead._embedded?.contacts ?? [];
    contactId = (contacts.find((c) => c.is_main) ?? contacts[0])?.id;
    companyId = lead._embedded?.companies?.[0]?.id;
  } else if (target.kind === 'user') contactId = target.id;
  else companyId = target.id;

  const [contact, notes, account] = await Promise.all([
    contactId ? getParsed(AmoContact, api(`contacts/${contactId}?with=leads`), opts) : undefined,
    optional('notes', getParsed(AmoNotes, api(`${ENTITY[target.kind]}/${target.id}/notes?limit=50`), opts)),
    optional('account', getParsed(AmoAccount, api('account'), opts)),
  ]);
  if (target.kind === 'user' && !contact) throw new Error(`contact ${target.id} does not exist`);
  read.contact = contact ?? undefined;
  read.notes = notes ?? undefined;
  companyId ??= read.contact?._embedded?.companies?.[0]?.id;
  const [company, me] = await Promise.all([
    companyId ? optional('company', getParsed(AmoCompany, api(`companies/${companyId}${target.kind === 'organization' ? '?with=leads' : ''}`), opts)) : undefined,
    account?.current_user_id ? optional('agent', getParsed(AmoUser, api(`users/${account.current_user_id}`), opts)) : undefined,
  ]);
  if (target.kind === 'organization' && !company) throw new Error(`company ${target.id} does not exist`);
  read.company = company ?? undefined;
  read.agentName = me?.name;
  return read;
}

/** amoCRM and Kommo: API v4 with the session for the people and the deal, the card's feed for chat messages. */
export const amocrm: HelpdeskAdapter = {
  id: 'amocrm',
  owns: isAmoHost,
  target: parseAmoUrl,
  async insert(text, _target, doc) {
    const field = queryFirst<HTMLElement>(doc, AMO.composer);
    return field ? insertIntoField(field, text) : { ok: false, reason: 'no-composer' };
  },
  async read(target, env): Promise<ClientSnapshot> {
    const url = env.doc.location.href;
    // The card renders after the URL changes; the feed (chat texts) exists only there.
    await waitFor(env.doc, () => queryFirst(env.doc, AMO.cardHolder), env.signal).catch(() => log.info('no card on the page yet'));
    await waitForQuiet(env.doc, env.signal);
    const card = readAmoCard(env.doc, target.kind);
    const feed = readAmoFeed(env.doc);
    try {
      return amoToSnapshot(await readApi(target, env, feed, card.status));
    } catch (e) {
      if (env.signal.aborted) throw e;
      log.warn('amoCRM API refused or failed; reading the card instead', e);
      return amoDomToSnapshot({ ...card, feed }, target, url);
    }
  },
};
