// Validation problems read in English (zod/mini has no locale of its own).
import '../../core/schema/english-issues';
// happy-dom and Node have no IndexedDB: this must load before Dexie.
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
});

// Component tests reach the store through an asynchronous port, as the real panel does; on a busy 2-core
// machine the default 1 s for findBy/waitFor is too tight, so give them the test's own time instead.
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/preact');
  configure({ asyncUtilTimeout: 10_000 });
}
