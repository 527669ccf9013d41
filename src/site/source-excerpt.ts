/**
 * The part of a source file that defines one export: its doc comment and its declaration, up to the closing
 * brace at the start of a line. The whole file when `name` is not given. Throws when the export is missing,
 * so a renamed function fails the build instead of showing stale code.
 */
export function sourceExcerpt(source: string, name?: string): string {
  if (!name) return source.trimEnd();
  const lines = source.split('\n');
  const start = lines.findIndex((line) =>
    new RegExp(`^export (async )?(function\\*?|const|class|interface|type) ${name}\\b`).test(line),
  );
  if (start < 0) throw new Error(`no export named "${name}" in the given source`);
  let first = start;
  if (lines[first - 1]?.trimEnd().endsWith('*/')) {
    while (first > 0 && !lines[first].trimStart().startsWith('/**')) first--;
  }
  let last = start;
  if (!/;\s*$/.test(lines[start])) {
    while (last < lines.length && !/^[}\]]/.test(lines[last])) last++;
  }
  return lines.slice(first, last + 1).join('\n');
}
