// How an assignment looks to the annotator: the item, the task's controls, the answer so far,
// and the buttons that finish it. Gold items look exactly like the others.
import { actionId } from '../core/actions.js';
import type { Block, Form } from '../core/view.js';
import type { Work } from '../assignment/load.js';
import type { CheckResult } from '../responses/checks.js';
import { letter, taskFor } from '../tasks/index.js';

function itemBlocks(work: Work): Block[] {
  const blocks: Block[] = [
    { type: 'header', text: `${taskFor(work.batch.task).title} · ${work.batch.name}` },
    { type: 'quote', label: 'Prompt', text: work.item.input },
  ];
  if (work.item.context !== null && work.item.context !== '') {
    blocks.push({ type: 'quote', label: 'Context', text: work.item.context });
  }
  work.item.responses.forEach((candidate, index) => {
    blocks.push({ type: 'quote', label: `Response ${letter(index)}`, text: candidate.text });
  });
  return blocks;
}

function progressBlock(work: Work): Block {
  const task = taskFor(work.batch.task);
  const { draft } = work;
  const rationale =
    draft.rationale === undefined
      ? 'not written yet'
      : `${draft.rationale.decision} (confidence ${draft.confidence ?? '?'})`;
  return {
    type: 'fields',
    fields: [
      { label: 'Your answer', value: task.summary(draft.answer, work.item, work.rubric) },
      { label: 'Rationale', value: rationale },
    ],
  };
}

function finishButtons(work: Work): Block {
  return {
    type: 'actions',
    elements: [
      { type: 'button', id: actionId('rationale', work.assignmentId), label: 'Rationale' },
      {
        type: 'button',
        id: actionId('submit', work.assignmentId),
        label: 'Submit',
        style: 'primary',
      },
      { type: 'button', id: actionId('skip', work.assignmentId), label: 'Skip' },
    ],
  };
}

export function workBlocks(work: Work, notice?: string): Block[] {
  const task = taskFor(work.batch.task);
  return [
    ...itemBlocks(work),
    { type: 'divider' },
    ...task.controls(work.assignmentId, work.item, work.draft, work.rubric),
    progressBlock(work),
    ...(notice === undefined ? [] : [{ type: 'text' as const, text: notice }]),
    finishButtons(work),
  ];
}

export function storedBlocks(work: Work, duplicate: boolean): Block[] {
  const task = taskFor(work.batch.task);
  const summary = task.summary(work.draft.answer, work.item, work.rubric);
  const note = duplicate ? ' (it was already stored; nothing was saved twice)' : '';
  return [
    { type: 'header', text: `${task.title} · ${work.batch.name}` },
    { type: 'text', text: `✅ Stored: ${summary}, confidence ${work.draft.confidence}${note}.` },
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          id: actionId('next', work.batch.id),
          label: 'Next item',
          style: 'primary',
        },
        { type: 'button', id: actionId('correct', work.assignmentId), label: 'Correct answer' },
      ],
    },
  ];
}

export function checkBlocks(work: Work, checks: CheckResult[], blocking: boolean): Block[] {
  const lines = checks.map((check) => `• ${check.message} (${check.code})`).join('\n');
  const heading = blocking
    ? '⛔ Fix these before the answer can be stored:'
    : '⚠️ Please look again before this is stored:';
  const buttons: Block = {
    type: 'actions',
    elements: blocking
      ? [{ type: 'button', id: actionId('rationale', work.assignmentId), label: 'Fix rationale' }]
      : [
          {
            type: 'button',
            id: actionId('confirm', work.assignmentId),
            label: 'Confirm and store',
            style: 'primary',
          },
          { type: 'button', id: actionId('rationale', work.assignmentId), label: 'Fix rationale' },
        ],
  };
  return [...workBlocks(work), { type: 'text', text: `${heading}\n${lines}` }, buttons];
}

export function rationaleForm(work: Work): Form {
  const task = taskFor(work.batch.task);
  const rationale = work.draft.rationale;
  const initial = (value: string | undefined) =>
    value === undefined || value === '' ? {} : { initial: value };
  const fields: Form['fields'] = [];
  if (task.wantsText) {
    fields.push({
      id: 'text',
      label: 'Your text',
      style: 'paragraph',
      required: true,
      maxLength: 3000,
      ...initial(work.draft.answer.text),
    });
  }
  fields.push(
    {
      id: 'decision',
      label: 'Decision',
      style: 'short',
      required: true,
      maxLength: 300,
      placeholder: 'e.g. reject: factual error',
      ...initial(rationale?.decision),
    },
    {
      id: 'evidence',
      label: 'Evidence',
      style: 'paragraph',
      required: false,
      maxLength: 3000,
      placeholder: 'What the source says against what the response claims',
      ...initial(rationale?.evidence),
    },
    {
      id: 'policy',
      label: 'Policy',
      style: 'short',
      required: false,
      maxLength: 300,
      placeholder: 'The rubric rule, by number',
      ...initial(rationale?.policy),
    },
  );
  // Discord allows five fields in a form: writing tasks trade the alternative for the text.
  if (!task.wantsText) {
    fields.push({
      id: 'alternative',
      label: work.batch.task === 'safety_review' ? 'Safe alternative' : 'Alternative',
      style: 'paragraph',
      required: false,
      maxLength: 3000,
      placeholder: 'A corrected statement',
      ...initial(rationale?.alternative),
    });
  }
  fields.push({
    id: 'confidence',
    label: 'Confidence (0 to 1)',
    style: 'short',
    required: true,
    maxLength: 5,
    placeholder: '0.8',
    ...initial(work.draft.confidence?.toString()),
  });
  return {
    id: actionId('rationale', work.assignmentId),
    title: 'Rationale',
    submitLabel: 'Save',
    fields,
  };
}
