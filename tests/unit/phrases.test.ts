import { describe, expect, it } from 'vitest';
import { fillPhrase, firstNameOf, phraseVariables, phraseVars } from '../../core/phrases';

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
