import { batch, type Signal } from '@preact/signals';
import { layerPacks, type EffectivePack } from '../../core/pack/merge';
import type { LocText, StrategyPack } from '../../core/pack/schema';
import type { InstalledPack } from '../../core/store/db';
import { PERSONAL_PACK_ID } from '../../core/store/packs';
import { createCheck, type CheckTarget } from './check';
import type { Draft } from './draft';
import { createEditor, type EditorInit } from './editor';
import type { Notice, View } from './options-state';
import type { OptionsTransport, PackSource } from './transport';

interface OpenerState {
  builtin: Signal<StrategyPack | null>;
  /** Installed packs, bottom layer first. */
  packs: Signal<InstalledPack[]>;
  view: Signal<View>;
  notice: Signal<Notice | null>;
  transport: OptionsTransport;
}

/**
 * The layers under a pack being edited, merged: what the agent gets where the pack sets nothing. The built-in
 * pack and the enabled packs below it; a pack not installed yet goes on top of the team packs, and the agent's
 * personal tweaks sit over all of them.
 */
export function layersBelow(builtin: StrategyPack, installed: readonly InstalledPack[], id: string): EffectivePack {
  const own = installed.find((p) => p.id === id);
  const under = installed
    .filter(
      (p) => p.enabled && p.id !== id && (id === PERSONAL_PACK_ID || p.id !== PERSONAL_PACK_ID) && (!own || id === PERSONAL_PACK_ID || p.order < own.order),
    )
    .sort((a, b) => a.order - b.order);
  return layerPacks([builtin, ...under.map((p) => p.pack)]);
}

/** Opening the pack editor (on an installed pack, a new one, the agent's tweaks, a refused file) and "Check this pack". */
export function editorOpeners(s: OpenerState) {
  function openEditor(init: EditorInit) {
    const base = s.builtin.value;
    if (!base) return;
    const id = typeof init.draft.id === 'string' ? init.draft.id : '';
    const editor = createEditor(init, {
      builtin: base,
      below: layersBelow(base, s.packs.value, init.mode === 'personal' ? PERSONAL_PACK_ID : init.mode === 'edit' ? id : ''),
      install: (pack, source, replace) => s.transport.install(pack, source, { replace }),
    });
    batch(() => {
      s.notice.value = null;
      s.view.value = { kind: 'editor', editor };
    });
  }

  function editPack(id: string) {
    const rec = s.packs.value.find((p) => p.id === id);
    if (rec) openEditor({ draft: structuredClone(rec.pack), mode: rec.id === PERSONAL_PACK_ID ? 'personal' : 'edit', source: rec.source });
  }

  return {
    editPack,
    /** The built-in pack as a new team pack, ready to be renamed and changed. */
    duplicateBuiltin(names: { name: LocText; author: string }) {
      const base = s.builtin.value;
      if (!base) return;
      const { description: _d, ...rest } = structuredClone(base);
      openEditor({
        draft: { ...rest, id: 'team-pack', name: names.name, version: '1.0.0', author: names.author },
        mode: 'new',
        source: { kind: 'file', name: '' },
      });
    },
    /** The agent's own tweaks: opened for editing, or started empty (every section falls through to the packs below). */
    editPersonal(names: { name: LocText; author: string }) {
      const rec = s.packs.value.find((p) => p.id === PERSONAL_PACK_ID);
      if (rec) return editPack(rec.id);
      openEditor({
        draft: { schemaVersion: 1, id: PERSONAL_PACK_ID, name: names.name, version: '1.0.0', author: names.author, languages: ['en', 'ru'] },
        mode: 'personal',
        source: { kind: 'personal' },
      });
    },
    /** A pack file refused at import, opened as it is to be fixed: its problems are listed, and it saves once they are fixed. */
    fixRefused(draft: Draft, source: PackSource) {
      const personal = draft.id === PERSONAL_PACK_ID;
      openEditor({ draft: structuredClone(draft), mode: personal ? 'personal' : 'new', source: personal ? { kind: 'personal' } : source, refused: true });
    },
    openCheck(target: CheckTarget) {
      const base = s.builtin.value;
      if (!base) return;
      s.view.value = { kind: 'check', check: createCheck(target, { builtin: base, transport: s.transport }), back: s.view.value };
    },
  };
}
