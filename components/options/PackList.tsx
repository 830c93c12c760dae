import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { diffPacks, type PackChange } from '../../core/pack/diff';
import type { StrategyPack } from '../../core/pack/schema';
import type { InstalledPack } from '../../core/store/db';
import { PERSONAL_PACK_ID } from '../../core/store/packs';
import { formatTime, lang, t } from './i18n';
import { optionsEn } from '../i18n/options-en';
import { optionsRu } from '../i18n/options-ru';
import { loc } from '../panel/pack-text';
import type { OptionsModel, UpdateStatus } from './model';
import { IssueLines } from './IssueLines';

const packName = (pack: StrategyPack) => loc(pack.name, lang.value) || pack.id;

function sourceText(rec: InstalledPack): string {
  const s = rec.source;
  if (s.kind === 'personal') return t('options.source.personal');
  if (s.kind === 'url') return t('options.source.url', { url: s.url });
  return s.name ? t('options.source.file', { name: s.name }) : t('options.source.editor');
}

/** A pack's changes as a short list of JSON paths ("what changed"). */
export function ChangeList({ changes, testId }: { changes: PackChange[]; testId: string }) {
  if (!changes.length) return <p class="muted">{t('options.changes.none')}</p>;
  const shown = changes.slice(0, 30);
  return (
    <ul class="changes" data-testid={testId}>
      {shown.map((c) => (
        <li key={c.path} data-kind={c.kind}>
          <span class={`changes__kind changes__kind--${c.kind}`}>{t(`options.changes.${c.kind}`)}</span> <code>{c.path}</code>
        </li>
      ))}
      {changes.length > shown.length && <li class="muted">{t('options.changes.more', { n: changes.length - shown.length })}</li>}
    </ul>
  );
}

function UpdateBox({ model, rec }: { model: OptionsModel; rec: InstalledPack }) {
  const pending = rec.pending!;
  const changes = diffPacks(rec.pack, pending);
  return (
    <div class="pack__update" role="group" aria-labelledby={`upd-${rec.id}`} data-testid="update-offer">
      <p id={`upd-${rec.id}`}>
        <strong>{t('options.update.available', { from: rec.pack.version, to: pending.version })}</strong>
      </p>
      <ChangeList changes={changes} testId="update-changes" />
      <div class="row">
        <button type="button" data-testid="update-accept" onClick={() => void model.acceptUpdate(rec.id)}>
          {t('options.update.accept', { version: pending.version })}
        </button>
        <button type="button" class="secondary" data-testid="update-dismiss" onClick={() => void model.dismissUpdate(rec.id)}>
          {t('options.update.dismiss')}
        </button>
      </div>
    </div>
  );
}

function UpdateLine({ status, rec }: { status: UpdateStatus | undefined; rec: InstalledPack }) {
  if (!status) {
    return rec.lastCheckedAt ? <p class="pack__checked muted">{t('options.update.lastChecked', { when: formatTime(rec.lastCheckedAt) })}</p> : null;
  }
  if (status.kind === 'checking') {
    return (
      <p class="pack__checked muted" role="status" data-testid="update-status">
        {t('options.update.checking')}
      </p>
    );
  }
  if (status.kind === 'error') {
    return (
      <div class="pack__checked error" role="alert" data-testid="update-status">
        {t(status.key, status.vars)}
        {status.detail && <pre class="detail">{status.detail}</pre>}
        {status.issues && <IssueLines issues={status.issues} />}
      </div>
    );
  }
  return (
    <p class="pack__checked muted" role="status" data-testid="update-status">
      {status.kind === 'same' ? t('options.update.same', { version: rec.pack.version }) : t('options.update.older', { version: rec.pack.version })}
    </p>
  );
}

function PackRow({ model, rec, index, movable }: { model: OptionsModel; rec: InstalledPack; index: number; movable: number }) {
  const confirming = useSignal(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming.value) confirmRef.current?.focus();
  }, [confirming.value]);
  const name = packName(rec.pack);
  const personal = rec.id === PERSONAL_PACK_ID;
  // Rows are shown top layer first; "up" raises the layer (+1). The personal pack always stays on top.
  const canUp = !personal && index > 0;
  const canDown = !personal && index < movable - 1;
  return (
    <li class={rec.enabled ? 'pack' : 'pack pack--off'} data-testid="pack-row" data-pack-id={rec.id}>
      <div class="pack__head">
        <div class="pack__title">
          <h3 class="pack__name" data-testid="pack-name">
            {name}
          </h3>
          <span class="pack__version" data-testid="pack-version">
            {rec.pack.version}
          </span>
          {personal && <span class="badge">{t('options.list.personalBadge')}</span>}
        </div>
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            data-testid="pack-enabled"
            checked={rec.enabled}
            aria-label={t('options.list.enabledFor', { name })}
            onChange={(e) => void model.setEnabled(rec.id, (e.currentTarget as HTMLInputElement).checked)}
          />
          <span aria-hidden="true">{rec.enabled ? t('options.list.on') : t('options.list.off')}</span>
        </label>
      </div>
      <p class="pack__meta">
        <span data-testid="pack-author">{t('options.list.by', { author: rec.pack.author })}</span>
        <span aria-hidden="true"> · </span>
        <span data-testid="pack-source">{sourceText(rec)}</span>
      </p>
      <div class="pack__actions">
        {!personal && (
          <span class="pack__order">
            <button
              type="button"
              class="icon"
              data-testid="pack-up"
              disabled={!canUp}
              aria-label={t('options.list.moveUp', { name })}
              title={t('options.list.moveUp', { name })}
              onClick={() => void model.move(rec.id, 1)}
            >
              ↑
            </button>
            <button
              type="button"
              class="icon"
              data-testid="pack-down"
              disabled={!canDown}
              aria-label={t('options.list.moveDown', { name })}
              title={t('options.list.moveDown', { name })}
              onClick={() => void model.move(rec.id, -1)}
            >
              ↓
            </button>
          </span>
        )}
        <button type="button" class="secondary" data-testid="pack-edit" aria-label={t('options.list.editFor', { name })} onClick={() => model.editPack(rec.id)}>
          {t('options.list.edit')}
        </button>
        <button
          type="button"
          class="secondary"
          data-testid="pack-check"
          aria-label={t('options.list.checkFor', { name })}
          onClick={() => model.openCheck({ pack: rec.pack, name: rec.pack.name })}
        >
          {t('options.list.check')}
        </button>
        <button
          type="button"
          class="secondary"
          data-testid="pack-export"
          aria-label={t('options.list.exportFor', { name })}
          onClick={() => model.exportPack(rec.id)}
        >
          {t('options.list.export')}
        </button>
        {rec.source.kind === 'url' && (
          <button
            type="button"
            class="secondary"
            data-testid="pack-check-update"
            aria-label={t('options.list.checkUpdateFor', { name })}
            disabled={model.updates.value[rec.id]?.kind === 'checking'}
            onClick={() => void model.checkUpdate(rec.id)}
          >
            {t('options.list.checkUpdate')}
          </button>
        )}
        <button
          type="button"
          class="secondary danger"
          data-testid="pack-remove"
          aria-label={t('options.list.removeFor', { name })}
          onClick={() => (confirming.value = true)}
        >
          {t('options.list.remove')}
        </button>
      </div>
      {confirming.value && (
        <div class="confirm" role="alertdialog" aria-labelledby={`rm-${rec.id}`} data-testid="remove-confirm">
          <p id={`rm-${rec.id}`}>{t('options.list.removeConfirm', { name })}</p>
          <div class="row">
            <button type="button" class="danger-solid" ref={confirmRef} data-testid="remove-yes" onClick={() => void model.remove(rec.id)}>
              {t('options.list.removeYes')}
            </button>
            <button type="button" class="secondary" data-testid="remove-no" onClick={() => (confirming.value = false)}>
              {t('options.action.cancel')}
            </button>
          </div>
        </div>
      )}
      {rec.source.kind === 'url' && <UpdateLine status={model.updates.value[rec.id]} rec={rec} />}
      {rec.pending && <UpdateBox model={model} rec={rec} />}
    </li>
  );
}

/** Installed packs, top layer first, with the built-in pack fixed at the bottom. */
export function PackList({ model }: { model: OptionsModel }) {
  const builtin = model.builtin.value!;
  const rows = [...model.packs.value].reverse();
  const movable = rows.filter((r) => r.id !== PERSONAL_PACK_ID);
  const hasPersonal = rows.length !== movable.length;
  const builtinName = packName(builtin);
  const personalNames = { name: { en: optionsEn['options.personal.name'], ru: optionsRu['options.personal.name'] }, author: t('options.personal.author') };
  return (
    <section class="card" aria-labelledby="packs-h">
      <div class="section-head">
        <h2 id="packs-h">{t('options.list.heading')}</h2>
        <div class="row">
          <button type="button" class="secondary" data-testid="personal-edit" onClick={() => model.editPersonal(personalNames)}>
            {hasPersonal ? t('options.list.personalEdit') : t('options.list.personalCreate')}
          </button>
          <button type="button" class="secondary" data-testid="export-effective" onClick={() => model.exportEffective()}>
            {t('options.list.exportEffective')}
          </button>
        </div>
      </div>
      <p class="muted hint">{t('options.list.layersHint')}</p>
      {!rows.length && (
        <p class="empty" data-testid="packs-empty">
          {t('options.list.empty')}
        </p>
      )}
      <ol class="packs" data-testid="pack-list">
        {rows.map((rec) => (
          <PackRow key={rec.id} model={model} rec={rec} index={movable.indexOf(rec)} movable={movable.length} />
        ))}
        <li class="pack pack--builtin" data-testid="builtin-row" data-pack-id={builtin.id}>
          <div class="pack__head">
            <div class="pack__title">
              <h3 class="pack__name">{builtinName}</h3>
              <span class="pack__version">{builtin.version}</span>
              <span class="badge">{t('options.list.builtinBadge')}</span>
            </div>
          </div>
          <p class="pack__meta">
            {t('options.list.by', { author: builtin.author })}
            <span aria-hidden="true"> · </span>
            {t('options.list.builtinHint')}
          </p>
          <div class="pack__actions">
            <button
              type="button"
              class="secondary"
              data-testid="builtin-duplicate"
              onClick={() =>
                model.duplicateBuiltin({
                  name: { en: optionsEn['options.duplicate.name'], ru: optionsRu['options.duplicate.name'] },
                  author: t('options.duplicate.author'),
                })
              }
            >
              {t('options.list.duplicate')}
            </button>
            <button
              type="button"
              class="secondary"
              data-testid="builtin-check"
              aria-label={t('options.list.checkFor', { name: builtinName })}
              onClick={() => model.openCheck({ pack: builtin, name: builtin.name, builtin: true })}
            >
              {t('options.list.check')}
            </button>
            <button
              type="button"
              class="secondary"
              data-testid="builtin-export"
              aria-label={t('options.list.exportFor', { name: builtinName })}
              onClick={() => model.exportPack(builtin.id)}
            >
              {t('options.list.export')}
            </button>
          </div>
        </li>
      </ol>
    </section>
  );
}
