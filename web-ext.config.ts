import { defineWebExtConfig } from 'wxt';

// `wxt` dev mode must not try to launch a browser on headless machines; load .output/chrome-mv3-dev by hand.
export default defineWebExtConfig({ disabled: true });
