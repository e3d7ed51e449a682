/** Quiz logic: pure, so scoring and feedback are unit-tested without a browser. */
export interface QuizQuestion {
  prompt: string;
  choices: string[];
  answer: number;
  explanation: string;
}

export interface QuizState {
  /** chosen choice per question, -1 when unanswered */
  chosen: number[];
  /** questions whose answer has been checked */
  checked: boolean[];
}

export function initialState(questions: QuizQuestion[], saved?: number[]): QuizState {
  const chosen = questions.map((q, i) => {
    const s = saved?.[i];
    return s !== undefined && Number.isInteger(s) && s >= 0 && s < q.choices.length ? s : -1;
  });
  return { chosen, checked: chosen.map((c) => c >= 0) };
}

export function choose(state: QuizState, question: number, choice: number): QuizState {
  if (state.checked[question]) return state; // an answer is final once checked
  const chosen = state.chosen.slice();
  chosen[question] = choice;
  return { ...state, chosen };
}

export function check(state: QuizState, question: number): QuizState {
  if ((state.chosen[question] ?? -1) < 0) return state;
  const checked = state.checked.slice();
  checked[question] = true;
  return { ...state, checked };
}

export function isCorrect(questions: QuizQuestion[], state: QuizState, question: number): boolean {
  return state.chosen[question] === questions[question]?.answer;
}

export function score(questions: QuizQuestion[], state: QuizState): { score: number; total: number; done: boolean } {
  const total = questions.length;
  const s = questions.filter((_, i) => state.checked[i] && isCorrect(questions, state, i)).length;
  return { score: s, total, done: state.checked.every(Boolean) };
}

export function verdict(s: { score: number; total: number }): string {
  const ratio = s.total ? s.score / s.total : 0;
  if (ratio === 1) return 'All correct. You have this topic down.';
  if (ratio >= 0.6) return 'Good. Re-read the explanations for the ones you missed.';
  return 'Worth another pass: read the explanations, then revisit the sections they point to.';
}
