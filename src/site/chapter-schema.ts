import { z } from 'astro/zod';
import { PARAM_KEYS, param } from '~/notebook/params.ts';

/** A chapter's notebook defaults: only declared parameters, each value read by that parameter's own field. */
const notebookDefaults = z
  .object(
    Object.fromEntries(
      PARAM_KEYS.map((key) => [
        key,
        z
          .union([z.string(), z.number()])
          .superRefine((value, context) => {
            try {
              param(key).field.parse(String(value));
            } catch (error) {
              context.addIssue({ code: 'custom', message: `${key} ${error instanceof Error ? error.message : String(error)}` });
            }
          })
          .optional(),
      ]),
    ),
  )
  .strict();

/**
 * A chapter's frontmatter. Strict at every level: a misspelled key (`notebok:`, `wRex:`) or a value its parameter
 * refuses fails the build, which names the chapter and the key. The chapter layout also checks that each notebook
 * key is read by a cell of the chapter.
 */
export const chapterSchema = z
  .object({
    title: z.string().min(1).max(80),
    description: z.string().min(10).max(200),
    order: z.number().int().min(1).max(99),
    /** The page's notebook defaults, by parameter key as in the URL. */
    notebook: notebookDefaults.optional(),
  })
  .strict();
