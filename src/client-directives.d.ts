import 'astro';

declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrate once the page has loaded (src/site/after-load-directive.ts). */
    'client:afterload'?: boolean;
  }
}
