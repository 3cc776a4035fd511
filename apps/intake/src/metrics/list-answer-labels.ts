import type { IntakeAnswer } from '../intake/intake-answers';

/** Labels of one answered list: its kind, accepted or rejected, and the first problem's code. */
export function listAnswerLabels(answer: IntakeAnswer): { kind: string; outcome: string; code: string } {
  if (answer.type === 'accepted') return { kind: answer.event.listKind, outcome: 'accepted', code: 'none' };
  return {
    kind: answer.event.listKind,
    outcome: 'rejected',
    code: answer.event.problems[0]?.code ?? 'unknown',
  };
}
