import { fieldIssue } from '@commons/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MonthReportFieldsFragment } from '../../gql/graphql';
import { renderInApp, stubGraphql } from '../../test-support/render-app';
import { MonthReportForm } from './month-report-form';

const measure = (id: string, name: string, kind: 'PROPORTION' | 'COUNT') => ({
  id,
  key: id,
  name,
  kind,
  unit: kind === 'COUNT' ? 'courses' : '%',
  definition: '',
  numeratorDefinition: 'Patients in remission',
  denominatorDefinition: 'Patients seen',
  inclusions: '',
  exclusions: '',
});

type Entry = MonthReportFieldsFragment['entries'][number];
const entry = (m: ReturnType<typeof measure>, saved: Partial<Entry> = {}): Entry => ({
  reportId: null,
  numerator: null,
  denominator: null,
  value: null,
  status: null,
  version: 0,
  updatedAt: null,
  updatedByName: null,
  history: [],
  measure: m,
  ...saved,
});

const remission = measure('m-remission', 'Steroid-free remission', 'PROPORTION');
const courses = measure('m-courses', 'New steroid courses', 'COUNT');

function report(entries: Entry[], submissionOpensAt = '2026-04-01T00:00:00.000Z'): MonthReportFieldsFragment {
  return {
    month: '2026-03',
    dueDate: '2026-04-15',
    submissionOpensAt,
    site: { id: 's-riverside', name: 'Riverside' },
    entries,
  };
}

function savedReport(numerator: number, denominator: number, value: number, version = 1): MonthReportFieldsFragment {
  const at = '2026-04-02T09:00:00.000Z';
  return report([
    entry(remission, {
      numerator,
      denominator,
      status: 'SUBMITTED',
      version,
      updatedAt: at,
      updatedByName: 'Oskar Nyberg',
    }),
    entry(courses, { value, status: 'SUBMITTED', version, updatedAt: at, updatedByName: 'Oskar Nyberg' }),
  ]);
}

const group = (name: string) => screen.getByRole('group', { name });

async function fillIn() {
  await userEvent.type(within(group('Steroid-free remission')).getByLabelText('Numerator'), '41');
  await userEvent.type(within(group('Steroid-free remission')).getByLabelText('Denominator'), '58');
  await userEvent.type(within(group('New steroid courses')).getByLabelText('Number (courses)'), '4');
}

function renderForm(loaded = report([entry(remission), entry(courses)])) {
  return renderInApp(<MonthReportForm report={loaded} networkId="n1" networkSlug="northstar" />);
}

describe('MonthReportForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('checks the numbers with the shared rules before sending and names the inputs to fix', async () => {
    const calls = stubGraphql(() => ({ data: { me: null } }));
    renderForm();
    await userEvent.type(within(group('Steroid-free remission')).getByLabelText('Numerator'), '60');
    await userEvent.type(within(group('Steroid-free remission')).getByLabelText('Denominator'), '58');
    await userEvent.click(screen.getByRole('button', { name: 'Submit March 2026' }));

    const numerator = within(group('Steroid-free remission')).getByLabelText('Numerator');
    expect(numerator).toHaveAttribute('aria-invalid', 'true');
    expect(numerator).toHaveAccessibleDescription('This cannot be more than the denominator.');
    expect(within(group('New steroid courses')).getByLabelText('Number (courses)')).toHaveAccessibleDescription(
      'This is required.',
    );
    await waitFor(() => expect(numerator).toHaveFocus());
    expect(calls.map(([name]) => name)).not.toContain('SaveMonthReport');
  });

  it('puts the server field errors on the inputs they name', async () => {
    stubGraphql((operation) =>
      operation === 'SaveMonthReport'
        ? {
            data: null,
            errors: [
              {
                message: 'input.entries.1.value must be a whole number, 0 or more',
                extensions: {
                  code: 'BAD_USER_INPUT',
                  field: 'input.entries.1.value',
                  issues: [fieldIssue('input.entries.1.value', 'not_a_count')],
                },
              },
            ],
          }
        : { data: { me: null } },
    );
    renderForm();
    await fillIn();
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    const count = within(group('New steroid courses')).getByLabelText('Number (courses)');
    await waitFor(() => expect(count).toHaveAttribute('aria-invalid', 'true'));
    expect(count).toHaveAccessibleDescription('Enter a whole number, 0 or more.');
    expect(within(group('Steroid-free remission')).getByLabelText('Numerator')).not.toHaveAttribute('aria-invalid');
  });

  it('shows a teammate’s numbers on CONFLICT and saves mine again on her version', async () => {
    const saves: Record<string, unknown>[] = [];
    stubGraphql((operation, variables) => {
      if (operation !== 'SaveMonthReport') return { data: { me: null } };
      saves.push(variables);
      if (saves.length === 1) {
        return {
          data: null,
          errors: [
            {
              message: 'Someone saved this month while you were editing it. Review their numbers and save again.',
              extensions: {
                code: 'CONFLICT',
                field: 'input.entries',
                current: [
                  {
                    measureId: 'm-remission',
                    numerator: 40,
                    denominator: 57,
                    value: null,
                    status: 'DRAFT',
                    version: 2,
                    updatedByName: 'Aisha Rahman',
                    updatedAt: '2026-04-02T08:30:00.000Z',
                  },
                ],
              },
            },
          ],
        };
      }
      return { data: { saveMonthReport: savedReport(41, 58, 4, 3) } };
    });
    renderForm();
    await fillIn();
    await userEvent.click(screen.getByRole('button', { name: 'Submit March 2026' }));

    const panel = await screen.findByRole('region', { name: 'A teammate saved this month while you were editing' });
    const row = within(panel).getByRole('row', { name: /Steroid-free remission/ });
    expect(row).toHaveTextContent('41 of 58');
    expect(row).toHaveTextContent('40 of 57');
    expect(row).toHaveTextContent(/saved by Aisha Rahman/);
    await waitFor(() => expect(within(panel).getByRole('heading')).toHaveFocus());

    await userEvent.click(within(panel).getByRole('button', { name: 'Keep mine and save again' }));
    await screen.findByText(/March 2026 is submitted for Riverside/);
    expect(saves).toHaveLength(2);
    const second = saves[1].input as { entries: unknown[]; submit: boolean };
    expect(second.submit).toBe(true);
    expect(second.entries[0]).toEqual({
      measureId: 'm-remission',
      expectedVersion: 2,
      numerator: 41,
      denominator: 58,
      value: null,
    });
    expect(screen.queryByRole('region', { name: /teammate saved/ })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See it on the chart' })).toHaveAttribute(
      'href',
      '/n/northstar/measures/m-remission?site=s-riverside',
    );
  });

  it('"Use their numbers" puts the teammate’s numbers in the form without saving', async () => {
    const calls = stubGraphql((operation) =>
      operation === 'SaveMonthReport'
        ? {
            data: null,
            errors: [
              {
                message: 'Someone saved this month while you were editing it.',
                extensions: {
                  code: 'CONFLICT',
                  current: [
                    {
                      measureId: 'm-remission',
                      numerator: 40,
                      denominator: 57,
                      value: null,
                      status: 'DRAFT',
                      version: 2,
                      updatedByName: 'Aisha Rahman',
                      updatedAt: '2026-04-02T08:30:00.000Z',
                    },
                  ],
                },
              },
            ],
          }
        : { data: { me: null } },
    );
    renderForm();
    await fillIn();
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Use their numbers' }));

    expect(within(group('Steroid-free remission')).getByLabelText('Numerator')).toHaveValue('40');
    expect(within(group('Steroid-free remission')).getByLabelText('Denominator')).toHaveValue('57');
    expect(within(group('New steroid courses')).getByLabelText('Number (courses)')).toHaveValue('4');
    expect(screen.getByRole('status')).toHaveTextContent('Their numbers are now in the form.');
    expect(calls.filter(([name]) => name === 'SaveMonthReport')).toHaveLength(1);
  });

  it('asks for a reason before changing a submitted month, and shows each entry’s history', async () => {
    const calls = stubGraphql(() => ({ data: { me: null } }));
    const loaded = savedReport(41, 58, 4);
    loaded.entries[0].history = [
      {
        version: 2,
        numerator: 41,
        denominator: 58,
        value: null,
        status: 'SUBMITTED',
        reason: 'Two patients were missing',
        changedAt: '2026-04-05T09:00:00.000Z',
        changedByName: 'Aisha Rahman',
      },
      {
        version: 1,
        numerator: 39,
        denominator: 58,
        value: null,
        status: 'SUBMITTED',
        reason: null,
        changedAt: '2026-04-02T09:00:00.000Z',
        changedByName: 'Oskar Nyberg',
      },
    ];
    renderForm(loaded);
    expect(screen.queryByRole('button', { name: 'Save draft' })).not.toBeInTheDocument();

    const history = within(group('Steroid-free remission')).getByText('History: 2 saved versions');
    await userEvent.click(history);
    expect(within(group('Steroid-free remission')).getByText('39 of 58 → 41 of 58')).toBeVisible();
    expect(within(group('Steroid-free remission')).getByText('Reason: Two patients were missing')).toBeVisible();

    const numerator = within(group('Steroid-free remission')).getByLabelText('Numerator');
    await userEvent.clear(numerator);
    await userEvent.type(numerator, '42');
    await userEvent.click(screen.getByRole('button', { name: 'Submit changes' }));
    expect(screen.getByLabelText(/Reason for the change/)).toHaveAccessibleDescription(
      'Required: you are changing numbers that were already submitted. Your team and network admins see the reason in the history. Say why you are changing numbers that were already submitted.',
    );
    expect(calls.map(([name]) => name)).not.toContain('SaveMonthReport');
  });

  it('before the month has ended, says when it can be submitted and offers only a draft', async () => {
    const calls = stubGraphql((operation) =>
      operation === 'SaveMonthReport'
        ? { data: { saveMonthReport: report([entry(remission), entry(courses)], '2999-01-01T00:00:00.000Z') } }
        : { data: { me: null } },
    );
    renderForm(report([entry(remission), entry(courses)], '2999-01-01T00:00:00.000Z'));
    expect(
      screen.getByText(
        /^March 2026 can be submitted from .*2999, once the month has ended\. Until then, save your numbers as a draft\.$/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Submit March 2026' })).not.toBeInTheDocument();
    await userEvent.type(within(group('New steroid courses')).getByLabelText('Number (courses)'), '4');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(calls.map(([name]) => name)).toContain('SaveMonthReport'));
    const [, variables] = calls.find(([name]) => name === 'SaveMonthReport')!;
    expect((variables as { input: { submit: boolean } }).input.submit).toBe(false);
  });

  it("words the server's refusal of a month that has not ended", async () => {
    stubGraphql((operation) =>
      operation === 'SaveMonthReport'
        ? {
            data: null,
            errors: [
              {
                message: 'input.month can be submitted from 2026-04-01, once the month has ended',
                extensions: {
                  code: 'BAD_USER_INPUT',
                  field: 'input.month',
                  issues: [fieldIssue('input.month', 'not_open_yet', { date: '2026-04-01' })],
                },
              },
            ],
          }
        : { data: { me: null } },
    );
    renderForm();
    await fillIn();
    await userEvent.click(screen.getByRole('button', { name: 'Submit March 2026' }));
    await screen.findByText(
      'This month can be submitted from 2026-04-01, once it has ended. Save it as a draft until then.',
    );
  });
});
