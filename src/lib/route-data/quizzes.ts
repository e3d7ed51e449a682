/** Route data of quiz pages and the quiz index. */
import { getQuizzes, type QuizEntry } from '../collections.ts';
import { quizHomes, type Link } from '../listings.ts';
import { quizUrl, URLS } from '../urls.ts';
import type { Frame, QuizData } from './frame.ts';
import { SEARCH_KIND } from '../search-kind.ts';

export interface QuizPage {
  frame: Frame;
  home: Link | undefined;
  quiz: QuizData;
}

export async function quizPage(quiz: QuizEntry): Promise<QuizPage> {
  const home = (await quizHomes()).get(quiz.id);
  const url = quizUrl(quiz.id);
  const n = quiz.data.questions.length;
  return {
    frame: {
      title: quiz.data.title,
      eyebrow: 'Quiz',
      lede: home ? `${n} questions on “${home.title}”.` : `${n} questions.`,
      kind: SEARCH_KIND.quiz,
      topics: quiz.data.tags.map((t) => t.id),
      seo: {
        title: quiz.data.title,
        description: `${n} scenario questions with explanations${home ? ` on ${home.title}` : ''}.`,
        path: url,
        crumbs: [
          { label: 'Quizzes', href: URLS.quizzes },
          { label: quiz.data.title, href: url },
        ],
      },
    },
    home,
    quiz: { id: quiz.id, questions: quiz.data.questions },
  };
}

/** The quiz index, by title. */
export async function quizCards() {
  const homes = await quizHomes();
  return [...(await getQuizzes())]
    .sort((a, b) => a.data.title.localeCompare(b.data.title))
    .map((q) => {
      const home = homes.get(q.id);
      return { url: quizUrl(q.id), title: q.data.title, summary: `${q.data.questions.length} questions${home ? ` · from “${home.title}”` : ''}` };
    });
}
