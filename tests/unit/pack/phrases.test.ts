import { describe, expect, it } from 'vitest';
import { fillPhrase, firstNameOf, phraseVariables, phraseVars } from '../../../core/phrases';

const vars = phraseVars({ clientName: 'Виктория Лебедева', agentName: 'Anna Smith', ticketId: '1201', subject: 'Late order' });

describe('fillPhrase', () => {
  it('fills variables', () => {
    expect(fillPhrase('{{client.firstName}}, я {{agent.firstName}}; обращение №{{ticket.id}}.', vars)).toBe('Виктория, я Anna; обращение №1201.');
  });
  it('uses the fallback when a value is missing', () => {
    expect(fillPhrase('Hello {{client.firstName|there}}, thanks!', phraseVars({}))).toBe('Hello there, thanks!');
  });
  it('drops a missing value without a fallback and tidies the text', () => {
    expect(fillPhrase('Thank you, {{client.firstName}}!', phraseVars({}))).toBe('Thank you!');
    expect(fillPhrase('{{client.firstName}}, we are on it.', phraseVars({}))).toBe('We are on it.');
  });
  it('leaves markup as plain text for the UI to render as text', () => {
    expect(fillPhrase('Hi {{client.firstName}}', phraseVars({ clientName: '<img src=x onerror=alert(1)>' }))).toBe('Hi <img');
  });
  it('lists the variables a phrase uses', () => {
    expect(phraseVariables('{{client.firstName|x}} {{ ticket.id }}')).toEqual(['client.firstName', 'ticket.id']);
  });
  it('does not take an email for a first name', () => {
    expect(firstNameOf('megan@example.com')).toBeUndefined();
  });
});

describe('phrase variables as team leads write them', () => {
  it('reads snake_case and any case as the variable meant', async () => {
    const { fillPhrase, resolveVariable } = await import('../../../core/phrases');
    expect(resolveVariable('client.first_name')).toBe('client.firstName');
    expect(resolveVariable('Client.FirstName')).toBe('client.firstName');
    expect(fillPhrase('{{client.first_name|Hello}}, ticket {{ticket.id}}', { client: { firstName: 'Anna' }, ticket: { id: '7' } })).toBe('Anna, ticket 7');
  });

  it('never puts raw braces into a reply', async () => {
    const { fillPhrase } = await import('../../../core/phrases');
    expect(fillPhrase('Hi {{client.fist_name|there}}, {{ weird stuff }} we are on it', {})).toBe('Hi there, we are on it');
  });

  it('refuses an unknown variable at import, with its path and a suggestion', async () => {
    const { parsePack } = await import('../../../core/pack/parse');
    const pack = {
      schemaVersion: 1,
      id: 'p',
      name: { en: 'P' },
      version: '1.0.0',
      author: 'a',
      languages: ['en'],
      types: { tester: { phrases: [{ id: 'x', lang: 'en', text: 'Thanks {{client.fist_name}}!' }] } },
    };
    const r = parsePack(JSON.stringify(pack));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/types\.tester\.phrases\[0\]\.text: unknown variable \{\{client\.fist_name\}\}: did you mean client\.firstName\?/);
  });
});
