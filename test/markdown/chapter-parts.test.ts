import { describe, expect, it } from 'vitest';
import { firstScreen, opening, openingEnd } from '~/integrations/chapter-parts';

const chapter = '<header>H</header><article class="prose"><p>a</p><h2 id="one">One</h2><p>b</p><h2>Two</h2><p>c</p></article><footer>F</footer>';

describe('the parts of a chapter its first screen is made of', () => {
  it('the opening: the article up to its first section, a whole article without sections, a whole page without an article', () => {
    expect(opening(chapter)).toBe('<article class="prose"><p>a</p>');
    expect(openingEnd(chapter)).toBe(chapter.indexOf('<h2 id="one">'));
    expect(opening('<article><p>a</p></article><p>after</p>')).toBe('<article><p>a</p>');
    expect(opening('<main><p>no article</p></main>')).toBe('<main><p>no article</p></main>');
  });

  it('the first screen: the opening and the first section, a whole article of one section, a whole page without an article', () => {
    expect(firstScreen(chapter)).toBe('<article class="prose"><p>a</p><h2 id="one">One</h2><p>b</p>');
    expect(firstScreen('<article><p>a</p><h2>One</h2><p>b</p></article><p>after</p>')).toBe('<article><p>a</p><h2>One</h2><p>b</p>');
    expect(firstScreen('<main><p>no article</p></main>')).toBe('<main><p>no article</p></main>');
  });

  it('reads no section heading outside the article', () => {
    const page = '<article><p>a</p></article><aside><h2>Elsewhere</h2></aside>';
    expect(openingEnd(page)).toBeUndefined();
    expect(openingEnd('<main><h2>No article</h2></main>')).toBeUndefined();
  });
});
