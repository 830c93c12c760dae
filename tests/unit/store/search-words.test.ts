import { describe, expect, it } from 'vitest';
import type { ClientRecord } from '../../../core/store/db';
import { indexedClient } from '../../../core/store/indexed-client';
import { nameKey, queryNameKeys } from '../../../core/store/name-key';
import { phoneQuery, phoneToken } from '../../../core/store/phone-search';
import { queryWords, searchClients, searchTokensOf } from '../../../core/store/search';
import { SearchIndex } from '../../../core/store/search-index';
import { numberedClient } from '../helpers';

/** An index of a crowd of 300 plus these clients (numbered from 1000). */
function indexOf(...clients: Partial<ClientRecord>[]): SearchIndex {
  const index = new SearchIndex({ walk: 50, blockSize: 16 });
  for (let i = 0; i < 300; i++) index.put(indexedClient(numberedClient(i, { phone: `+7 916 ${String(i).padStart(7, '0')}` }), undefined));
  clients.forEach((c, i) => index.put(indexedClient(numberedClient(1000 + i, c), undefined)));
  return index;
}
const names = (index: SearchIndex, q: string) => searchClients(index, q).map((c) => c.name);

describe('phone numbers in national and international formats', () => {
  const index = indexOf({ name: 'Ольга Миронова', phone: '+7 903 123-45-67' }, { name: 'Ivan Other', phone: '+7 904 123-45-68' });

  it.each([
    '89031234567',
    '8 903 123-45-67',
    '8 (903) 123 45 67',
    '+7 903 123-45-67',
    '+79031234567',
    '007 903 123 45 67',
    '(903) 123-45-67',
    '903-123-45-67',
    '9031234567',
    '903 123',
    '8903',
    '+7 903',
    '1234567',
    '4567',
    '45-67',
  ])('%s finds a client stored as +7 903 123-45-67', (q) => expect(names(index, q), q).toEqual(['Ольга Миронова']));

  it('a trunk 8 or a + means the start of the number; 3 digits or fewer are not looked for inside numbers', () => {
    expect(names(index, '8904')).toEqual(['Ivan Other']);
    expect(names(index, '+7 904')).toEqual(['Ivan Other']);
    // "123 45" is inside both numbers, "4568" only in the second.
    expect(names(index, '123 45')).toEqual(['Ivan Other', 'Ольга Миронова']);
    expect(names(index, '4568')).toEqual(['Ivan Other']);
    expect(names(index, '567')).toEqual([]);
    expect(names(index, '+7 905')).toEqual([]);
  });

  it('a number stored with a trunk 8 or without its country code is found the same', () => {
    const other = indexOf({ name: 'Олеся Квятковская', phone: '8 (916) 555-01-42' }, { name: 'Bare Ten', phone: '9165550199' });
    for (const q of ['+7 916 555-01-42', '8 916 555 01 42', '916 555 01 42', '555-01-42']) expect(names(other, q), q).toEqual(['Олеся Квятковская']);
    expect(names(other, '+79165550199')).toEqual(['Bare Ten']);
  });

  it('a phone word narrows a name, and a name narrows a phone word', () => {
    expect(names(index, 'миронова 4567')).toEqual(['Ольга Миронова']);
    expect(names(index, 'other 4567')).toEqual([]);
  });

  it('reads what a query asks of numbers', () => {
    expect(phoneQuery('+7 903 123-45-67')).toEqual({ start: '79031234567' });
    expect(phoneQuery('8 903')).toEqual({ anywhere: '8903', start: '7903' });
    expect(phoneQuery('(903) 123')).toEqual({ anywhere: '903123' });
    expect(phoneQuery('903')).toBeUndefined();
    expect(phoneQuery('903 abc')).toBeUndefined();
    expect(phoneToken('8 (903) 123-45-67')).toBe('\t79031234567');
    expect(phoneToken('ext. 12')).toBeUndefined();
    expect(queryWords('+7 903 123-45-67')).toEqual([{ prefixes: [], phone: { start: '79031234567' } }]);
  });
});

describe('names typed in the other script', () => {
  const index = indexOf(
    { name: 'Ольга Миронова' },
    { name: 'Olga Mironova' },
    { name: 'Юлия Петренко' },
    { name: 'Mikhail Orlov' },
    { name: 'Алексей Воронцов' },
    { name: 'Ksenia Dmitrieva' },
    { name: 'Yelena Sokolova' },
  );

  it('Mironova finds «Миронова» and «Миронова» finds Mironova, at every length the agent types', () => {
    for (let n = 2; n <= 'Mironova'.length; n++) {
      expect(names(index, 'Mironova'.slice(0, n)), 'Mironova'.slice(0, n)).toEqual(expect.arrayContaining(['Ольга Миронова', 'Olga Mironova']));
      expect(names(index, 'Миронова'.slice(0, n)), 'Миронова'.slice(0, n)).toEqual(expect.arrayContaining(['Ольга Миронова', 'Olga Mironova']));
    }
    expect(names(index, 'olga mironova')).toEqual(['Olga Mironova', 'Ольга Миронова']);
    expect(names(index, 'ольга mironova')).toEqual(['Olga Mironova', 'Ольга Миронова']);
  });

  it.each([
    ['Yulia', 'Юлия Петренко'],
    ['Julia', 'Юлия Петренко'],
    ['Petrenko', 'Юлия Петренко'],
    ['Михаил', 'Mikhail Orlov'],
    ['Mihail', 'Mikhail Orlov'],
    ['Mik', 'Mikhail Orlov'],
    ['Alexei Vorontsov', 'Алексей Воронцов'],
    ['Aleksey', 'Алексей Воронцов'],
    ['Ксения', 'Ksenia Dmitrieva'],
    ['Дмитриева', 'Ksenia Dmitrieva'],
    ['Елена', 'Yelena Sokolova'],
    ['Соколова', 'Yelena Sokolova'],
  ])('%s finds %s', (q, name) => expect(names(index, q)).toEqual([name]));

  it('keys fold the spellings of one sound, and leave words that are not names alone', () => {
    expect(nameKey('миронова')).toBe('mironova');
    expect(['юлия', 'yulia', 'julia', 'yuliya'].map(nameKey)).toEqual(['iulia', 'iulia', 'iulia', 'iulia']);
    expect(['алексей', 'aleksey', 'alexei'].map(nameKey)).toEqual(['aleksei', 'aleksei', 'aleksei']);
    expect(['щукин', 'shchukin', 'schukin'].map(nameKey)).toEqual(['shukin', 'shukin', 'shukin']);
    expect(nameKey('client12')).toBe('client12');
    expect(nameKey('o.kvyatkovskaya@x.example')).toBe('o.kvyatkovskaya@x.example');
    expect(queryNameKeys('mik')).toEqual(['mih']);
    expect(queryNameKeys('olga')).toEqual([]);
  });

  it('the index stays bounded: one key at most per name word, for at most 8 words, and no key equal to its word', () => {
    const tokens = searchTokensOf({ name: 'Ольга Миронова', email: 'olga@example.com', phone: '+7 903 123-45-67', tags: [] });
    expect(tokens).toEqual(['ольга', 'миронова', 'olga', 'mironova', 'olga@example.com', 'example.com', '\t79031234567']);
    const long = searchTokensOf({ name: Array.from({ length: 40 }, (_, i) => `Имя${'а'.repeat(i + 1)}`).join(' '), tags: [] });
    expect(long.length).toBeLessThanOrEqual(40 + 8);
    expect(searchTokensOf({ name: 'Olga Price', tags: [] })).toEqual(['olga', 'price', 'prike']);
  });
});
