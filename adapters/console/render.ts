// Views as terminal text: blocks in order, buttons and selects as numbered choices.
import type { Block, Element, Reply } from '../../src/core/view.js';

export interface Rendered {
  text: string;
  choices: Element[];
}

function renderBlock(block: Block, choices: Element[]): string {
  switch (block.type) {
    case 'header':
      return `\n== ${block.text} ==`;
    case 'text':
      return block.text;
    case 'fields':
      return block.fields.map((field) => `${field.label}: ${field.value}`).join('\n');
    case 'quote':
      return `--- ${block.label} ---\n${block.text}`;
    case 'divider':
      return '';
    case 'actions':
      return block.elements.map((element) => renderElement(element, choices)).join('\n');
  }
}

function renderElement(element: Element, choices: Element[]): string {
  choices.push(element);
  const number = `[${choices.length}]`;
  if (element.type === 'button') return `${number} ${element.label}`;
  const options = element.options.map((option, index) => `${index + 1}=${option.label}`).join('  ');
  const chosen = element.selected?.length ? ` (now: ${element.selected.join(', ')})` : '';
  const how = element.multi === true ? 'one or more, comma-separated' : 'one';
  return `${number} ${element.placeholder}${chosen}: pick ${how} of ${options}`;
}

export function renderReply(reply: Reply): Rendered {
  const choices: Element[] = [];
  if (reply.type === 'formErrors') {
    const text = Object.entries(reply.errors).map(([field, error]) => `! ${field}: ${error}`);
    return { text: text.join('\n'), choices };
  }
  if (reply.type === 'form') return { text: `\n== ${reply.form.title} ==`, choices };
  const text = reply.view.blocks
    .map((block) => renderBlock(block, choices))
    .filter((part) => part !== '')
    .join('\n');
  return { text, choices };
}
