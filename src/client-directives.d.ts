import 'astro';

declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrate once the page has loaded (src/site/after-load-directive.ts). */
    'client:afterload'?: boolean;
    /** Hydrate when in view, once the page has loaded and painted (src/site/visible-after-load-directive.ts). */
    'client:visibleafterload'?: boolean | { rootMargin?: string };
  }
}
