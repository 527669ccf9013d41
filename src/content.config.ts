import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { chapterSlug } from './markdown/chapter-files.ts';
import { chapterSchema } from './site/chapter-schema.ts';

/** The chapters: `content/chapters/NN-slug.mdx`; the id (and URL) is the slug without the number. */
const chapters = defineCollection({
  loader: glob({
    pattern: '[0-9][0-9]-*.mdx',
    base: './content/chapters',
    generateId: ({ entry }) => chapterSlug(entry),
  }),
  schema: chapterSchema,
});

export const collections = { chapters };
