import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { assetBase, contentHash, filesUnder, htmlFiles, requiredAssetBase } from '~/integrations/built-files';

const root = mkdtempSync(join(tmpdir(), 'built-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('built files', () => {
  it('walks a build for files by their endings', () => {
    mkdirSync(join(root, 'the-model'), { recursive: true });
    mkdirSync(join(root, '_astro'));
    for (const name of ['index.html', 'the-model/index.html', '_astro/a.css', '_astro/b.js', '_astro/c.woff2']) writeFileSync(join(root, name), '');
    expect(htmlFiles(root).sort()).toEqual([join(root, 'index.html'), join(root, 'the-model/index.html')]);
    expect(filesUnder(root, ['.css', '.js']).sort()).toEqual([join(root, '_astro/a.css'), join(root, '_astro/b.js')]);
  });

  it("reads the base a page names its assets under, at the root or under a sub-path", () => {
    expect(assetBase('<link rel="stylesheet" href="/_astro/pages.x.css">')).toBe('/');
    expect(assetBase('<a href="/rnn/training/">t</a><script src="/rnn/_astro/a.js"></script>')).toBe('/rnn/');
    expect(assetBase('<p>no assets</p>')).toBeUndefined();
    expect(requiredAssetBase('<script src="/rnn/_astro/a.js"></script>', 'training/index.html')).toBe('/rnn/');
    expect(() => requiredAssetBase('<p>no assets</p>', 'training/index.html')).toThrow(/^training\/index\.html: no asset under _astro\//);
  });

  it('names a content by the start of its SHA-256, URL-safe', () => {
    const sha = createHash('sha256').update('body{}').digest('base64url');
    expect(contentHash('body{}')).toBe(sha.slice(0, 10));
    expect(contentHash(new TextEncoder().encode('body{}'), 8)).toBe(sha.slice(0, 8));
    expect(contentHash('body{ }')).not.toBe(contentHash('body{}'));
  });
});
