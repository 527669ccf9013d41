/** A site-internal URL under the configured base path: `href('counting-ones/')` → `/rnn/counting-ones/`. */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
  return `${base}${path.replace(/^\//, '')}`;
}
