// A form as a Discord modal: a Label around each text input, at most five, title within 45.
import {
  ComponentType,
  TextInputStyle,
  type APILabelComponent,
  type APIModalInteractionResponseCallbackData,
} from 'discord.js';

import type { Form, FormField } from '../../../src/core/view.js';
import { LIMITS } from '../limits.js';
import { shortLabel } from './text.js';

function input(field: FormField): APILabelComponent {
  const maxLength = Math.min(Math.max(field.maxLength, 1), LIMITS.inputLength);
  return {
    type: ComponentType.Label,
    label: shortLabel(field.label, LIMITS.inputLabel),
    component: {
      type: ComponentType.TextInput,
      custom_id: field.id,
      style: field.style === 'paragraph' ? TextInputStyle.Paragraph : TextInputStyle.Short,
      required: field.required,
      max_length: maxLength,
      ...(field.placeholder === undefined
        ? {}
        : { placeholder: shortLabel(field.placeholder, LIMITS.inputPlaceholder) }),
      ...(field.initial === undefined ? {} : { value: field.initial.slice(0, maxLength) }),
    },
  };
}

export function renderModal(form: Form): APIModalInteractionResponseCallbackData {
  if (form.fields.length > LIMITS.modalFields) {
    throw new Error(`form ${form.title} has ${form.fields.length} fields; Discord allows five`);
  }
  return {
    custom_id: form.id,
    title: shortLabel(form.title, LIMITS.modalTitle),
    components: form.fields.map(input),
  };
}
