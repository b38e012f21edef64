import { Injectable } from '@nestjs/common';
import {
  type Actor,
  can,
  type DisplayedSiteCell,
  type SmallCellSuppressionResult,
  suppressSmallCells,
} from '@commons/shared';
import { NetworkService } from '../networks/network.service';
import type { MeasureRow } from './measure.select';
import { ReportRepository, type SubmittedNumbers } from './report.repository';

export interface VisibleReports {
  threshold: number;
  sites: { id: string; slug: string; name: string; city: string }[];
  fullyVisibleSiteIds: Set<string>;
  suppression: SmallCellSuppressionResult;
  /** Displayed cells by site id, then month. */
  cellsBySite: Map<string, Map<string, DisplayedSiteCell>>;
}

/**
 * Submitted reports as one member may see them: her own site (and every site, for admins) in
 * full, other sites' small counts suppressed by the shared rule, before anything leaves the server.
 */
@Injectable()
export class VisibleReportsService {
  constructor(
    private readonly reports: ReportRepository,
    private readonly networks: NetworkService,
  ) {}

  /** A token that changes whenever a report of the measure is written (what a cached chart is keyed by). */
  reportsVersion(measureId: string): Promise<string> {
    return this.reports.versionOf(measureId);
  }

  async forMeasures(
    actor: Actor,
    networkId: string,
    measures: MeasureRow[],
    filter: { fromMonth?: string; toMonth?: string } = {},
  ): Promise<VisibleReports> {
    const [network, sites, rows] = await Promise.all([
      this.networks.byId(networkId),
      this.networks.sitesOf(networkId),
      this.reports.submittedNumbers(
        networkId,
        measures.length === 1 ? { ...filter, measureId: measures[0].id } : filter,
      ),
    ]);
    const byId = new Map(measures.map((m) => [m.id, m]));
    const submitted = rows.filter((row) => byId.has(row.measureId));
    const fullyVisibleSiteIds = new Set(
      sites.filter((site) => can(actor, 'measure.viewUnsuppressed', { siteId: site.id })).map((s) => s.id),
    );
    const suppression = suppressSmallCells({
      threshold: network.suppressionThreshold,
      fullyVisibleSiteIds,
      measureKinds: Object.fromEntries(measures.map((m) => [m.key, m.kind])),
      cells: submitted.map((row) => toCell(row, byId.get(row.measureId)!)),
    });
    const cellsBySite = new Map<string, Map<string, DisplayedSiteCell>>();
    for (const cell of suppression.cells) {
      const key = `${cell.siteId}|${cell.measureKey}`;
      let months = cellsBySite.get(key);
      if (!months) cellsBySite.set(key, (months = new Map<string, DisplayedSiteCell>()));
      months.set(cell.month, cell);
    }
    return { threshold: network.suppressionThreshold, sites, fullyVisibleSiteIds, suppression, cellsBySite };
  }
}

// Plain literals, no spread: on Node 20 `{ ...base, more }` costs microseconds per object, and
// this runs once per report of a whole network's history.
function toCell(row: SubmittedNumbers, measure: MeasureRow) {
  const { siteId, month } = row;
  const measureKey = measure.key;
  switch (measure.kind) {
    case 'COUNT':
      return { siteId, month, measureKey, numerator: null, denominator: null, value: row.value };
    case 'MEAN':
      // The rule protects a mean through its count of patients and the sum it averages.
      return {
        siteId,
        month,
        measureKey,
        numerator: row.value !== null && row.denominator !== null ? row.value * row.denominator : null,
        denominator: row.denominator,
        value: row.value,
      };
    default:
      return {
        siteId,
        month,
        measureKey,
        numerator: row.numerator,
        denominator: row.denominator,
        value: row.numerator !== null && row.denominator ? row.numerator / row.denominator : null,
      };
  }
}
