import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Adds the `client:afterload` directive (src/site/after-load-directive.ts) and `client:visibleafterload`
 * (src/site/visible-after-load-directive.ts).
 */
export function afterLoadDirective(): AstroIntegration {
  return {
    name: 'rnn-notebook:client-afterload',
    hooks: {
      'astro:config:setup': ({ addClientDirective }) => {
        addClientDirective({ name: 'afterload', entrypoint: fileURLToPath(new URL('../site/after-load-directive.ts', import.meta.url)) });
        addClientDirective({
          name: 'visibleafterload',
          entrypoint: fileURLToPath(new URL('../site/visible-after-load-directive.ts', import.meta.url)),
        });
      },
    },
  };
}
