/**
 * Everything a reader saves (lesson completion, quiz results) lives in
 * localStorage under versioned keys. Values are validated on read: a corrupt or
 * foreign value is reset, never a crash. Writes survive private-mode failures.
 * Keys are stable content ids (`<path>/<lesson>`, quiz ids), not titles.
 */
export const PROGRESS_KEY = 'atlas:progress:v1';
export const QUIZ_KEY = 'atlas:quiz:v1';

export interface Progress {
  /** lesson key → ISO time it was marked complete */
  completed: Record<string, string>;
}

export interface QuizResult {
  score: number;
  total: number;
  /** chosen choice index per question, -1 for unanswered */
  answers: number[];
  at: string;
}

export type QuizResults = Record<string, QuizResult>;

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIsoDate = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

export function validateProgress(v: unknown): Progress | null {
  if (!isRecord(v) || !isRecord(v.completed)) return null;
  const completed: Record<string, string> = {};
  for (const [k, at] of Object.entries(v.completed)) {
    if (typeof k !== 'string' || !isIsoDate(at)) return null;
    completed[k] = at;
  }
  return { completed };
}

export function validateQuizResults(v: unknown): QuizResults | null {
  if (!isRecord(v)) return null;
  const out: QuizResults = {};
  for (const [id, r] of Object.entries(v)) {
    if (!isRecord(r)) return null;
    const { score, total, answers, at } = r;
    if (
      !Number.isInteger(score) ||
      !Number.isInteger(total) ||
      (score as number) < 0 ||
      (score as number) > (total as number) ||
      !Array.isArray(answers) ||
      !answers.every((a) => Number.isInteger(a) && a >= -1) ||
      !isIsoDate(at)
    ) {
      return null;
    }
    out[id] = { score: score as number, total: total as number, answers: answers as number[], at };
  }
  return out;
}

function defaultStorage(): StorageLike | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // access itself can throw when storage is disabled
  }
}

/** Reads and validates a key; anything unreadable is removed and the fallback returned. */
export function readKey<T>(key: string, validate: (v: unknown) => T | null, fallback: T, storage = defaultStorage()): T {
  if (!storage) return fallback;
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch {
    return fallback;
  }
  if (raw === null) return fallback;
  try {
    const value = validate(JSON.parse(raw));
    if (value) return value;
  } catch {
    /* not JSON: fall through to reset */
  }
  try {
    storage.removeItem(key);
  } catch {
    /* ignore */
  }
  return fallback;
}

const listeners = new Set<() => void>();

/** Called after every write in this tab and on storage events from other tabs. */
export function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key === PROGRESS_KEY || e.key === QUIZ_KEY) listeners.forEach((fn) => fn());
  });
}

function writeKey(key: string, value: unknown, storage = defaultStorage()): boolean {
  let ok = false;
  try {
    storage?.setItem(key, JSON.stringify(value));
    ok = !!storage;
  } catch {
    ok = false; // quota or private mode: keep working without saving
  }
  listeners.forEach((fn) => fn());
  return ok;
}

export function readProgress(storage = defaultStorage()): Progress {
  return readKey(PROGRESS_KEY, validateProgress, { completed: {} }, storage);
}

export function setComplete(lessonKey: string, done: boolean, now: Date, storage = defaultStorage()): Progress {
  const p = readProgress(storage);
  if (done) p.completed[lessonKey] = now.toISOString();
  else delete p.completed[lessonKey];
  writeKey(PROGRESS_KEY, p, storage);
  return p;
}

export function isComplete(lessonKey: string, storage = defaultStorage()): boolean {
  return lessonKey in readProgress(storage).completed;
}

export function readQuizResults(storage = defaultStorage()): QuizResults {
  return readKey(QUIZ_KEY, validateQuizResults, {}, storage);
}

export function saveQuizResult(quizId: string, result: QuizResult, storage = defaultStorage()): QuizResults {
  const all = readQuizResults(storage);
  all[quizId] = result;
  writeKey(QUIZ_KEY, all, storage);
  return all;
}
