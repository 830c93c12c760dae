// Callbacks passed to worker.evaluate()/page.evaluate() run in the browser, where extension pages have `chrome`.
declare const chrome: typeof import('wxt/browser').browser;
