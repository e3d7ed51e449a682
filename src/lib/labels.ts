/** Display names of the content's enumerations. */
export const KIND_LABEL = {
  guide: 'Guide',
  track: 'Track',
  course: 'Course',
} as const;

export const CATEGORY_LABEL = {
  'system-design': 'System design',
  backend: 'Backend',
  database: 'Database',
} as const;

export type Category = keyof typeof CATEGORY_LABEL;
