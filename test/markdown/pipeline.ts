import { createProcessor } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import { VFile } from 'vfile';
import remarkEquations from '~/markdown/remark-equations.ts';
import rehypeEquationAnchors from '~/markdown/rehype-equation-anchors.ts';
import rehypeKatexStrict from '~/markdown/rehype-katex-strict.ts';
import rehypeTableAlign from '~/markdown/rehype-table-align.ts';
import { katexOptions } from '~/markdown/katex-options.ts';

/** Runs the site's Markdown plugins, as astro.config.mjs wires them, over one MDX file; returns the compiled JS. */
export async function compileChapter(text: string, path: string, chaptersDir: string, base = '/'): Promise<string> {
  const processor = createProcessor({
    remarkPlugins: [remarkMath, [remarkEquations, { chaptersDir, base }]],
    rehypePlugins: [rehypeEquationAnchors, rehypeTableAlign, [rehypeKatexStrict, katexOptions]],
  });
  return String(await processor.process(new VFile({ value: text, path })));
}
