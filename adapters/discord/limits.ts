// Discord's documented limits, in one place, so every renderer checks the same numbers.
export const LIMITS = {
  embedTitle: 256,
  embedDescription: 4096,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFields: 25,
  embedsPerMessage: 10,
  embedCharsPerMessage: 6000,
  rowsPerMessage: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  selectOptions: 25,
  selectPlaceholder: 150,
  optionLabel: 100,
  optionValue: 100,
  modalTitle: 45,
  modalFields: 5,
  inputLabel: 45,
  inputPlaceholder: 100,
  inputLength: 4000,
  commandDescription: 100,
  choiceName: 100,
} as const;

/** Message flag that shows a reply only to the member who acted. */
export const EPHEMERAL = 64;

/** Answers must reach Discord within 3 s; past this much work the adapter defers first. */
export const DEFER_AFTER_MS = 2000;

/** Largest import file the adapter downloads (a batch of a few thousand long items). */
export const MAX_ATTACHMENT_BYTES = 8 * 1024 * 1024;
