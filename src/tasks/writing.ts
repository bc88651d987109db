// Instruction and rubric writing: the annotator writes a prompt or an answer of some length.
import type { TaskDefinition } from './task.js';

export const writingTask: TaskDefinition = {
  type: 'writing',
  title: 'Instruction writing',
  candidates: { min: 0, max: 6 },
  wantsText: true,
  goldProblems: () => [],
  answerProblems: (answer, _item, rubric) => {
    const length = answer.text?.trim().length ?? 0;
    if (length === 0) return ['text: write the text in the Rationale form'];
    if (length < rubric.minTextLength) {
      return [`text: ${length} characters, the rubric asks for at least ${rubric.minTextLength}`];
    }
    return [];
  },
  controls: () => [],
  summary: (answer) => {
    const text = answer.text?.trim() ?? '';
    return `Wrote ${text.length} characters`;
  },
};
