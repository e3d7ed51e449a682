/** The quiz island: renders the model; the server render doubles as the no-JS version. */
import { useEffect, useState } from 'preact/hooks';
import { check, choose, initialState, isCorrect, score, verdict, type QuizQuestion } from './model.ts';
import { readQuizResults, saveQuizResult } from '../../scripts/saved-state.ts';

interface Props {
  id: string;
  title: string;
  questions: QuizQuestion[];
}

export default function Quiz({ id, title, questions }: Props) {
  const [state, setState] = useState(() => initialState(questions));
  const [live, setLive] = useState(false);

  useEffect(() => {
    setLive(true);
    const saved = readQuizResults()[id];
    if (saved && saved.answers.length === questions.length) setState(initialState(questions, saved.answers));
  }, [id]);

  const update = (next: typeof state) => {
    setState(next);
    const s = score(questions, next);
    saveQuizResult(id, { score: s.score, total: s.total, answers: next.chosen.map((c, i) => (next.checked[i] ? c : -1)), at: new Date().toISOString() });
  };

  const s = score(questions, state);
  return (
    <section class="quiz" aria-labelledby={`${id}-title`} data-live={live ? '' : undefined}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p class="quiz-intro">
        {questions.length} questions. Pick an answer, then check it: every answer comes with an explanation.
      </p>
      <ol class="quiz-questions">
        {questions.map((q, qi) => {
          const chosen = state.chosen[qi] ?? -1;
          const checked = state.checked[qi] ?? false;
          const right = checked && isCorrect(questions, state, qi);
          return (
            <li class="quiz-question">
              <fieldset>
                <legend>
                  <span class="quiz-num">{qi + 1}.</span> {q.prompt}
                </legend>
                <div class="quiz-choices">
                  {q.choices.map((c, ci) => (
                    <label
                      class={
                        'quiz-choice' +
                        (checked && ci === q.answer ? ' is-answer' : '') +
                        (checked && ci === chosen && ci !== q.answer ? ' is-wrong' : '')
                      }
                    >
                      <input
                        type="radio"
                        name={`${id}-q${qi}`}
                        value={ci}
                        checked={chosen === ci}
                        disabled={live && checked}
                        onChange={() => setState(choose(state, qi, ci))}
                      />
                      <span>{c}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
              {live ? (
                <div class="quiz-feedback">
                  {!checked ? (
                    <button type="button" class="button secondary" disabled={chosen < 0} onClick={() => update(check(state, qi))}>
                      Check answer
                    </button>
                  ) : (
                    <div class={right ? 'quiz-result is-right' : 'quiz-result is-wrong'} role="status">
                      <strong>{right ? 'Correct.' : `Not quite: the answer is “${q.choices[q.answer]}”.`}</strong> {q.explanation}
                    </div>
                  )}
                </div>
              ) : (
                <details class="quiz-answer">
                  <summary>Show the answer</summary>
                  <p>
                    <strong>{q.choices[q.answer]}</strong> — {q.explanation}
                  </p>
                </details>
              )}
            </li>
          );
        })}
      </ol>
      {live && (
        <div class="quiz-score" aria-live="polite">
          {s.done ? (
            <>
              <p>
                <strong>
                  You scored {s.score} of {s.total}.
                </strong>{' '}
                {verdict(s)}
              </p>
              <button type="button" class="button secondary" onClick={() => update(initialState(questions))}>
                Try again
              </button>
            </>
          ) : (
            <p>
              {state.checked.filter(Boolean).length} of {s.total} answered, {s.score} correct so far.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
