import { describe, expect, it } from 'vitest';
import { chapterSchema } from '~/site/chapter-schema.ts';

const chapter = { title: 'The model', description: 'The linear recurrent network and its state.', order: 3 };

describe('chapterSchema: a chapter\'s frontmatter, strict at every level', () => {
  it('accepts a chapter with and without a notebook', () => {
    expect(chapterSchema.safeParse(chapter).success).toBe(true);
    expect(chapterSchema.safeParse({ ...chapter, notebook: { x: '0110', wRec: 0.5, objective: 'every-step' } }).success).toBe(true);
  });

  it.each([
    // a misspelled key inside notebook
    [{ notebook: { wRex: 1 } }, ['notebook'], /wRex/],
    // a misspelled top-level key
    [{ notebok: { wRec: 1 } }, [], /notebok/],
    // a value its parameter refuses
    [{ notebook: { wRec: 9 } }, ['notebook', 'wRec'], /wRec must be between −3 and 3, got 9/],
    [{ notebook: { x: '01a' } }, ['notebook', 'x'], /"a" at position 3/],
    [{ notebook: { objective: 'sum' } }, ['notebook', 'objective'], /must be one of final, every-step/],
  ])('refuses %j, naming the key', (extra, path, message) => {
    const result = chapterSchema.safeParse({ ...chapter, ...extra });
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0];
    expect(issue.path.slice(0, path.length)).toEqual(path);
    expect(result.error!.issues.map((i) => i.message).join(' ')).toMatch(message);
  });
});
