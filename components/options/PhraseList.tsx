import type { Phrase } from '../../core/pack/schema';
import { fillPhrase, PHRASE_VARIABLES, phraseVariables, phraseVars } from '../../core/phrases';
import { LANGS, type ClientTypeId, type Lang } from '../../core/taxonomy';
import { t } from './i18n';
import type { Path } from './draft';
import type { Editor } from './editor';
import { FieldErrors, Group, ItemTools, Select, TextField } from './fields';
import { inheritedAt, listAt, withItem } from './inheritance';
import { NotAList, NotSetHere, OriginBadge, ReplacesNote, UseInherited } from './InheritedList';

/** The sample ticket the phrase preview fills in: the demo's ticket 1201. */
export const SAMPLE_VARS = phraseVars({
  clientName: 'Виктория Лебедева',
  email: 'v.lebedeva@example.com',
  organization: 'ООО «Ветер»',
  agentName: 'Анна',
  ticketId: '1201',
  subject: 'Заказ №78412 задерживается уже неделю',
});
const KNOWN_VARS = new Set<string>(PHRASE_VARIABLES);

/** The phrase ids in a value that should be a list of phrases (anything else a file held has none). */
const idsIn = (list: unknown): string[] => (Array.isArray(list) ? list.flatMap((p) => (typeof p?.id === 'string' ? [p.id] : [])) : []);

/** A phrase id no phrase of the pack has (ids are unique across the pack), nor one of `more` (inherited ones about to be copied in). */
function newPhraseId(editor: Editor, type: ClientTypeId, l: Lang, more: readonly unknown[]): string {
  const types = editor.get(['types']);
  const sections = types && typeof types === 'object' ? Object.values(types as Record<string, { phrases?: unknown } | null>) : [];
  const taken = new Set([...idsIn(editor.get(['general', 'phrases'])), ...sections.flatMap((sec) => idsIn(sec?.phrases)), ...idsIn(more)]);
  const base = `${String(editor.get(['id']) ?? 'pack').replace(/[^a-z0-9-]/g, '') || 'pack'}-${type}-${l}`.slice(0, 58);
  let n = 1;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

function PhrasePreview({ text }: { text: string }) {
  const vars = phraseVariables(text);
  const unknown = vars.filter((v) => !KNOWN_VARS.has(v));
  return (
    <div class="preview">
      <p class="preview__text">
        <span class="muted">{t('options.editor.preview')} </span>
        <span data-testid="phrase-preview">{fillPhrase(text, SAMPLE_VARS)}</span>
      </p>
      {!!vars.length && (
        <p class="muted preview__vars">
          {t('options.editor.variables')} {vars.map((v) => `{{${v}}}`).join(', ')}
        </p>
      )}
      {!!unknown.length && (
        <p class="warn" data-testid="phrase-unknown-vars">
          {t('options.editor.unknownVars', { vars: unknown.join(', ') })}
        </p>
      )}
    </div>
  );
}

/**
 * A type's phrases, each with a live preview. Not set here, it shows the phrases the packs below give, and
 * adding one starts from a copy of theirs (they replace as a whole); set here, each one kept from below is marked.
 */
export function Phrases({ editor, type }: { editor: Editor; type: ClientTypeId }) {
  const path: Path = ['types', type, 'phrases'];
  const at = listAt(editor.draft.value, path);
  const inheritance = inheritedAt(editor.below, path);
  const what = t('options.editor.phrase');
  const addButtons = LANGS.map((l) => (
    <button
      key={l}
      type="button"
      class="secondary"
      data-testid={`phrase-add-${l}`}
      onClick={() => editor.set(path, withItem(at, inheritance.items, { id: newPhraseId(editor, type, l, inheritance.items), lang: l, text: '' }))}
    >
      {t('options.editor.addPhrase', { lang: l.toUpperCase() })}
    </button>
  ));
  return (
    <Group title={t('options.editor.phrases')} hint={t('options.editor.phrasesHint')} testId="editor-phrases">
      {at.kind === 'other' ? (
        <NotAList editor={editor} path={path} at={at} />
      ) : at.kind === 'unset' ? (
        <NotSetHere editor={editor} path={path} inheritance={inheritance} what={t('options.editor.phrasesWhat')}>
          {addButtons}
        </NotSetHere>
      ) : (
        <>
          <ReplacesNote editor={editor} path={path} list={at.items} inheritance={inheritance} what={t('options.editor.phrasesWhat')} />
          <ol class="items">
            {(at.items as (Partial<Phrase> | null)[]).map((ph, i) => (
              <li key={i} class="item" data-testid="phrase-item">
                <div class="item__head">
                  <span class="item__n">{i + 1}</span>
                  <OriginBadge item={ph} inheritance={inheritance} />
                  <ItemTools editor={editor} path={path} index={i} count={at.items.length} what={`${what} ${i + 1}`} />
                </div>
                <div class="grid2">
                  <TextField editor={editor} path={[...path, i, 'id']} label={t('options.editor.phraseId')} />
                  <Select
                    editor={editor}
                    path={[...path, i, 'lang']}
                    label={t('options.editor.lang')}
                    options={LANGS.map((l) => ({ value: l, label: l.toUpperCase() }))}
                  />
                </div>
                <TextField
                  editor={editor}
                  path={[...path, i, 'text']}
                  label={t('options.editor.phraseText')}
                  multiline
                  lang={typeof ph?.lang === 'string' ? ph.lang : undefined}
                />
                <PhrasePreview text={typeof ph?.text === 'string' ? ph.text : ''} />
              </li>
            ))}
          </ol>
          <FieldErrors editor={editor} path={path} />
          <div class="row">
            {addButtons}
            <UseInherited editor={editor} path={path} />
          </div>
          <p class="muted hint">{t('options.editor.sample')}</p>
        </>
      )}
    </Group>
  );
}
