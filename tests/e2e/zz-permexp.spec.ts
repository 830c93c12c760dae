import { test } from '@playwright/test';
import { launchWithExtension } from '/work/main/tests/support/launch';

test('permissions.request in headless', async () => {
  const ext = await launchWithExtension();
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/sidepanel.html`);
  await page.evaluate(() => {
    const b = document.createElement('button');
    b.id = 'ask'; b.textContent = 'ask';
    (window as any).__r = 'pending';
    b.onclick = () => {
      const t0 = Date.now();
      chrome.permissions.request({ origins: ['https://packs.example.org/*'] })
        .then((v) => ((window as any).__r = 'resolved ' + v + ' after ' + (Date.now() - t0) + 'ms'))
        .catch((e) => ((window as any).__r = 'threw ' + String(e) + ' after ' + (Date.now() - t0) + 'ms'));
    };
    document.body.prepend(b);
  });
  console.log('contains zendesk', await page.evaluate(() => chrome.permissions.contains({ origins: ['https://acme.zendesk.com/*'] })));
  console.log('contains example', await page.evaluate(() => chrome.permissions.contains({ origins: ['https://packs.example.org/*'] })));
  await page.click('#ask');
  for (let i = 0; i < 10; i++) {
    await page.waitForTimeout(1000);
    console.log(i, await page.evaluate(() => (window as any).__r));
  }
  // without a gesture
  console.log('no gesture:', await page.evaluate(() => chrome.permissions.request({ origins: ['https://packs.example.org/*'] }).then((v) => 'resolved ' + v, (e) => 'threw ' + String(e))));
  // request for an already-granted host, with gesture / without
  console.log('granted no gesture:', await page.evaluate(() => chrome.permissions.request({ origins: ['https://acme.zendesk.com/*'] }).then((v) => 'resolved ' + v, (e) => 'threw ' + String(e))));
  // gesture preserved across await?
  await page.evaluate(() => {
    const b = document.createElement('button');
    b.id = 'ask2'; b.textContent = 'ask2';
    (window as any).__r2 = 'pending';
    b.onclick = async () => {
      await chrome.permissions.contains({ origins: ['https://packs.example.org/*'] });
      chrome.permissions.request({ origins: ['https://other.example.org/*'] })
        .then((v) => ((window as any).__r2 = 'resolved ' + v))
        .catch((e) => ((window as any).__r2 = 'threw ' + String(e)));
    };
    document.body.prepend(b);
  });
  await page.click('#ask2');
  await page.waitForTimeout(3000);
  console.log('after await:', await page.evaluate(() => (window as any).__r2));
  await ext.close();
});
