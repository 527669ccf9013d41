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

/** Serves both builds on localhost for the browser tests, and stops them afterwards. */
export default async function setup(project: TestProject) {
  const site = await serveSite('dist', '/');
  const sub = await serveSite('dist-sub', '/rnn/');
  project.provide('siteRoot', site.root);
  project.provide('subSiteRoot', sub.root);
  return async () => {
    await site.close();
    await sub.close();
  };
}
