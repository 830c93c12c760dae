import { describe, expect, it } from 'vitest';
import { draftKey, draftStore, MAX_DRAFT_AGE_MS, MAX_DRAFT_CHARS, MAX_DRAFTS } from '../../../core/input-drafts';
import { memoryArea } from '../../doubles/memory-area';

const A = 'zendesk:acme:1';
const B = 'amocrm:b.amocrm.ru:contact:2';

describe('unsaved input drafts', () => {
  it('keeps each client’s text per input, apart from every other client’s, until it is saved or cleared', async () => {
    const area = memoryArea();
    const drafts = draftStore(area);
    await drafts.save(A, 'note', 'Prefers calls after 18:00');
    await drafts.save(A, 'tag', 'wholesale');
    await drafts.save(B, 'note', 'Другой клиент');
    // Another page (a reloaded panel) reads them back.
    const again = draftStore(area);
    expect([await again.load(A, 'note'), await again.load(A, 'tag'), await again.load(B, 'note'), await again.load(B, 'tag')]).toEqual([
      'Prefers calls after 18:00',
      'wholesale',
      'Другой клиент',
      '',
    ]);
    await again.save(A, 'note', '');
    await again.save(A, 'tag', '   ');
    expect([...area.items.keys()]).toEqual([draftKey(B, 'note')]);
  });

  it('is bounded: at most MAX_DRAFTS (the least recently typed go), each cut to MAX_DRAFT_CHARS, none older than a week', async () => {
    const area = memoryArea();
    let t = 1_000;
    const drafts = draftStore(area, () => t);
    for (let i = 0; i < MAX_DRAFTS + 10; i++) {
      t += 1;
      await drafts.save(`zendesk:acme:${i}`, 'note', `note ${i}`);
    }
    expect(area.items.size).toBe(MAX_DRAFTS);
    expect(await drafts.load('zendesk:acme:9', 'note')).toBe('');
    expect(await drafts.load('zendesk:acme:10', 'note')).toBe('note 10');
    await drafts.save(A, 'note', 'x'.repeat(MAX_DRAFT_CHARS + 500));
    expect(await drafts.load(A, 'note')).toHaveLength(MAX_DRAFT_CHARS);
    // A week later, an old draft no longer comes back, and the next new one clears out the old ones.
    t += MAX_DRAFT_AGE_MS + 1;
    expect(await drafts.load(A, 'note')).toBe('');
    await drafts.save(B, 'tag', 'fresh');
    expect([...area.items.keys()]).toEqual([draftKey(B, 'tag')]);
  });

  it('ignores what is not a draft, and forgets every draft of forgotten clients', async () => {
    const area = memoryArea();
    await area.set({ [draftKey(A, 'note')]: '<img src=x>', [draftKey(A, 'tag')]: { text: 7, at: 1 }, 'tab:5': { state: 'client' } });
    const drafts = draftStore(area);
    expect([await drafts.load(A, 'note'), await drafts.load(A, 'tag')]).toEqual(['', '']);
    await drafts.save(A, 'note', 'keep');
    await drafts.save(B, 'tag', 'keep too');
    // Malformed drafts count as the oldest; other keys of the area are never touched.
    await drafts.forget([A, B]);
    expect([...area.items.keys()]).toEqual(['tab:5']);
  });
});
