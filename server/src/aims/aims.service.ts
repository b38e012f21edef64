import { Injectable } from '@nestjs/common';
import {
  addMonths,
  compareMonthKeys,
  idSchema,
  isMonthKey,
  type MonthKey,
  monthKeySchema,
  rule,
  suppressSmallCells,
} from '@commons/shared';
import { z } from 'zod';
import { MeasuresService } from '../measures/measures.service';
import { currentMonth } from '../measures/network-months';
import { VisibleReportsService } from '../measures/visible-reports.service';
import { AccessService } from '../platform/auth/access.service';
import type { Viewer } from '../platform/auth/viewer';
import { invalid, notFound, parseInput, requireId } from '../platform/graphql/app-error';
import { AimRepository } from './aim.repository';
import type { AimInput, DriverInput } from './dto/aim.input';
import type { Aim, AimProgress } from './models/aim.model';

const PROGRESS_MONTHS = 3;

const aimSchema = z
  .object({
    statement: z.string().trim().min(1).max(500),
    outcomeMeasureId: idSchema.nullable(),
    baselineValue: z.number().finite(),
    baselineFrom: monthKeySchema,
    baselineTo: monthKeySchema,
    targetValue: z.number().finite(),
    dueDate: z.iso.date(),
  })
  .refine(
    (aim) =>
      !isMonthKey(aim.baselineFrom) ||
      !isMonthKey(aim.baselineTo) ||
      compareMonthKeys(aim.baselineFrom, aim.baselineTo) <= 0,
    {
      ...rule('not_before', { other: 'baselineFrom' }),
      path: ['baselineTo'],
    },
  );

const driverSchema = z.object({
  parentId: idSchema.nullable(),
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000),
  position: z.number().int().min(0).max(1000).nullable(),
});

/** The shared aim, its progress per site, and the key driver diagram. */
@Injectable()
export class AimsService {
  constructor(
    private readonly aims: AimRepository,
    private readonly measures: MeasuresService,
    private readonly visible: VisibleReportsService,
    private readonly access: AccessService,
  ) {}

  async aim(viewer: Viewer, networkId: string): Promise<Aim | null> {
    const actor = await this.access.require(viewer, networkId, 'aim.view');
    const row = await this.aims.find(networkId);
    if (!row) return null;
    const measure = row.outcomeMeasureId ? await this.measures.find(row.outcomeMeasureId) : null;
    const base = { ...row, dueDate: row.dueDate.toISOString().slice(0, 10), outcomeMeasure: measure };
    const empty = (site: AimProgress['site']): AimProgress => ({
      site,
      value: null,
      fromMonth: null,
      toMonth: null,
      suppressed: false,
    });
    if (!measure) return { ...base, current: empty(null), sites: [] };

    const data = await this.visible.forMeasures(actor, networkId, [measure]);
    // Progress counts months that are complete: the current month is still being reported.
    const thisMonth = currentMonth();
    const reported = data.suppression.cells
      .map((c) => c.month as MonthKey)
      .filter((month) => compareMonthKeys(month, thisMonth) < 0)
      .sort(compareMonthKeys);
    const last = reported[reported.length - 1];
    if (!last) return { ...base, current: empty(null), sites: data.sites.map(empty) };
    const from = addMonths(last, -(PROGRESS_MONTHS - 1));
    // Pooled over the window, per site; the window sums are suppressed like any cell.
    const cells = data.sites.map((site) => {
      const sums = { numerator: 0, denominator: 0, hidden: false, any: false };
      for (const [month, cell] of data.cellsBySite.get(`${site.id}|${measure.key}`) ?? []) {
        if (compareMonthKeys(month as MonthKey, from) < 0) continue;
        if (cell.suppressed || !cell.numerator?.shown || !cell.denominator?.shown) sums.hidden ||= cell.suppressed;
        else {
          sums.numerator += cell.numerator.value;
          sums.denominator += cell.denominator.value;
          sums.any = true;
        }
      }
      return {
        siteId: site.id,
        month: from,
        measureKey: measure.key,
        numerator: sums.any && !sums.hidden ? sums.numerator : null,
        denominator: sums.any && !sums.hidden ? sums.denominator : null,
        hidden: sums.hidden,
      };
    });
    const visible = suppressSmallCells({
      threshold: data.threshold,
      fullyVisibleSiteIds: data.fullyVisibleSiteIds,
      measureKinds: { [measure.key]: measure.kind },
      cells,
    });
    const windowTotals = data.suppression.totals.filter((t) => compareMonthKeys(t.month as MonthKey, from) >= 0);
    let numerator = 0;
    let denominator = 0;
    let withheld = false;
    for (const total of windowTotals) {
      if (total.kind === 'COUNT') continue;
      if (total.numerator?.shown && total.denominator?.shown) {
        numerator += total.numerator.value;
        denominator += total.denominator.value;
      } else withheld = true;
    }
    const ratio = (n: number, d: number) =>
      measure.kind === 'MEAN' || measure.kind === 'COUNT' ? null : d > 0 ? n / d : null;
    return {
      ...base,
      current: {
        site: null,
        value: withheld ? null : ratio(numerator, denominator),
        fromMonth: from,
        toMonth: last,
        suppressed: withheld,
      },
      sites: data.sites.map((site, i) => {
        const cell = visible.cells[i];
        const hidden = cells[i].hidden || cell.suppressed;
        const n = cell.numerator?.shown ? cell.numerator.value : null;
        const d = cell.denominator?.shown ? cell.denominator.value : null;
        return {
          site,
          value: hidden || n === null || d === null ? null : ratio(n, d),
          fromMonth: from,
          toMonth: last,
          suppressed: hidden,
        };
      }),
    };
  }

  async updateAim(viewer: Viewer, networkId: string, input: AimInput) {
    await this.access.require(viewer, networkId, 'aim.edit');
    const data = parseInput(aimSchema, { ...input, outcomeMeasureId: input.outcomeMeasureId ?? null }, 'input');
    if (data.outcomeMeasureId) {
      const measure = await this.measures.find(data.outcomeMeasureId);
      if (!measure || measure.networkId !== networkId)
        throw invalid('input.outcomeMeasureId', 'not_in_network', { kind: 'measure' });
    }
    await this.aims.upsert(networkId, { ...data, dueDate: new Date(`${data.dueDate}T00:00:00Z`) }, viewer.userId);
    return this.aim(viewer, networkId);
  }

  async drivers(viewer: Viewer, networkId: string) {
    await this.access.require(viewer, networkId, 'aim.view');
    return this.aims.drivers(networkId);
  }

  async createDriver(viewer: Viewer, networkId: string, input: DriverInput) {
    await this.access.require(viewer, networkId, 'aim.edit');
    const data = parseInput(
      driverSchema,
      { ...input, parentId: input.parentId ?? null, position: input.position ?? null },
      'input',
    );
    if (data.parentId) {
      const parent = await this.aims.driver(data.parentId);
      if (!parent || parent.networkId !== networkId)
        throw invalid('input.parentId', 'not_in_network', { kind: 'driver' });
      if (parent.kind !== 'PRIMARY') throw invalid('input.parentId', 'not_primary_driver');
    }
    return this.aims.createDriver(networkId, { ...data, kind: data.parentId ? 'SECONDARY' : 'PRIMARY' });
  }

  async updateDriver(viewer: Viewer, driverId: string, input: DriverInput) {
    const driver = await this.requireDriver(viewer, driverId);
    const data = parseInput(
      driverSchema,
      { ...input, parentId: driver.parentId, position: input.position ?? null },
      'input',
    );
    return this.aims.updateDriver(driver.id, {
      title: data.title,
      description: data.description,
      ...(data.position !== null ? { position: data.position } : {}),
    });
  }

  async deleteDriver(viewer: Viewer, driverId: string) {
    const driver = await this.requireDriver(viewer, driverId);
    await this.aims.deleteDriver(driver.id);
    return true;
  }

  private async requireDriver(viewer: Viewer, driverId: string) {
    const driver = await this.aims.driver(requireId(driverId, 'driverId'));
    if (!driver) throw notFound('Driver');
    await this.access.require(viewer, driver.networkId, 'aim.edit');
    return driver;
  }
}
