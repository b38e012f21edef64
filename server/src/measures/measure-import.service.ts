import { Injectable } from '@nestjs/common';
import {
  type Actor,
  can,
  type FieldIssue,
  fieldIssue,
  IMPORT_COLUMNS,
  type IssueCode,
  type IssueParams,
  parseMonthKey,
  reportMonthIssue,
  reportSubmissionIssue,
  reportValueIssues,
} from '@commons/shared';
import { parse } from 'csv-parse/sync';
import { NetworkService } from '../networks/network.service';
import { AccessService } from '../platform/auth/access.service';
import type { Viewer } from '../platform/auth/viewer';
import { AppError, conflict } from '../platform/graphql/app-error';
import { MeasureRepository } from './measure.repository';
import type { ImportPreview, ImportProblem } from './models/report.model';
import { currentMonth, monthOf } from './network-months';
import { ReportRepository } from './report.repository';

const MAX_ROWS = 10_000;

interface ParsedRow {
  line: number;
  siteId: string;
  measureId: string;
  month: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

/**
 * CSV import of many months and measures at once. Every row is checked before anything is
 * written; the whole file is written in one transaction; rows equal to what is already
 * submitted are skipped, so importing the same file twice changes nothing.
 */
@Injectable()
export class MeasureImportService {
  constructor(
    private readonly reports: ReportRepository,
    private readonly measures: MeasureRepository,
    private readonly networks: NetworkService,
    private readonly access: AccessService,
  ) {}

  async preview(viewer: Viewer, networkId: string, csv: string): Promise<ImportPreview> {
    const actor = await this.access.require(viewer, networkId, 'measure.viewReports');
    const { rows, problems } = await this.parseRows(actor, networkId, csv);
    const changed = problems.length ? [] : await this.changedRows(networkId, rows);
    return {
      valid: problems.length === 0,
      rows: rows.length,
      changes: changed.length,
      unchanged: rows.length - changed.length,
      problems,
    };
  }

  async commit(viewer: Viewer, networkId: string, csv: string): Promise<ImportPreview> {
    const actor = await this.access.require(viewer, networkId, 'measure.viewReports');
    const { rows, problems } = await this.parseRows(actor, networkId, csv);
    if (problems.length) {
      const [first] = problems;
      throw new AppError('BAD_USER_INPUT', `Line ${first.line}, ${first.column}: ${first.message}`, {
        field: 'csv',
        problems: problems.map(({ params, ...problem }) => ({ ...problem, params: paramsOf(params) })),
      });
    }
    const changed = await this.changedRows(networkId, rows);
    await this.reports.transaction(async (db) => {
      const at = new Date();
      for (const row of changed) {
        const [existing] = (await this.reports.forSiteMonth(row.siteId, row.month, db)).filter(
          (r) => r.measureId === row.measureId,
        );
        const write = {
          numerator: row.numerator,
          denominator: row.denominator,
          value: row.value,
          status: 'SUBMITTED' as const,
          changedById: viewer.userId,
          at,
        };
        const written = existing
          ? await this.reports.update(db, existing, existing.version, {
              ...write,
              reason: `Imported from CSV (line ${row.line})`,
            })
          : await this.reports.create(
              db,
              { networkId, siteId: row.siteId, measureId: row.measureId, month: row.month },
              { ...write, reason: 'Imported from CSV' },
            );
        if (!written) {
          throw conflict('import_changed', 'A report in the file changed while importing. Import again.', {
            field: 'csv',
          });
        }
      }
    });
    return {
      valid: true,
      rows: rows.length,
      changes: changed.length,
      unchanged: rows.length - changed.length,
      problems: [],
    };
  }

  private async changedRows(networkId: string, rows: ParsedRow[]): Promise<ParsedRow[]> {
    const months = rows.map((r) => r.month).sort();
    const existing = await this.reports.forNetwork(networkId, {
      fromMonth: months[0],
      toMonth: months[months.length - 1],
    });
    const byKey = new Map(existing.map((r) => [`${r.siteId}|${r.measureId}|${r.month}`, r]));
    return rows.filter((row) => {
      const current = byKey.get(`${row.siteId}|${row.measureId}|${row.month}`);
      return !(
        current &&
        current.status === 'SUBMITTED' &&
        current.numerator === row.numerator &&
        current.denominator === row.denominator &&
        current.value === row.value
      );
    });
  }

  private async parseRows(
    actor: Actor,
    networkId: string,
    csv: string,
  ): Promise<{ rows: ParsedRow[]; problems: ImportProblem[] }> {
    const problems: ImportProblem[] = [];
    let records: string[][];
    try {
      records = parse(csv, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
    } catch (error) {
      return {
        rows: [],
        problems: [
          problem((error as { lines?: number }).lines ?? 1, 'file', 'csv_not_csv', {
            detail: (error as Error).message,
          }),
        ],
      };
    }
    const [header = [], ...body] = records;
    const columns = header.map((name) => name.toLowerCase());
    const missing = IMPORT_COLUMNS.filter((name) => !columns.includes(name));
    const unknown = columns.filter((name) => !(IMPORT_COLUMNS as readonly string[]).includes(name));
    if (missing.length) problems.push(problem(1, missing.join(', '), 'csv_missing_column'));
    if (unknown.length) problems.push(problem(1, unknown.join(', '), 'csv_unknown_column'));
    if (body.length === 0) problems.push(problem(1, 'file', 'csv_no_rows'));
    if (body.length > MAX_ROWS) problems.push(problem(MAX_ROWS + 2, 'file', 'csv_too_many_rows', { max: MAX_ROWS }));
    if (problems.length) return { rows: [], problems };

    const network = await this.networks.byId(networkId);
    const sites = new Map((await this.networks.sitesOf(networkId)).map((s) => [s.slug, s]));
    const measures = new Map((await this.measures.list(networkId)).map((m) => [m.key, m]));
    const start = monthOf(network.startedOn);
    const now = currentMonth();
    const submittedAt = new Date();
    const seen = new Map<string, number>();
    const rows: ParsedRow[] = [];
    body.forEach((record, index) => {
      const line = index + 2;
      const cell = (name: (typeof IMPORT_COLUMNS)[number]) => record[columns.indexOf(name)] ?? '';
      const rowProblems: FieldIssue[] = [];
      if (record.length !== columns.length)
        rowProblems.push(fieldIssue('file', 'csv_value_count', { count: record.length, expected: columns.length }));
      const site = sites.get(cell('site'));
      if (!site) rowProblems.push(fieldIssue('site', 'csv_not_a_site', { value: cell('site') }));
      else if (!can(actor, 'measure.report', { siteId: site.id }))
        rowProblems.push(fieldIssue('site', 'csv_not_your_site', { site: site.name }));
      const measure = measures.get(cell('measure'));
      if (!measure) rowProblems.push(fieldIssue('measure', 'csv_not_a_measure', { value: cell('measure') }));
      // Imported reports are submitted, so their month must be open for submission.
      const monthIssue =
        reportMonthIssue(cell('month'), start, now) ??
        reportSubmissionIssue(parseMonthKey(cell('month')), submittedAt, network.reportGraceDays);
      if (monthIssue) rowProblems.push(fieldIssue('month', monthIssue.code, monthIssue.params));
      const numbers = {
        numerator: toNumber(cell('numerator')),
        denominator: toNumber(cell('denominator')),
        value: toNumber(cell('value')),
      };
      for (const name of ['numerator', 'denominator', 'value'] as const) {
        if (Number.isNaN(numbers[name])) rowProblems.push(fieldIssue(name, 'csv_not_a_number', { value: cell(name) }));
      }
      if (measure && !rowProblems.some((p) => ['numerator', 'denominator', 'value'].includes(p.field))) {
        rowProblems.push(...reportValueIssues(measure.kind, numbers, ''));
      }
      if (site && measure && !monthIssue) {
        const key = `${site.id}|${measure.id}|${cell('month')}`;
        const earlier = seen.get(key);
        if (earlier) rowProblems.push(fieldIssue('month', 'csv_repeats', { line: earlier }));
        seen.set(key, line);
      }
      if (rowProblems.length) {
        problems.push(...rowProblems.map((p) => problem(line, p.field, p.code, p.params)));
      } else {
        rows.push({ line, siteId: site!.id, measureId: measure!.id, month: parseMonthKey(cell('month')), ...numbers });
      }
    });
    return { rows, problems };
  }
}

/** One problem of the file, at `line` in `column`, with the English sentence of its code. */
function problem(line: number, column: string, code: IssueCode, params: IssueParams = {}): ImportProblem {
  const { message } = fieldIssue(column, code, params);
  return {
    line,
    column,
    code,
    params: Object.entries(params).map(([name, value]) => ({ name, value: String(value) })),
    message,
  };
}

/** GraphQL's list of params as the object a field issue carries. */
function paramsOf(params: ImportProblem['params']): IssueParams {
  return Object.fromEntries(params.map(({ name, value }) => [name, value]));
}

/** '' → null; a number → the number; anything else → NaN. */
function toNumber(text: string): number | null {
  if (text === '') return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : Number.NaN;
}
