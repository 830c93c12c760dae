import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { t } from '../i18n';

/**
 * A collapsed "set it by hand" form: pick one option, give an optional reason, save.
 * Used for the type override and the service-level override; `testIds` keep their e2e names.
 */
export function ChoiceWithReason<T extends string>(props: {
  title: string;
  options: { value: T; label: string }[];
  testIds: { select: string; reason: string; save: string };
  onSave: (value: T, reason: string) => unknown;
  children?: ComponentChildren;
}) {
  const choice = useSignal<T | ''>('');
  const reason = useSignal('');
  const submit = (e: Event) => {
    e.preventDefault();
    if (!choice.value) return;
    void props.onSave(choice.value, reason.value);
    choice.value = '';
    reason.value = '';
  };
  return (
    <details class="override">
      <summary>{props.title}</summary>
      <form onSubmit={submit} class="override__form">
        <select
          data-testid={props.testIds.select}
          aria-label={props.title}
          value={choice.value}
          onChange={(e) => (choice.value = (e.currentTarget as HTMLSelectElement).value as T)}
        >
          <option value="">—</option>
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <input
          type="text"
          data-testid={props.testIds.reason}
          maxLength={1000}
          placeholder={t('type.overrideReason')}
          aria-label={t('type.overrideReason')}
          value={reason.value}
          onInput={(e) => (reason.value = (e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" data-testid={props.testIds.save} disabled={!choice.value}>
          {t('type.overrideSave')}
        </button>
        {props.children}
      </form>
    </details>
  );
}

/** An error line that screen readers announce. */
export function ErrorLine({ message, testId }: { message: string; testId?: string }) {
  return message ? (
    <p class="error" role="alert" data-testid={testId}>
      {message}
    </p>
  ) : null;
}
