/*
 * amoCRM / Kommo card selectors (one frontend for both), from shared/helpdesks/FACTS.md §A8.
 * Newest variant first; each array is tried in order.
 */
export const AMO = {
  cardHolder: ['#card_holder.card-holder', '#card_holder'],
  leadName: ['.card-fields__top-name-input', '#person_n'],
  status: ['#card_status_view_mode .pipeline-select-view__status span'],
  /** The main contact's block on a lead card (the add-form is `.linked-forms__item_is-add`). */
  mainContact: ['#contacts_list .linked-forms__item[data-main-item="true"]', '#contacts_list .linked-forms__item:not(.linked-forms__item_is-add)'],
  contactId: ['input[name="ID"]'],
  /** A contact card's own fields (on a lead card the contact sits in `#contacts_list` instead). */
  contactCardForm: ['form#edit_card', '#card_fields'],
  /** Chat messages; notes, calls and system lines are other wrapper modifiers. */
  chatItem: ['.feed-note-wrapper-amojo'],
  contactName: ['input.js-linked-name-view'],
  contactPhone: ['.linked-form__field-pei [data-pei-code="phone"] input.control-phone__formatted', '.linked-form__field-pei [data-pei-code="phone"] input'],
  contactEmail: ['.linked-form__field-pei [data-pei-code="email"] input.js-linked-pei', '.linked-form__field-pei [data-pei-code="email"] input'],
  feedNotes: ['.notes-wrapper__notes.js-notes', '.notes-wrapper__notes'],
  feedItem: ['.feed-note-wrapper'],
  feedParagraph: ['.feed-note__message_paragraph'],
  feedBody: ['.feed-note__body'],
  feedAuthor: ['.feed-note__amojo-user[title]', '.js-amojo-author', '.feed-note__avatar[title]'],
  feedDate: ['.feed-note__date', '.js-feed-note__date'],
  composer: ['.feed-compose__message[contenteditable="true"]', 'textarea.feed-compose__message', 'textarea[name="message"]'],
} as const;
