import { Injectable } from '@nestjs/common';
import {
  type Actor,
  addMonths,
  can,
  compareMonthKeys,
  type FieldIssue,
  fieldIssue,
  isEmptyReport,
  type MonthKey,
  monthRange,
  parseMonthKey,
  reportDueDate,
  reportMonthIssue,
  reportSubmissionIssue,
  reportSubmissionOpensAt,
  reportValueIssues,
} from '@commons/shared';
import { NetworkService } from '../networks/network.service';
import { AccessService } from '../platform/auth/access.service';
import type { Viewer } from '../platform/auth/viewer';
import { badInput, conflict, forbidden, invalid, requireId } from '../platform/graphql/app-error';
import type { SaveMonthReportInput } from './dto/measure.input';
import { MeasureRepository } from './measure.repository';
import {
  type CellStatus,
  type Completeness,
  CellStatus as Status,
  type MonthReport,
  type ReportEntry,
} from './models/report.model';
import { currentMonth, monthOf } from './network-months';
import { ReportRepository, type ReportRow, type ReportWrite } from './report.repository';

const MAX_REASON = 500;

function sameValues(a: { numerator: number | null; denominator: number | null; value: number | null }, b: typeof a) {
  return a.numerator === b.numerator && a.denominator === b.denominator && a.value === b.value;
}

/** Monthly reporting by site teams: the month form, drafts, submission, revisions, completeness. */
@Injectable()
export class ReportingService {
  constructor(
    private readonly reports: ReportRepository,
    private readonly measures: MeasureRepository,
    private readonly networks: NetworkService,
    private readonly access: AccessService,
  ) {}

  /** The month form for a site: its own team and network admins only (it holds unsuppressed numbers). */
  async monthReport(viewer: Viewer, networkId: string, siteId: string, month: string): Promise<MonthReport> {
    const actor = await this.access.require(viewer, networkId, 'measure.viewReports');
    requireId(siteId, 'siteId');
    if (!can(actor, 'measure.viewUnsuppressed', { siteId })) throw forbidden("see another site's unsuppressed numbers");
    const { monthKey, graceDays } = await this.checkSiteMonth(networkId, siteId, month, 'month');
    return this.buildMonthReport(networkId, siteId, monthKey, graceDays);
  }

  async save(viewer: Viewer, input: SaveMonthReportInput): Promise<MonthReport> {
    requireId(input.siteId, 'input.siteId');
    await this.access.require(viewer, input.networkId, 'measure.report', { siteId: input.siteId });
    const { monthKey, graceDays } = await this.checkSiteMonth(
      input.networkId,
      input.siteId,
      input.month,
      'input.month',
    );
    const measures = new Map((await this.measures.list(input.networkId)).map((m) => [m.id, m]));
    const issues: FieldIssue[] = [];
    // A month is submitted once it has ended (or within the network's grace); a draft may be saved any time.
    const notOpen = input.submit ? reportSubmissionIssue(monthKey, new Date(), graceDays) : null;
    if (notOpen) issues.push(fieldIssue('input.month', notOpen.code, notOpen.params));
    const seen = new Set<string>();
    input.entries.forEach((entry, i) => {
      const measure = measures.get(entry.measureId);
      if (!measure)
        return issues.push(fieldIssue(`input.entries.${i}.measureId`, 'not_in_network', { kind: 'measure' }));
      if (seen.has(entry.measureId)) issues.push(fieldIssue(`input.entries.${i}.measureId`, 'duplicate'));
      seen.add(entry.measureId);
      const entryIssues = reportValueIssues(measure.kind, entry, `input.entries.${i}`);
      // A draft may be incomplete, never wrong.
      issues.push(...(input.submit ? entryIssues : entryIssues.filter((issue) => issue.code !== 'required')));
    });
    if (input.submit) {
      [...measures.values()]
        .filter((m) => !seen.has(m.id))
        .forEach((m) => issues.push(fieldIssue('input.entries', 'must_include', { name: m.name })));
    }
    const reason = input.reason?.trim() || null;
    if (reason && reason.length > MAX_REASON) issues.push(fieldIssue('input.reason', 'too_long', { max: MAX_REASON }));
    if (issues.length) throw badInput(issues);

    await this.reports.transaction(async (db) => {
      const existing = new Map(
        (await this.reports.forSiteMonth(input.siteId, monthKey, db)).map((r) => [r.measureId, r]),
      );
      const conflicts: ReportRow[] = [];
      const at = new Date();
      const status = input.submit ? 'SUBMITTED' : 'DRAFT';
      for (const entry of input.entries) {
        const values = {
          numerator: entry.numerator ?? null,
          denominator: entry.denominator ?? null,
          value: entry.value ?? null,
        };
        const current = existing.get(entry.measureId);
        const write: ReportWrite = { ...values, status, reason, changedById: viewer.userId, at };
        if (!current) {
          if (entry.expectedVersion !== 0)
            throw conflict('report_removed', 'This report was removed meanwhile.', { field: 'input.entries' });
          if (isEmptyReport(values)) continue;
          const key = { networkId: input.networkId, siteId: input.siteId, measureId: entry.measureId, month: monthKey };
          // A teammate's first save of the same report won the race.
          if (!(await this.reports.create(db, key, write))) conflicts.push((await this.reports.find(db, key))!);
          continue;
        }
        if (current.version !== entry.expectedVersion) {
          conflicts.push(current);
          continue;
        }
        const changed = !sameValues(current, values);
        if (!changed && current.status === status) continue;
        if (current.status === 'SUBMITTED' && changed && !reason)
          throw invalid('input.reason', 'change_reason_required');
        if (current.status === 'SUBMITTED' && !input.submit) throw invalid('input.submit', 'no_back_to_draft');
        const updated = await this.reports.update(db, current, entry.expectedVersion, write);
        if (!updated)
          conflicts.push(
            (await this.reports.forSiteMonth(input.siteId, monthKey, db)).find((r) => r.id === current.id)!,
          );
      }
      if (conflicts.length) {
        const names = await this.reports.userNames(conflicts.map((c) => c.updatedById));
        throw conflict(
          'report_changed',
          'Someone saved this month while you were editing it. Review their numbers and save again.',
          {
            field: 'input.entries',
            current: conflicts.map((c) => ({
              measureId: c.measureId,
              numerator: c.numerator,
              denominator: c.denominator,
              value: c.value,
              status: c.status,
              version: c.version,
              updatedByName: names.get(c.updatedById) ?? '',
              updatedAt: c.updatedAt.toISOString(),
            })),
          },
        );
      }
    });
    return this.buildMonthReport(input.networkId, input.siteId, monthKey, graceDays);
  }

  /** The reporting grid: every site for admins, the member's own site for everyone else. */
  async completeness(viewer: Viewer, networkId: string, monthCount: number): Promise<Completeness> {
    const actor = await this.access.require(viewer, networkId, 'measure.viewReports');
    const sites = await this.visibleSites(actor, networkId);
    const network = await this.networks.byId(networkId);
    const start = monthOf(network.startedOn);
    const to = currentMonth();
    const count = Math.min(Math.max(monthCount, 1), 36);
    const fromCandidate = addMonths(to, -(count - 1));
    const from = compareMonthKeys(fromCandidate, start) < 0 ? start : fromCandidate;
    const months = monthRange(from, to);
    const measureCount = (await this.measures.list(networkId)).length;
    const counts = await this.reports.statusCounts(networkId, from, to);
    const today = new Date().toISOString().slice(0, 10);
    const byCell = new Map<string, { submitted: number; drafts: number; lastSubmitted: Date | null }>();
    for (const row of counts) {
      const key = `${row.siteId}|${row.month}`;
      const cell = byCell.get(key) ?? { submitted: 0, drafts: 0, lastSubmitted: null };
      if (row.status === 'SUBMITTED') {
        cell.submitted += row._count._all;
        cell.lastSubmitted = row._max.submittedAt;
      } else cell.drafts += row._count._all;
      byCell.set(key, cell);
    }
    return {
      months,
      measureCount,
      rows: sites.map((site) => ({
        site,
        cells: months.map((month) => {
          const cell = byCell.get(`${site.id}|${month}`) ?? { submitted: 0, drafts: 0, lastSubmitted: null };
          return {
            month,
            submitted: cell.submitted,
            drafts: cell.drafts,
            status: cellStatus(cell, measureCount, reportDueDate(month), today),
          };
        }),
      })),
    };
  }

  /** Months the viewer's own site still owes (site team) — for the home page. */
  async overdue(viewer: Viewer, networkId: string) {
    const actor = await this.access.require(viewer, networkId, 'measure.viewReports');
    if (!actor.siteId || !can(actor, 'measure.report', { siteId: actor.siteId })) return [];
    const grid = await this.completeness(viewer, networkId, 12);
    return grid.rows.flatMap((row) =>
      row.cells
        .filter((cell) => cell.status === Status.MISSING)
        .map((cell) => ({
          site: row.site,
          month: cell.month,
          dueDate: reportDueDate(parseMonthKey(cell.month)),
          status: cell.status,
        })),
    );
  }

  private async visibleSites(actor: Actor, networkId: string) {
    const sites = await this.networks.sitesOf(networkId);
    return can(actor, 'completeness.viewAll') ? sites : sites.filter((site) => site.id === actor.siteId);
  }

  private async checkSiteMonth(
    networkId: string,
    siteId: string,
    month: string,
    field: string,
  ): Promise<{ monthKey: MonthKey; graceDays: number }> {
    await this.networks.assertSiteInNetwork(siteId, networkId, field === 'month' ? 'siteId' : 'input.siteId');
    const network = await this.networks.byId(networkId);
    const issue = reportMonthIssue(month, monthOf(network.startedOn), currentMonth());
    if (issue) throw invalid(field, issue.code, issue.params);
    return { monthKey: parseMonthKey(month), graceDays: network.reportGraceDays };
  }

  private async buildMonthReport(
    networkId: string,
    siteId: string,
    month: MonthKey,
    graceDays: number,
  ): Promise<MonthReport> {
    const [measures, reports, site] = await Promise.all([
      this.measures.list(networkId),
      this.reports.forSiteMonth(siteId, month),
      this.networks.siteById(siteId),
    ]);
    const byMeasure = new Map(reports.map((r) => [r.measureId, r]));
    const revisions = await this.reports.revisions(reports.map((r) => r.id));
    const names = await this.reports.userNames([
      ...reports.map((r) => r.updatedById),
      ...revisions.map((r) => r.changedById),
    ]);
    const entries: ReportEntry[] = measures.map((measure) => {
      const report = byMeasure.get(measure.id);
      return {
        measure,
        reportId: report?.id ?? null,
        numerator: report?.numerator ?? null,
        denominator: report?.denominator ?? null,
        value: report?.value ?? null,
        status: report?.status ?? null,
        version: report?.version ?? 0,
        updatedAt: report?.updatedAt ?? null,
        updatedByName: report ? (names.get(report.updatedById) ?? null) : null,
        history: revisions
          .filter((revision) => revision.reportId === report?.id)
          .map((revision) => ({ ...revision, changedByName: names.get(revision.changedById) ?? '' })),
      };
    });
    return {
      site,
      month,
      dueDate: reportDueDate(month),
      submissionOpensAt: reportSubmissionOpensAt(month, graceDays).toISOString(),
      entries,
    };
  }
}

function cellStatus(
  cell: { submitted: number; drafts: number; lastSubmitted: Date | null },
  measureCount: number,
  dueDate: string,
  today: string,
): CellStatus {
  if (measureCount > 0 && cell.submitted >= measureCount) {
    return cell.lastSubmitted && cell.lastSubmitted.toISOString().slice(0, 10) > dueDate
      ? Status.LATE
      : Status.SUBMITTED;
  }
  if (today > dueDate) return Status.MISSING;
  return cell.submitted + cell.drafts > 0 ? Status.DRAFT : Status.NOT_DUE;
}
