// The platform-neutral shape of everything inchannel shows. Adapters turn a View into Block Kit,
// Discord components and embeds, or terminal text, and own every platform limit on the way.

export interface Button {
  type: 'button';
  id: string;
  label: string;
  style?: 'primary' | 'danger';
}

export interface SelectOption {
  value: string;
  label: string;
}

export interface Select {
  type: 'select';
  id: string;
  placeholder: string;
  options: SelectOption[];
  multi?: boolean;
  selected?: string[];
}

export type Element = Button | Select;

export type Block =
  | { type: 'header'; text: string }
  | { type: 'text'; text: string }
  | { type: 'fields'; fields: Array<{ label: string; value: string }> }
  /** Long content (an input, a model response): adapters split it, never cut it. */
  | { type: 'quote'; label: string; text: string }
  | { type: 'actions'; elements: Element[] }
  | { type: 'divider' };

export interface View {
  blocks: Block[];
}

export interface FormField {
  id: string;
  label: string;
  style: 'short' | 'paragraph';
  required: boolean;
  maxLength: number;
  placeholder?: string;
  initial?: string;
}

export interface Form {
  id: string;
  title: string;
  submitLabel: string;
  fields: FormField[];
}

export interface FileOut {
  filename: string;
  content: string;
}

export type Reply =
  | {
      type: 'message';
      view: View;
      visibility: 'private' | 'channel';
      replaceSource?: boolean;
      files?: FileOut[];
    }
  | { type: 'form'; form: Form }
  | { type: 'formErrors'; errors: Record<string, string> };

export function message(blocks: Block[], visibility: 'private' | 'channel' = 'private'): Reply {
  return { type: 'message', view: { blocks }, visibility };
}

export function replaceWith(blocks: Block[]): Reply {
  return { type: 'message', view: { blocks }, visibility: 'private', replaceSource: true };
}

export function textReply(text: string): Reply {
  return message([{ type: 'text', text }]);
}

/** Plain text of a view, for logs, the console and notifications. */
export function viewText(view: View): string {
  return view.blocks
    .map((block) => {
      if (block.type === 'header' || block.type === 'text') return block.text;
      if (block.type === 'quote') return `${block.label}\n${block.text}`;
      if (block.type === 'fields')
        return block.fields.map((f) => `${f.label}: ${f.value}`).join('\n');
      return '';
    })
    .filter((text) => text !== '')
    .join('\n');
}
