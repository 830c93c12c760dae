import type { Path } from './draft';
import type { Editor } from './editor';
import { FieldErrors, Group, ItemTools, LocTextField } from './fields';
import { inheritedAt, listAt, withItem } from './inheritance';
import { NotAList, NotSetHere, OriginBadge, ReplacesNote, UseInherited } from './InheritedList';

/**
 * A list of texts in both languages (a type's strategy steps or boundaries). Not set here, it shows what the
 * packs below give, and adding a step starts from a copy of theirs; set here, it says that it replaces theirs
 * and marks each item kept from them.
 */
export function LocTextList({
  editor,
  path,
  title,
  what,
  plural,
  add,
  testId,
}: {
  editor: Editor;
  path: Path;
  title: string;
  what: string;
  plural: string;
  add: string;
  testId: string;
}) {
  const at = listAt(editor.draft.value, path);
  const inheritance = inheritedAt(editor.below, path);
  const addButton = (
    <button type="button" class="secondary" data-testid={`${testId}-add`} onClick={() => editor.set(path, withItem(at, inheritance.items, {}))}>
      {add}
    </button>
  );
  return (
    <Group title={title} testId={testId}>
      {at.kind === 'other' ? (
        <NotAList editor={editor} path={path} at={at} />
      ) : at.kind === 'unset' ? (
        <NotSetHere editor={editor} path={path} inheritance={inheritance} what={plural}>
          {addButton}
        </NotSetHere>
      ) : (
        <>
          <ReplacesNote editor={editor} path={path} list={at.items} inheritance={inheritance} what={plural} />
          <ol class="items">
            {at.items.map((item, i) => (
              <li key={i} class="item">
                <div class="item__head">
                  <span class="item__n">{i + 1}</span>
                  <OriginBadge item={item} inheritance={inheritance} />
                  <ItemTools editor={editor} path={path} index={i} count={at.items.length} what={`${what} ${i + 1}`} />
                </div>
                <LocTextField editor={editor} path={[...path, i]} label={`${what} ${i + 1}`} multiline />
              </li>
            ))}
          </ol>
          <FieldErrors editor={editor} path={path} />
          <div class="row">
            {addButton}
            <UseInherited editor={editor} path={path} />
          </div>
        </>
      )}
    </Group>
  );
}
