// Excuse categories as plain data, so that a surface which must stay small (the overlay frame, which
// suggests a category as the user types) needs no schema library to name them. model/records.ts builds
// the stored event's enum from this list.

export const EXCUSE_CATEGORIES = [
  'illness',
  'family',
  'connectivity',
  'overload',
  'unclear-requirements',
  'almost-done',
  'other',
] as const;
export type ExcuseCategory = (typeof EXCUSE_CATEGORIES)[number];

export const excuseCategoryLabels: Record<ExcuseCategory, string> = {
  illness: 'illness',
  family: 'family',
  connectivity: 'internet / power / equipment',
  overload: 'other work / overload',
  'unclear-requirements': 'unclear requirements',
  'almost-done': '"almost done"',
  other: 'other',
};
