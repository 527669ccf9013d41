// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import remarkMath from 'remark-math';
import remarkEquations from './src/markdown/remark-equations.ts';
import rehypeEquationAnchors from './src/markdown/rehype-equation-anchors.ts';
import rehypeKatexStrict from './src/markdown/rehype-katex-strict.ts';
import rehypeTableAlign from './src/markdown/rehype-table-align.ts';
import { katexOptions } from './src/markdown/katex-options.ts';
import { contentSecurityPolicy } from './src/integrations/content-security-policy.ts';
import { katexFontSubset } from './src/integrations/katex-font-subset.ts';
import { STEP_EQUATION_CHARACTERS } from './components/demos/stepEquationCharacters.ts';
import { stylesheetBundle } from './src/integrations/stylesheet-bundle.ts';
import { islandRuntimeFile } from './src/integrations/island-runtime-file.ts';
import { codeTokenClasses } from './src/integrations/code-token-classes.ts';
import { afterLoadDirective } from './src/integrations/after-load-directive.ts';

/** The sub-path the site is served under: `SITE_BASE=/rnn/ npm run build`. Always starts and ends with `/`. */
const base = `/${(process.env.SITE_BASE ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
const chaptersDir = fileURLToPath(new URL('./content/chapters', import.meta.url));

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://rnn-notebook.example',
  base,
  trailingSlash: 'always',
  outDir: process.env.OUT_DIR ?? 'dist',
  output: 'static',
  // Stylesheets as files, which stylesheetBundle then joins into one per page: inline, a chapter's 11 KB gzip of CSS
  // would be sent again with every page, and as Astro writes them, 14 files would each block the first paint.
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  prefetch: false,
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath, [remarkEquations, { chaptersDir, base }]],
      rehypePlugins: [
        rehypeEquationAnchors,
        rehypeTableAlign,
        [rehypeKatexStrict, katexOptions],
        // Ids first (Astro would add them later), so each section heading can carry a link to itself.
        rehypeHeadingIds,
        [
          rehypeAutolinkHeadings,
          {
            behavior: 'append',
            test: ['h2', 'h3'],
            properties: { className: ['heading-anchor'], ariaLabel: 'Link to this section' },
            content: { type: 'text', value: '#' },
          },
        ],
      ],
      smartypants: true,
    }),
  },
  // KaTeX's fonts are subset to the pages' math and the source code's token colours become classes, then each page's
  // stylesheets become one file and Astro's island scripts another, before each page's Content-Security-Policy hashes
  // its inline scripts and styles; every page carries its policy, and only the search page runs WebAssembly (Pagefind).
  integrations: [
    afterLoadDirective(),
    mdx(),
    preact(),
    sitemap(),
    // The forward cell's step equation is set in KaTeX_Main with the reader's own numbers: the fonts keep its characters.
    katexFontSubset({ keep: STEP_EQUATION_CHARACTERS }),
    codeTokenClasses(),
    stylesheetBundle(),
    islandRuntimeFile(),
    contentSecurityPolicy({ wasmPages: ['search/'] }),
  ],
  vite: {
    build: {
      // Fonts, images and small scripts stay files, never data: URLs or inline scripts the policy would refuse.
      assetsInlineLimit: 0,
      rolldownOptions: {
        // d3-scale-chromatic ships one file whose every scheme is built by a top-level call; marking its builders pure
        // lets the bundle keep only the two ramps the charts use (interpolateViridis, interpolateRdBu): about 4 KB gzip.
        treeshake: { manualPureFunctions: ['colors', 'ramp', 'ramp$1', 'interpolateRgbBasis'] },
      },
    },
    environments: {
      client: {
        build: {
          rolldownOptions: {
            // Chunks are named by their hash alone: every import between chunks names a file, and a page loads 20 to 40
            // of them, so the shorter names save 0.1 to 0.9 KB gzip a page (bench/page-js.ts prints the figures).
            output: {
              chunkFileNames: '_astro/[hash].js',
              entryFileNames: '_astro/[hash].js',
            },
          },
        },
      },
    },
    resolve: {
      alias: {
        '~': fileURLToPath(new URL('./src', import.meta.url)),
        '@components': fileURLToPath(new URL('./components', import.meta.url)),
      },
    },
  },
});
