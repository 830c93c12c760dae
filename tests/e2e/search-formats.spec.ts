import { openBarePanel, results, searchList } from '../support/client-list';
import { clientRecord, generateClients, seedClients } from '../support/seed';
import { expect, test } from './fixtures';

/** Issue 16, section 5, on the production build: phone numbers as people write them, names typed in the other script. */

test('search finds a phone number however it is written, and a name typed in the other script', async ({ ext }) => {
  const panel = await openBarePanel(ext);
  const now = Date.now();
  await seedClients(panel, [
    ...generateClients(2000, now - 60_000),
    clientRecord({ key: 'zendesk:acme:5001', name: 'Ольга Миронова', phone: '+7 903 123-45-67', email: 'o.m@example.com' }, now - 3_600_000),
    clientRecord({ key: 'amocrm:brewly.amocrm.ru:contact:77', name: 'Kate Mironova', phone: '+7 904 765-43-21' }, now - 7_200_000),
  ]);
  await panel.getByTestId('clients-button').click();
  for (const q of ['89031234567', '8 903 123-45-67', '+7 903 123-45-67', '+7 903', '(903) 123-45-67', '903-123-45-67', '903 123', '45-67']) {
    await searchList(panel, q);
    await expect(results(panel), q).toHaveText([/Ольга Миронова/]);
  }
  await searchList(panel, '8904');
  await expect(results(panel)).toHaveText([/Kate Mironova/]);
  for (const q of ['Mironova', 'Миронова', 'mirono', 'миро']) {
    await searchList(panel, q);
    await expect(results(panel), q).toHaveText([/Ольга Миронова/, /Kate Mironova/]);
  }
  await searchList(panel, 'Olga Mironova');
  await expect(results(panel)).toHaveText([/Ольга Миронова/]);
  await searchList(panel, 'Катя');
  await expect(panel.getByTestId('clients-empty')).toBeVisible();
  // Typed letter by letter, the Cyrillic client is there at every step.
  await searchList(panel, '');
  await panel.getByTestId('client-search').pressSequentially('Mironova', { delay: 20 });
  await expect(results(panel)).toHaveText([/Ольга Миронова/, /Kate Mironova/]);
});
