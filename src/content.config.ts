import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { chapterSlug } from './markdown/chapter-files.ts';

/** The chapters: `content/chapters/NN-slug.mdx`; the id (and URL) is the slug without the number. */
const chapters = defineCollection({
  loader: glob({
    pattern: '[0-9][0-9]-*.mdx',
    base: './content/chapters',
    generateId: ({ entry }) => chapterSlug(entry),
  }),
  schema: z.object({
    title: z.string().min(1).max(80),
    description: z.string().min(10).max(200),
    order: z.number().int().min(1).max(99),
    /** The page's notebook defaults (keys of the URL state), checked again by `pageDefaults` at build time. */
    notebook: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  }),
});

export const collections = { chapters };
