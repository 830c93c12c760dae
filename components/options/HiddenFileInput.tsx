import type { Ref } from 'preact';

/**
 * A file input kept out of sight and out of the tab order: a visible button opens it (`inputRef.current.click()`).
 * It is emptied after each pick, so that choosing the same file again is seen as a new choice.
 */
export function HiddenFileInput({
  inputRef,
  accept,
  testId,
  onFiles,
}: {
  inputRef: Ref<HTMLInputElement>;
  accept: string;
  testId: string;
  onFiles: (files: FileList | null) => void;
}) {
  return (
    <input
      ref={inputRef}
      type="file"
      class="sr-only"
      tabIndex={-1}
      aria-hidden="true"
      accept={accept}
      data-testid={testId}
      onChange={(e) => {
        const input = e.currentTarget as HTMLInputElement;
        onFiles(input.files);
        input.value = '';
      }}
    />
  );
}
