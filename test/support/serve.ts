import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

/** A static server for a built site, mounted under `base` (e.g. `/` or `/rnn/`), on a free localhost port. */
export interface StaticSite {
  origin: string;
  /** The site's root URL: origin + base. */
  root: string;
  close(): Promise<void>;
}

/** Serves `dir` at `base` on 127.0.0.1, answering 404 with the site's own 404 page as a static host would. */
export async function serveSite(dir: string, base = '/'): Promise<StaticSite> {
  const files = sirv(dir, { dev: false, etag: true, extensions: ['html'] });
  const server: Server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (!url.startsWith(base)) {
      response.statusCode = 404;
      response.end('not under the base path');
      return;
    }
    request.url = `/${url.slice(base.length)}`;
    files(request, response, () => {
      // A static host answers a missing page with the site's 404 page and the status 404.
      const notFound = join(dir, '404.html');
      response.statusCode = 404;
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(existsSync(notFound) ? readFileSync(notFound) : 'not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    root: `${origin}${base}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
