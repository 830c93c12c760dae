import type { Marionette } from './marionette';
import { poll } from './poll';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/**
 * What the Firefox tests do with the browser, over Marionette: tabs, scripts in the current tab, clicks,
 * polling a condition, the chrome (browser window) context.
 */
export class FirefoxSession {
  constructor(readonly marionette: Marionette) {}

  /** Opens `url` in a new tab and makes it the current one (and the selected tab of the window). */
  async openTab(url: string): Promise<string> {
    const { handle } = await this.marionette.send<{ handle: string }>('WebDriver:NewWindow', { type: 'tab' });
    await this.switchTo(handle);
    await this.navigate(url);
    return handle;
  }

  /** Loads `url` in the current tab. */
  async navigate(url: string): Promise<void> {
    await this.marionette.send('WebDriver:Navigate', { url });
  }

  /** Loads the current tab's page again. */
  async reload(): Promise<void> {
    await this.marionette.send('WebDriver:Refresh', {});
  }

  /** Makes a tab the current one; `select: false` leaves the window's selected tab as it is. */
  switchTo(handle: string, { select = true } = {}): Promise<unknown> {
    return this.marionette.send('WebDriver:SwitchToWindow', { handle, focus: select });
  }

  /**
   * Runs `fn` in the current tab's page and returns its (awaited) result. `fn` is sent as source text,
   * so it may use only its arguments and the page's globals.
   */
  async run<T, A extends unknown[]>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T> {
    const { value } = await this.marionette.send<{ value: T }>('WebDriver:ExecuteScript', {
      script: `return (${fn.toString()}).apply(null, arguments);`,
      args,
    });
    return value;
  }

  /** Polls `fn` in the current tab until it returns something other than undefined or null. */
  waitFor<T, A extends unknown[]>(
    what: string,
    fn: (...args: A) => T | undefined | null | Promise<T | undefined | null>,
    args: A,
    timeout = 15_000,
  ): Promise<T> {
    return poll(what, async () => (await this.run(fn, ...args)) ?? undefined, { timeout, interval: 150 });
  }

  async find(css: string): Promise<string> {
    const { value } = await this.marionette.send<{ value: Record<string, string> }>('WebDriver:FindElement', { using: 'css selector', value: css });
    return value[ELEMENT]!;
  }

  /** A real click (pointer events at the element's centre), as a user's. */
  async click(css: string): Promise<void> {
    await this.marionette.send('WebDriver:ElementClick', { id: await this.find(css) });
  }

  /** Types into an element; on a file input, `text` is the path of the file to choose. */
  async sendKeys(css: string, text: string): Promise<void> {
    await this.marionette.send('WebDriver:ElementSendKeys', { id: await this.find(css), text });
  }

  /** Runs `fn` with the chrome (browser window) as the context, then returns to content. */
  async inChrome<T>(fn: () => Promise<T>): Promise<T> {
    await this.marionette.send('Marionette:SetContext', { value: 'chrome' });
    try {
      return await fn();
    } finally {
      await this.marionette.send('Marionette:SetContext', { value: 'content' });
    }
  }

  /** A PNG of the current context: in chrome, the whole browser window with its sidebar. */
  async screenshot(): Promise<Buffer> {
    const { value } = await this.marionette.send<{ value: string }>('WebDriver:TakeScreenshot', {});
    return Buffer.from(value, 'base64');
  }
}
