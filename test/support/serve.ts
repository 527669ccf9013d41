import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

const POLICY_META = /<meta\s[^>]*http-equiv=["']?content-security-policy["']?[^>]*>/i;

/** The Content-Security-Policy a built page declares in its `<meta http-equiv>` tag, if any. */
export function declaredPolicy(html: string): string | undefined {
  const tag = POLICY_META.exec(html)?.[0];
  const content = tag && /\scontent="([^"]*)"/i.exec(tag)?.[1];
  return content?.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}

/** A static server for a built site, mounted under `base` (e.g. `/` or `/rnn/`), on a free localhost port. */
export interface StaticSite {
  origin: string;
  /** The site's root URL: origin + base. */
  root: string;
  close(): Promise<void>;
}

/**
 * Serves `dir` at `base` on 127.0.0.1, answering 404 with the site's own 404 page as a static host would. Each page
 * is sent with its own Content-Security-Policy as a header too, as a host that enforces the policy would send it.
 */
export async function serveSite(dir: string, base = '/'): Promise<StaticSite> {
  const policies = new Map<string, string | undefined>();
  const sendPolicy = (response: ServerResponse, file: string) => {
    if (!policies.has(file)) policies.set(file, declaredPolicy(readFileSync(file, 'utf8')));
    const policy = policies.get(file);
    if (policy) response.setHeader('Content-Security-Policy', policy);
  };
  const files = sirv(dir, {
    dev: false,
    etag: true,
    extensions: ['html'],
    setHeaders: (response, pathname) => {
      // The file sirv sends for this path, as it looks it up: the path itself, with `.html`, or its `index.html`.
      const page = [pathname, `${pathname}.html`, `${pathname.replace(/\/?$/, '/')}index.html`]
        .map((candidate) => join(dir, candidate))
        .find((file) => file.endsWith('.html') && existsSync(file) && statSync(file).isFile());
      if (page) sendPolicy(response, page);
    },
  });
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
      if (!existsSync(notFound)) {
        response.end('not found');
        return;
      }
      sendPolicy(response, notFound);
      response.end(readFileSync(notFound));
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
