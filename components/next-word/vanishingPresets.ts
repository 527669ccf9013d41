/** The sentences the vanishing-gradient cell offers with one press: a short one from the corpus and a long one of corpus words. */
export const VANISHING_PRESETS = [
  { label: 'Short corpus sentence', words: ['she', 'likes', 'french', 'toast'] },
  {
    label: 'Long sentence',
    words: 'i like french wine very much and i like french bread with butter and my brother likes italian pasta with cheese'.split(' '),
  },
] as const satisfies readonly { label: string; words: readonly string[] }[];
