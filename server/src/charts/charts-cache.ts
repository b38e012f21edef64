import type { MeasureCharts } from './models/chart.model';

/**
 * Computed charts kept per process, each with the version of the data it was computed from.
 * A request still reads that version (one small query) and recomputes whenever it differs, so
 * every process serves what is in the database; the cache saves suppression, SPC and building the
 * response, not the truth. The key holds everything the result depends on besides the reports:
 * the measure, the chart options, the network's settings and sites, and which sites the viewer
 * sees in full.
 */
export class ChartsCache {
  private readonly entries = new Map<string, { version: string; charts: MeasureCharts }>();

  constructor(private readonly capacity = 200) {}

  get(key: string, version: string): MeasureCharts | null {
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version) return null;
    // Most recently used last, so the oldest is the first to go.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.charts;
  }

  set(key: string, version: string, charts: MeasureCharts): void {
    this.entries.delete(key);
    this.entries.set(key, { version, charts });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}
