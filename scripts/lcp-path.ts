/**
 * What a Lighthouse run counted against LCP. Lighthouse's simulation (Lantern) replays a fast local load on a slow
 * phone, and puts on LCP's path every request that finished before the largest paint was observed in that load. Fonts
 * are the requests a page can move: each one that finished before the paint adds its own connection and round trips to
 * the simulated LCP. A run's report gives the requests and the observed paint, so this reads them from it.
 */

interface NetworkItem {
  url: string;
  resourceType?: string;
  networkEndTime?: number;
  transferSize?: number;
}

/** The parts of a Lighthouse result this reads (`lhr` as `lighthouse()` returns it). */
export interface LcpReport {
  audits: Record<string, { details?: unknown } | undefined>;
}

export interface LcpPath {
  /** The largest paint of the fast local load, in ms from navigation. */
  observedLcpMs: number;
  /** Requests that finished before it (the document among them). */
  requests: number;
  /** Font files among those, and their bytes transferred. */
  fonts: number;
  fontBytes: number;
}

const items = (report: LcpReport, id: string): unknown[] => {
  const details = report.audits[id]?.details as { items?: unknown[] } | undefined;
  return Array.isArray(details?.items) ? details.items : [];
};

/** The requests a run's LCP was simulated from, or undefined when the report lacks the observed paint. */
export function lcpPath(report: LcpReport): LcpPath | undefined {
  const metrics = items(report, 'metrics')[0] as { observedLargestContentfulPaint?: number } | undefined;
  const observedLcpMs = metrics?.observedLargestContentfulPaint;
  if (typeof observedLcpMs !== 'number') return undefined;
  const before = (items(report, 'network-requests') as NetworkItem[]).filter(
    (r) => typeof r.networkEndTime === 'number' && r.networkEndTime >= 0 && r.networkEndTime <= observedLcpMs,
  );
  const fonts = before.filter((r) => r.resourceType === 'Font');
  return {
    observedLcpMs,
    requests: before.length,
    fonts: fonts.length,
    fontBytes: fonts.reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
  };
}

/** The table cell: "5 (3 fonts, 21.4 KB)". */
export function formatLcpPath(path: LcpPath | undefined): string {
  if (!path) return '–';
  const fonts = path.fonts === 1 ? '1 font' : `${path.fonts} fonts`;
  return path.fonts === 0 ? `${path.requests} (no fonts)` : `${path.requests} (${fonts}, ${(path.fontBytes / 1024).toFixed(1)} KB)`;
}
