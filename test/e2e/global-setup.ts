import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serveSite } from '../support/serve.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The root URL of the site built into dist/ (base `/`). */
    siteRoot: string;
    /** The root URL of the sub-path build in dist-sub/ (base `/rnn/`). */
    subSiteRoot: string;
  }
}

/** The builds the browser tests serve: `DIST_DIR` / `SUB_DIST_DIR` override dist/ and dist-sub/. */
export const DIST_DIR = process.env.DIST_DIR ?? 'dist';
export const SUB_DIST_DIR = process.env.SUB_DIST_DIR ?? 'dist-sub';

/** Serves both builds on localhost for the browser tests, and stops them afterwards. */
export default async function setup(project: TestProject) {
  if (!existsSync(`${DIST_DIR}/index.html`)) throw new Error(`No build in ${DIST_DIR}/: run npm run build first (npm test does).`);
  const site = await serveSite(DIST_DIR, '/');
  // The sub-path build is made by npm test; a quick run of one browser test file may skip it.
  const sub = existsSync(`${SUB_DIST_DIR}/index.html`) ? await serveSite(SUB_DIST_DIR, '/rnn/') : site;
  project.provide('siteRoot', site.root);
  project.provide('subSiteRoot', sub.root);
  return async () => {
    await site.close();
    if (sub !== site) await sub.close();
  };
}
