import { type FieldIssue, fieldIssues, firstRunSchema, slugify } from '@commons/shared';
import type { TFunction } from 'i18next';
import { type FormErrors, issuesToFormErrors, translateIssue } from '../graphql/errors';

/** What the first-run form holds, as typed (site rows may be empty until submitted). */
export interface SetupFormValues {
  token: string;
  networkName: string;
  networkSlug: string;
  /** True once the person typed a slug herself: it stops following the name. */
  slugEdited: boolean;
  startMonth: string;
  sites: string[];
  adminName: string;
  adminEmail: string;
  password: string;
}

export const SETUP_FIELDS = [
  'token',
  'networkName',
  'networkSlug',
  'startMonth',
  'sites',
  'adminName',
  'adminEmail',
  'password',
] as const;
export type SetupField = (typeof SETUP_FIELDS)[number];

/** The first month a new network proposes: this one, as `YYYY-MM` in UTC, the server's months. */
export function thisMonth(now = new Date()): string {
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function emptySetupForm(token: string, now = new Date()): SetupFormValues {
  return {
    token,
    networkName: '',
    networkSlug: '',
    slugEdited: false,
    startMonth: thisMonth(now),
    sites: [''],
    adminName: '',
    adminEmail: '',
    password: '',
  };
}

/** The form after the network's name changed: the slug follows it until the person edits the slug. */
export function withNetworkName(values: SetupFormValues, networkName: string): SetupFormValues {
  return { ...values, networkName, networkSlug: values.slugEdited ? values.networkSlug : slugify(networkName) };
}

/**
 * The `completeSetup` input from the form, leaving out empty site rows, and for each site sent the
 * row it came from (so a problem with `sites.1` is shown next to the right box).
 */
export function setupInput(values: SetupFormValues) {
  const rows = values.sites.flatMap((name, row) => (name.trim() ? [row] : []));
  const input = {
    token: values.token.trim(),
    networkName: values.networkName,
    networkSlug: values.networkSlug,
    startMonth: values.startMonth,
    sites: rows.map((row) => values.sites[row]),
    adminName: values.adminName,
    adminEmail: values.adminEmail,
    password: values.password,
  };
  return { input, rows };
}

/** The form's errors: per field, per site row (by row index), and for the form as a whole. */
export interface SetupErrors extends FormErrors<SetupField> {
  siteRows: Record<number, string>;
}

export const NO_SETUP_ERRORS: SetupErrors = { fields: {}, form: [], siteRows: {} };

const SITE_ROW = /^input\.sites\.(\d+)$/;

/** Places field issues (from the shared schema or the server) on fields and site rows. */
export function setupErrors(issues: FieldIssue[], rows: number[], t: TFunction): SetupErrors {
  const siteRows: Record<number, string> = {};
  const others: FieldIssue[] = [];
  for (const issue of issues) {
    const match = SITE_ROW.exec(issue.field);
    const row = match ? rows[Number(match[1])] : undefined;
    if (row === undefined) {
      others.push(issue);
      continue;
    }
    siteRows[row] ??= issue.code === 'duplicate' ? t('setup.sites.twice') : translateIssue(issue, t);
  }
  const { fields, form } = issuesToFormErrors(others, SETUP_FIELDS, t);
  if (others.some((issue) => issue.field === 'input.sites' && issue.code === 'too_few'))
    fields.sites = t('setup.sites.none');
  // "At least one site" belongs to no row: it is shown at the first.
  if (fields.sites) siteRows[0] ??= fields.sites;
  return { fields: { ...fields, sites: undefined }, form, siteRows };
}

/** Checks the input with the shared schema before it is sent; null when it is valid. */
export function validateSetup(values: SetupFormValues, t: TFunction): SetupErrors | null {
  const { input, rows } = setupInput(values);
  const parsed = firstRunSchema.safeParse(input);
  return parsed.success ? null : setupErrors(fieldIssues(parsed.error, 'input'), rows, t);
}
