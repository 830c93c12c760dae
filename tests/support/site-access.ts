import type { Launched } from './launch';

/*
 * Chrome asks the user before permissions.request() grants a host, in a native prompt that headless Chromium
 * never shows (the request stays pending) and that Playwright cannot click. These helpers change the
 * extension's site access the way the user can in chrome://extensions, through that page's own
 * `chrome.developerPrivate` API:
 * - allow: records `origin/*` as allowed by the user. The extension gets nothing yet (permissions.contains()
 *   stays false); its own permissions.request() for that origin then resolves true at once, without a prompt,
 *   and fires permissions.onAdded. So the product's request runs for real; only the prompt's "Allow" is skipped.
 * - revoke: takes the access back, which fires permissions.onRemoved in the extension.
 */
async function siteAccess(ext: Launched, action: 'addHostPermission' | 'removeHostPermission', origin: string): Promise<void> {
  const page = await ext.context.newPage();
  try {
    await page.goto('chrome://extensions');
    const error = await page.evaluate(
      ([a, id, pattern]) =>
        (chrome as unknown as { developerPrivate: Record<string, (id: string, host: string) => Promise<void>> }).developerPrivate[a]!(id, pattern).then(
          () => '',
          (e: Error) => e.message,
        ),
      [action, ext.extensionId, `${origin}/*`] as const,
    );
    if (error) throw new Error(`chrome://extensions ${action} ${origin}: ${error}`);
  } finally {
    await page.close();
  }
}

/** What a user does in chrome://extensions to allow the extension on `origin` (see above). */
export const allowInExtensionSettings = (ext: Launched, origin: string) => siteAccess(ext, 'addHostPermission', origin);
/** What a user does in chrome://extensions to take the extension's access to `origin` back. */
export const revokeInExtensionSettings = (ext: Launched, origin: string) => siteAccess(ext, 'removeHostPermission', origin);
