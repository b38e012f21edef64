import { Injectable } from '@nestjs/common';
import { addMonths, can, IMPORT_EXAMPLE_ROWS } from '@commons/shared';
import { NetworkService } from '../networks/network.service';
import { AccessService } from '../platform/auth/access.service';
import type { Viewer } from '../platform/auth/viewer';
import { unauthenticated } from '../platform/graphql/app-error';
import { MeasureRepository } from './measure.repository';
import { currentMonth } from './network-months';
import { VisibleReportsService } from './visible-reports.service';

const label = (n: { shown: true; value: number } | { shown: false; label: string } | null) =>
  n === null ? '' : n.shown ? String(n.value) : n.label;

/** The data a member may see, as CSV rows; suppressed numbers keep their "<11" labels. */
@Injectable()
export class ExportService {
  constructor(
    private readonly measures: MeasureRepository,
    private readonly visible: VisibleReportsService,
    private readonly access: AccessService,
    private readonly networks: NetworkService,
  ) {}

  async reportRows(viewer: Viewer | null, networkId: string) {
    if (!viewer) throw unauthenticated();
    const actor = await this.access.require(viewer, networkId, 'measure.viewReports');
    const measures = await this.measures.list(networkId);
    const data = await this.visible.forMeasures(actor, networkId, measures);
    const siteById = new Map(data.sites.map((s) => [s.id, s]));
    const kindByKey = new Map(measures.map((m) => [m.key, m.kind]));
    return data.suppression.cells
      .map((cell) => ({
        site: siteById.get(cell.siteId)?.slug ?? '',
        measure: cell.measureKey,
        month: cell.month,
        // A mean's numerator is the sum suppression protects, not a reported number: the file keeps the import's columns.
        numerator: kindByKey.get(cell.measureKey) === 'MEAN' ? '' : label(cell.numerator),
        denominator: label(cell.denominator),
        value: label(cell.value),
        suppressed: cell.suppressed ? cell.reason : '',
      }))
      .sort(
        (a, b) => a.site.localeCompare(b.site) || a.measure.localeCompare(b.measure) || a.month.localeCompare(b.month),
      );
  }

  /** The import template: one row per measure for the previous month at the viewer's site. */
  async templateRows(viewer: Viewer | null, networkId: string) {
    if (!viewer) throw unauthenticated();
    const actor = await this.access.require(viewer, networkId, 'measure.viewReports');
    const measures = await this.measures.list(networkId);
    const site = actor.siteId && can(actor, 'measure.report', { siteId: actor.siteId }) ? actor.siteId : null;
    const month = addMonths(currentMonth(), -1);
    if (!site || measures.length === 0) return IMPORT_EXAMPLE_ROWS;
    const slug = (await this.networks.sitesOf(networkId)).find((s) => s.id === site)?.slug ?? '';
    return measures.map((m) => ({ site: slug, measure: m.key, month, numerator: '', denominator: '', value: '' }));
  }
}
