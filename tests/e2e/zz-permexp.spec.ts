import { test } from '@playwright/test';
import { launchWithExtension } from '../support/launch';

const q = (page: any, fn: string) => page.evaluate((f: string) => Promise.race([eval(f).then((v: unknown) => 'resolved ' + v, (e: unknown) => 'threw ' + String(e)), new Promise((r) => setTimeout(() => r('still pending after 4s'), 4000))]), fn);

test('permissions.request in headless', async () => {
  test.setTimeout(120_000);
  const ext = await launchWithExtension();
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/sidepanel.html`);
  console.log('no gesture, new host:', await q(page, "chrome.permissions.request({ origins: ['https://packs.example.org/*'] })"));
  console.log('no gesture, granted host:', await q(page, "chrome.permissions.request({ origins: ['https://acme.zendesk.com/*'] })"));
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
  await page.waitForTimeout(4000);
  console.log('gesture, after an await:', await page.evaluate(() => (window as any).__r2));
  console.log('while a prompt is open, no gesture:', await q(page, "chrome.permissions.request({ origins: ['https://third.example.org/*'] })"));
  await page.waitForTimeout(40000);
  console.log('gesture after 44s:', await page.evaluate(() => (window as any).__r2));
  await page.reload();
  console.log('after reload, no gesture, new host:', await q(page, "chrome.permissions.request({ origins: ['https://packs.example.org/*'] })"));
  await ext.close();
});
