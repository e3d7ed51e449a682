/** What every route hands its layout: the page frame, and a quiz as its island takes it. */
import { quizById } from '../collections.ts';
import type { SeoInput } from '../seo.ts';
import type { QuizQuestion } from '../../widgets/quiz/model.ts';
import type { SearchKind } from '../search-kind.ts';

export { sectionSeo } from '../seo.ts';

/** What the Page and Article layouts take. */
export interface Frame {
  title: string;
  eyebrow?: string | undefined;
  lede?: string | undefined;
  seo: SeoInput;
  /** a page with a kind is indexed for search, under that kind and these topic filters */
  kind?: SearchKind | undefined;
  topics?: string[] | undefined;
}

/** Every Article page is indexed for search. */
export interface ArticleFrame extends Frame {
  kind: SearchKind;
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
