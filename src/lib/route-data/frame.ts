/** What every route hands its layout: the page frame, and a quiz as its island takes it. */
import { quizById } from '../collections.ts';
import type { SeoInput } from '../seo.ts';
import type { QuizQuestion } from '../../widgets/quiz/model.ts';

export { sectionSeo } from '../seo.ts';

/** What the Page and Article layouts take. */
export interface Frame {
  title: string;
  eyebrow?: string | undefined;
  lede?: string | undefined;
  seo: SeoInput;
}

/** An Article frame also feeds search: its kind and topic filters. */
export interface ArticleFrame extends Frame {
  kind: 'Article' | 'Pattern' | 'Lesson' | 'Simulator';
  topics: string[];
}

export interface QuizData {
  id: string;
  questions: QuizQuestion[];
}

export async function quizData(id: string): Promise<QuizData> {
  const quiz = await quizById(id);
  return { id: quiz.id, questions: quiz.data.questions };
}
