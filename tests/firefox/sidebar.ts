import type { FirefoxSession } from './firefox-session';

/** The real sidebar's panel as measured in it: widths, and every visible element that ends past its right edge. */
export interface SidebarLayout {
  /** The sidebar's width (its window's innerWidth, scrollbar included). */
  width: number;
  clientWidth: number;
  scrollWidth: number;
  outside: string[];
}

type ExtensionViews = { browser: { extension: { getViews(q: { type: string }): Window[] } } };

/** In an extension page: the sidebar's panel measured once it shows `name` with its UI in `lang`; null before. */
function measureSidebar(name: string, lang: string): SidebarLayout | null {
  const [view] = (globalThis as unknown as ExtensionViews).browser.extension.getViews({ type: 'sidebar' });
  const doc = view?.document;
  if (!view || !doc) return null;
  if (doc.querySelector('[data-testid="client-name"]')?.textContent !== name) return null;
  if (doc.querySelector<HTMLSelectElement>('[data-testid="lang-switch"]')?.value !== lang) return null;
  const root = doc.documentElement;
  const outside = [...doc.body.querySelectorAll('*')]
    .filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && r.right > root.clientWidth + 0.5;
    })
    .map((el) => {
      const id = (el as HTMLElement).dataset.testid;
      return `${el.tagName.toLowerCase()}${id ? `[data-testid=${id}]` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}" ends at ${Math.round(el.getBoundingClientRect().right)} px`;
    });
  return { width: view.innerWidth, clientWidth: root.clientWidth, scrollWidth: root.scrollWidth, outside };
}

/**
 * Waits until the real sidebar (which follows the window's selected tab) shows `name` in UI language `lang`,
 * and measures it. Read from `inspector`, another page of the extension, which is left the current tab.
 */
export async function sidebarShowing(session: FirefoxSession, inspector: string, name: string, lang: string): Promise<SidebarLayout> {
  await session.switchTo(inspector, { select: false });
  return session.waitFor(`the sidebar to show ${name} in ${lang}`, measureSidebar, [name, lang]);
}

/** Loads the sidebar's panel again (as closing and opening the sidebar would), from `inspector`. */
export async function reloadSidebar(session: FirefoxSession, inspector: string): Promise<void> {
  await session.switchTo(inspector, { select: false });
  await session.run(() => (globalThis as unknown as ExtensionViews).browser.extension.getViews({ type: 'sidebar' }).forEach((v) => v.location.reload()));
}

/** Firefox's id for the add-on's widgets (its makeWidgetId): `tipazh@tipazh.dev` → `tipazh_tipazh_dev`. */
const widgetId = (addonId: string) => addonId.toLowerCase().replace(/[^a-z0-9_-]/g, '_');

/** Which sidebar the browser window shows (Firefox's id for it, e.g. `<widget>-sidebar-action`), or null when it is closed. */
export function openSidebar(session: FirefoxSession): Promise<string | null> {
  return session.inChrome(() =>
    session.run(() => {
      const w = window as unknown as { SidebarController?: { isOpen: boolean; currentID: string }; SidebarUI?: { isOpen: boolean; currentID: string } };
      const sidebar = w.SidebarController ?? w.SidebarUI;
      return sidebar?.isOpen ? sidebar.currentID : null;
    }),
  );
}

/** The id Firefox gives the add-on's sidebar. */
export const sidebarIdOf = (addonId: string) => `${widgetId(addonId)}-sidebar-action`;

/**
 * Clicks the add-on's toolbar button as the agent would: pinned to the toolbar first (Firefox keeps it in the
 * Extensions menu until then), a real click on its action button.
 */
export async function clickToolbarButton(session: FirefoxSession, addonId: string): Promise<void> {
  const widget = `${widgetId(addonId)}-browser-action`;
  await session.inChrome(async () => {
    await session.run((id: string) => {
      const ui = (window as unknown as { CustomizableUI: { addWidgetToArea(id: string, area: string): void; AREA_NAVBAR: string } }).CustomizableUI;
      ui.addWidgetToArea(id, ui.AREA_NAVBAR);
    }, widget);
    await session.click(`#${widget} .unified-extensions-item-action-button`);
  });
}
