import type { FieldSpec } from '~/notebook/fields.ts';
import type { PageNotebook } from '~/notebook/page.ts';

/**
 * The largest URL text a field accepts: a number's upper bound, a sequence of `maxLength` ones (every step adds to
 * the state), a sentence of `maxWords` words (a word every corpus knows, so the next-word cells read it), a step at
 * the longest sequence's last step, and a choice's last word (the every-step objective).
 */
export function largestText(spec: FieldSpec): string {
  switch (spec[0]) {
    case 'real':
    case 'integer':
      return String(spec[2]);
    case 'sequence':
      return '1'.repeat(spec[1]);
    case 'sentence':
      return Array<string>(spec[1]).fill('i').join(' ');
    case 'step':
      return String(spec[1]);
    case 'choice':
      return spec[1][spec[1].length - 1];
  }
}

/** The query string that sets every key of a page's notebook to the largest value its field accepts. */
export function largestQuery(notebook: PageNotebook): string {
  const params = new URLSearchParams();
  for (const key of notebook.keys) {
    const spec = notebook.fields[key];
    if (spec !== undefined) params.set(key, largestText(spec));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}
