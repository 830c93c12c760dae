import type { ClientSnapshot } from './schema/snapshot';
import type { ProfileField } from './schema/profile';

/*
 * What the helpdesk already knows of the client, put into the empty profile fields (marked "from the
 * helpdesk"; the agent's own values always win). Custom field keys differ from one account to another, so a
 * key is matched by its words: `city`, `Город`, `customer_region`, `job_title`, `Семейное положение`…
 */

/** Words a helpdesk field's key may contain, per profile field (lower case, Latin and Cyrillic). */
const KEY_WORDS: Partial<Record<ProfileField, readonly string[]>> = {
  region: ['city', 'region', 'location', 'town', 'город', 'регион', 'область', 'населенный'],
  gender: ['gender', 'sex', 'пол'],
  age: ['age', 'возраст'],
  education: ['education', 'образование'],
  familyStatus: ['marital', 'family', 'семейн'],
  income: ['income', 'доход'],
  profession: ['job', 'position', 'profession', 'occupation', 'title', 'должность', 'профессия'],
  socialStatus: ['social', 'социальн'],
  channels: ['channel', 'contact method', 'канал', 'способ связи'],
  devices: ['device', 'platform', 'устройств', 'платформ'],
  interests: ['interest', 'hobby', 'hobbies', 'интерес', 'хобби'],
  purchaseFrequency: ['purchase frequency', 'order frequency', 'частота'],
  averageCheck: ['average check', 'average order', 'aov', 'средний чек'],
};

/** A field key as words: `customer_region` → "customer region", `preferredChannel` → "preferred channel". */
const wordsOf = (key: string) =>
  ` ${key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

/** Which profile field a helpdesk field's key stands for, if any (a whole word or a word's start must match). */
export function profileFieldOf(key: string): ProfileField | undefined {
  const words = wordsOf(key);
  for (const [field, cues] of Object.entries(KEY_WORDS) as [ProfileField, readonly string[]][]) {
    // "пол" must be a whole word ("полис" is not gender); longer cues may start a word ("образование" in "образования").
    if (cues.some((cue) => words.includes(` ${cue}${cue.length <= 3 ? ' ' : ''}`))) return field;
  }
  return undefined;
}

/** The profile fields a snapshot can fill, with their values (first match wins; at most 500 characters each). */
export function profileFromHelpdesk(snap: ClientSnapshot): Partial<Record<ProfileField, string>> {
  const out: Partial<Record<ProfileField, string>> = {};
  const put = (field: ProfileField | undefined, value: string | undefined) => {
    const v = value?.trim();
    if (field && v && !out[field]) out[field] = v.slice(0, 500);
  };
  put('channels', snap.ticket?.channel);
  put('profession', snap.client.position);
  if (snap.deal) put('averageCheck', `${snap.deal.value}${snap.deal.currency ? ` ${snap.deal.currency}` : ''}`);
  for (const [key, value] of Object.entries(snap.client.fields)) put(profileFieldOf(key), value);
  return out;
}
