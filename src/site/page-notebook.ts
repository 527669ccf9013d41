import { normalise } from '~/notebook/normalise.ts';
import type { CellDeclaration, PageNotebook } from '~/notebook/page.ts';
import { isParamKey, PARAM_KEYS, PARAMS, param, type NotebookState, type ParamKey } from '~/notebook/params.ts';

/** What a chapter's frontmatter may say of its notebook: a default per key, as URL text or a number. */
export type DeclaredDefaults = Readonly<Record<string, unknown>>;

/** Island modules by their path from the project root (`/components/demos/StatesDemo.tsx`), as `import.meta.glob` gives them. */
export type CellModules = Record<string, { default?: { cell?: Partial<CellDeclaration> } }>;

/**
 * Builds a page's notebook from the keys its cells read and the defaults its frontmatter declares. Throws an Error
 * naming `where` (the chapter's file) and the key when a declared key is not a parameter, is read by no cell on the
 * page, or has a value its parameter refuses.
 */
export function buildPageNotebook(cellKeys: Iterable<ParamKey>, declared: DeclaredDefaults = {}, where = 'the page'): PageNotebook {
  const read = new Set(cellKeys);
  const keys = PARAM_KEYS.filter((key) => read.has(key));
  const problems: string[] = [];
  const defaults: Record<string, unknown> = {};
  const fields: Record<string, unknown> = {};
  const aliases: Record<string, readonly string[]> = {};
  for (const key of keys) {
    defaults[key] = PARAMS[key].initial;
    fields[key] = PARAMS[key].spec;
    const older = PARAMS[key].aliases?.filter((alias) => !read.has(alias as ParamKey));
    if (older?.length) aliases[key] = older;
  }
  for (const [key, value] of Object.entries(declared)) {
    if (!isParamKey(key)) {
      problems.push(`"${key}" is not a notebook parameter (known: ${PARAM_KEYS.join(', ')})`);
    } else if (!keys.includes(key)) {
      problems.push(`"${key}" is read by no cell on this page (its cells read: ${keys.join(', ') || 'nothing'})`);
    } else {
      try {
        defaults[key] = param(key).field.parse(String(value));
      } catch (error) {
        problems.push(`"${key}" ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  if (problems.length > 0) throw new Error(`${where}: frontmatter notebook: ${problems.join('; ')}`);
  const page = { keys, defaults: defaults as Partial<NotebookState>, fields, aliases } as PageNotebook;
  return { ...page, defaults: normalise(page.defaults, page) };
}

/**
 * A chapter's notebook: the keys read by the live cells its source imports, with the defaults its frontmatter
 * declares. Undefined for a chapter with neither (it gets no notebook bar). Throws, naming `file` and the key, on a
 * frontmatter key that is unknown, read by no cell of the chapter, or out of range.
 */
export function chapterNotebook(body: string, declared: DeclaredDefaults | undefined, modules: CellModules, file: string): PageNotebook | undefined {
  const keys = new Set<ParamKey>();
  for (const [path, module] of Object.entries(modules)) {
    const declaration = module.default?.cell;
    if (declaration && body.includes(`@components/${path.replace(/^\/components\//, '')}`)) {
      for (const key of declaration.params ?? []) keys.add(key);
    }
  }
  if (keys.size === 0 && (declared === undefined || Object.keys(declared).length === 0)) return undefined;
  return buildPageNotebook(keys, declared, file);
}
