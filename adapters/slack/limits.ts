// Block Kit's limits, from Slack's reference. Rendering respects every one of them.
export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  sectionText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  headerText: 150,
  buttonText: 75,
  elementsPerActions: 25,
  optionsPerSelect: 100,
  optionText: 75,
  placeholderText: 150,
  modalTitle: 24,
  modalButton: 24,
  inputLabel: 2000,
  inputMaxLength: 3000,
  privateMetadata: 3000,
} as const;
