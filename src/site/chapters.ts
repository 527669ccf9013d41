import { getCollection, type CollectionEntry } from 'astro:content';

/** Every chapter, in reading order. */
export async function chaptersInOrder(): Promise<CollectionEntry<'chapters'>[]> {
  const chapters = await getCollection('chapters');
  return chapters.sort((a, b) => a.data.order - b.data.order);
}
