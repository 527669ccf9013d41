import { describe, expect, it } from 'vitest';
import { formatLcpPath, lcpPath, type LcpReport } from '../../scripts/lcp-path.ts';

/** A Lighthouse report cut to what lcpPath reads: the observed LCP and the requests with their end times. */
function report(observedLargestContentfulPaint: number | undefined, requests: [string, string, number, number][]): LcpReport {
  return {
    audits: {
      metrics: { details: { items: [{ observedLargestContentfulPaint }] } },
      'network-requests': {
        details: { items: requests.map(([url, resourceType, networkEndTime, transferSize]) => ({ url, resourceType, networkEndTime, transferSize })) },
      },
    },
  };
}

// Two runs of `npm run lighthouse` (REPORT_DIR), cut to their requests: /the-model/, whose four first-screen KaTeX
// faces are preloaded, and the peer in a run where its fonts finished just after its first paint.
const theModel = report(179, [
  ['/the-model/', 'Document', 11.4, 20176],
  ['KaTeX_Main-Regular.woff2', 'Font', 40.1, 9738],
  ['KaTeX_Math-Italic.woff2', 'Font', 40.3, 8818],
  ['KaTeX_Main-Bold.woff2', 'Font', 59.2, 3785],
  ['KaTeX_AMS-Regular.woff2', 'Font', 63.5, 3141],
  ['pages.css', 'Stylesheet', 64.0, 11738],
  ['favicon.svg', 'Other', 165.1, 445],
  ['island.js', 'Script', 191.4, 1078],
  ['island-2.js', 'Script', 222.5, 402],
]);
const peer = report(150, [
  ['/', 'Document', 14.9, 7728],
  ['common.css', 'Stylesheet', 50.3, 19596],
  ['page.js', 'Script', 61.9, 1365],
  ['print.css', 'Stylesheet', 63.8, 1231],
  ['starlight-toc.js', 'Script', 148.8, 1186],
  ['KaTeX_Math-Italic.woff2', 'Font', 150.7, 16646],
  ['KaTeX_Main-Regular.woff2', 'Font', 150.9, 26478],
  ['KaTeX_Size1-Regular.woff2', 'Font', 154.8, 5674],
  ['ui-core.js', 'Script', 209.5, 26690],
]);

describe('lcpPath: the requests a run counted against LCP', () => {
  it('counts the requests that finished by the observed paint, and the fonts among them', () => {
    // Ending by 179 ms: the document, four fonts, the stylesheet and the icon; the two scripts end after it.
    expect(lcpPath(theModel)).toEqual({ observedLcpMs: 179, requests: 7, fonts: 4, fontBytes: 9738 + 8818 + 3785 + 3141 });
    // The peer's fonts end 0.7 to 4.8 ms after its paint at 150 ms: none is counted, the five requests before are.
    expect(lcpPath(peer)).toEqual({ observedLcpMs: 150, requests: 5, fonts: 0, fontBytes: 0 });
  });

  it('counts a request that ends at the paint itself, and none that never finished', () => {
    const edge = report(100, [
      ['/', 'Document', 10, 1000],
      ['a.woff2', 'Font', 100, 2000],
      ['b.woff2', 'Font', -1, 3000],
    ]);
    expect(lcpPath(edge)).toEqual({ observedLcpMs: 100, requests: 2, fonts: 1, fontBytes: 2000 });
  });

  it('gives nothing for a report without an observed LCP, or without audits', () => {
    expect(lcpPath(report(undefined, [['/', 'Document', 10, 1000]]))).toBeUndefined();
    expect(lcpPath({ audits: {} })).toBeUndefined();
  });

  it('formats the table cell', () => {
    expect(formatLcpPath(lcpPath(theModel))).toBe('7 (4 fonts, 24.9 KB)');
    expect(formatLcpPath(lcpPath(peer))).toBe('5 (no fonts)');
    expect(formatLcpPath({ observedLcpMs: 1, requests: 3, fonts: 1, fontBytes: 1024 })).toBe('3 (1 font, 1.0 KB)');
    expect(formatLcpPath(undefined)).toBe('–');
  });
});
