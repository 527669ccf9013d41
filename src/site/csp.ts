import { createHash } from 'node:crypto';

/** What a page's Content-Security-Policy allows beyond the site's own files. */
export interface PolicySources {
  /** CSP hash sources (`'sha256-…'`) of the page's inline `<script>` elements. */
  scriptHashes: readonly string[];
  /** CSP hash sources of the page's inline `<style>` elements. */
  styleHashes: readonly string[];
  /** Whether the page may compile WebAssembly (Pagefind's search does). */
  wasm: boolean;
}

/** The CSP hash source of an inline script's or style's text: `'sha256-<base64>'` of its UTF-8 bytes. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The site's policy for one page. Everything comes from the site itself; inline code only by hash. Style attributes
 * stay allowed: KaTeX lays out every formula with them and the highlighted source colours every token with them,
 * about 14,000 on the site, too many to hash and all written at build time from the site's own content.
 */
export function contentSecurityPolicy({ scriptHashes, styleHashes, wasm }: PolicySources): string {
  const unique = (sources: readonly string[]) => [...new Set(sources)];
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...(wasm ? ["'wasm-unsafe-eval'"] : []), ...unique(scriptHashes)]],
    ['style-src-elem', ["'self'", ...unique(styleHashes)]],
    ['style-src-attr', ["'unsafe-inline'"]],
    ['img-src', ["'self'"]],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'"]],
    ['worker-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

// Script and style are raw-text elements: their text runs to the first closing tag, with no markup or entities inside,
// so the text between the tags is exactly what the browser hashes.
const INLINE_SCRIPT = /<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script\s*>/gi;
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;
const EXISTING_POLICY = /<meta\s[^>]*http-equiv=["']?content-security-policy/i;
const CHARSET = /<meta\s+charset=["']?[\w-]+["']?\s*\/?>/i;

/**
 * A built page with its policy in a `<meta http-equiv="Content-Security-Policy">` tag, placed right after the
 * charset so that it governs everything the page loads. Throws when the page has no `<meta charset>` to place it
 * after, or already has a policy.
 */
export function withContentSecurityPolicy(html: string, { wasm }: { wasm: boolean }): string {
  if (EXISTING_POLICY.test(html)) throw new Error('the page already has a Content-Security-Policy meta tag');
  const charset = CHARSET.exec(html);
  if (!charset) throw new Error('the page has no <meta charset> to put its Content-Security-Policy after');
  const policy = contentSecurityPolicy({
    scriptHashes: [...html.matchAll(INLINE_SCRIPT)].map((match) => cspHash(match[1])),
    styleHashes: [...html.matchAll(INLINE_STYLE)].map((match) => cspHash(match[1])),
    wasm,
  });
  const at = charset.index + charset[0].length;
  return `${html.slice(0, at)}<meta http-equiv="Content-Security-Policy" content="${policy}">${html.slice(at)}`;
}
