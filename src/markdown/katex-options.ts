import type { KatexOptions } from 'katex';

/** The one set of KaTeX options for every equation on the site. */
export const katexOptions: KatexOptions = {
  output: 'htmlAndMathml',
  strict: 'error',
  trust: false,
  throwOnError: true,
  macros: {
    '\\wrec': 'w_{\\mathrm{rec}}',
    '\\wx': 'w_{x}',
  },
};
