/**
 * Line numbers of a source file's declarations, found at build time so that a page citing `backward.ts:58` follows
 * the file when it changes. A marker that is missing or appears on more than one line stops the build.
 */

/** The 1-based number of the one line of `source` that contains `marker`. Throws if there is none or more than one. */
export function lineOf(source: string, marker: string, file = 'the source'): number {
  if (marker.length === 0) throw new RangeError('the marker to look for is empty');
  const lines = source.split('\n');
  const found: number[] = [];
  lines.forEach((line, i) => {
    if (line.includes(marker)) found.push(i + 1);
  });
  if (found.length === 0) throw new Error(`"${marker}" is not in ${file}: update the reference to it`);
  if (found.length > 1) throw new Error(`"${marker}" is on ${found.length} lines of ${file} (${found.join(', ')}): use a marker that names one`);
  return found[0];
}

/** The line that declares the function `name` (`function name(` or `function name<`), as `lineOf` finds it. */
export function functionLine(source: string, name: string, file = 'the source'): number {
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new RangeError(`"${name}" is not a function name`);
  const pattern = new RegExp(`\\bfunction\\s+${name.replace('$', '\\$')}\\s*[(<]`);
  const found = source.split('\n').flatMap((line, i) => (pattern.test(line) ? [i + 1] : []));
  if (found.length === 0) throw new Error(`no function ${name} in ${file}: update the reference to it`);
  if (found.length > 1) throw new Error(`function ${name} is declared on ${found.length} lines of ${file} (${found.join(', ')})`);
  return found[0];
}
