// A Form becomes a modal of plain-text inputs; its submission becomes the form's fields again.
// Each input's block id is the field id, so the core's field errors land on the right input.
import type { types } from '@slack/bolt';

import type { Form, FormField } from '../../src/core/view.js';
import { LIMITS } from './limits.js';
import { shortLabel } from './mrkdwn.js';
import { originMetadata, type Origin } from './origin.js';

function input(field: FormField): types.InputBlock {
  const element: types.PlainTextInput = {
    type: 'plain_text_input',
    action_id: field.id,
    multiline: field.style === 'paragraph',
    max_length: Math.min(field.maxLength, LIMITS.inputMaxLength),
    ...(field.placeholder === undefined
      ? {}
      : { placeholder: { type: 'plain_text', text: shortLabel(field.placeholder, 150) } }),
    ...(field.initial === undefined ? {} : { initial_value: field.initial }),
  };
  return {
    type: 'input',
    block_id: field.id,
    optional: !field.required,
    label: { type: 'plain_text', text: shortLabel(field.label, LIMITS.inputLabel) },
    element,
  };
}

export function modalView(form: Form, origin: Origin): types.ModalView {
  return {
    type: 'modal',
    callback_id: form.id,
    title: { type: 'plain_text', text: shortLabel(form.title, LIMITS.modalTitle) },
    submit: { type: 'plain_text', text: shortLabel(form.submitLabel, LIMITS.modalButton) },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: originMetadata(origin),
    blocks: form.fields.map(input),
  };
}

type StateValues = Record<string, Record<string, { value?: string | null } | undefined>>;

/** The submitted text of every input, keyed by field id; an empty input gives ''. */
export function submittedFields(values: StateValues): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(values)) {
    fields[blockId] = actions[blockId]?.value ?? '';
  }
  return fields;
}
