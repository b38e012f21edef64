import type { z } from 'zod';

/** Parameters of a field issue: numbers and words a translation puts into its sentence. */
export type IssueParams = Record<string, string | number>;

/** The formats `invalid_format` names in `params.format`; each has its own translation. */
export const ISSUE_FORMATS = [
  'email',
  'id',
  'date',
  'datetime',
  'month',
  'url',
  'slug',
  'measure_key',
  'tag',
  'cursor',
  'seq',
  'client_id',
] as const;
export type IssueFormat = (typeof ISSUE_FORMATS)[number];

const FORMAT_MESSAGES: Record<IssueFormat, string> = {
  email: 'must be a valid email address',
  id: 'must be a valid id',
  date: 'must be a date like 2026-03-31',
  datetime: 'must be an ISO date-time',
  month: 'must be a month like 2026-03',
  url: 'must be an http or https address',
  slug: 'may hold only lowercase letters, digits and single hyphens',
  measure_key: 'must be 2-40 lowercase letters, digits, - or _, starting with a letter',
  tag: "may hold only letters, digits, spaces and - ' & +",
  cursor: 'is not a valid cursor',
  seq: 'must be a message sequence number',
  client_id: 'must be 8-64 letters, digits, - or _',
};

/** Fields an issue's params may hold, read loosely: a params object comes from outside in the end. */
type P = Partial<Record<string, string | number>>;

/**
 * The English sentence of each field-issue code, given its params, following the field's name
 * ("title must be at most 160 characters"). The codes are the API's vocabulary; these sentences are
 * for API users and logs. The client translates the code and params instead.
 */
const ISSUE_MESSAGES = {
  invalid: () => 'is not valid',
  required: () => 'is required',
  too_short: (p: P) => `must be at least ${p.min} characters`,
  too_long: (p: P) => `must be at most ${p.max} characters`,
  too_few: (p: P) => `must list at least ${p.min}`,
  too_many: (p: P) => `must list at most ${p.max}`,
  too_small: (p: P) => `must be at least ${p.min}`,
  too_large: (p: P) => `must be at most ${p.max}`,
  out_of_range: (p: P) => `must be between ${p.min} and ${p.max}`,
  not_text: () => 'must be text',
  not_a_number: () => 'must be a number',
  not_whole_number: () => 'must be a whole number',
  not_a_count: () => 'must be a whole number, 0 or more',
  not_boolean: () => 'must be true or false',
  wrong_type: (p: P) => `must be of type ${p.expected}`,
  invalid_format: (p: P) => FORMAT_MESSAGES[p.format as IssueFormat] ?? 'is not in the right format',
  not_one_of: (p: P) => `must be one of ${p.options}`,
  unstorable_text: () => 'must not contain NUL characters or broken characters (unpaired surrogates)',
  duplicate: () => 'must not list the same one twice',
  not_in_network: (p: P) => `is not a ${p.kind} of this network`,
  not_in_thread: (p: P) => `is not a ${p.kind} of this thread`,
  not_before: (p: P) => `must be on or after ${p.other}`,
  not_after: (p: P) => `must not be after ${p.other}`,
  not_yourself: () => 'cannot be yourself',
  // First run and invitations
  setup_code_invalid: () => 'is not a valid setup code',
  setup_code_used: () => 'is a setup code that was used already',
  setup_code_expired: () => 'is a setup code that expired: restart the server for a new link',
  too_long_ago: (p: P) => `cannot be more than ${p.years} years ago`,
  in_future: () => 'cannot be in the future',
  invitation_invalid: () => 'is not a valid invitation',
  invitation_used: () => 'has already been used',
  invitation_expired: () => 'has expired',
  invitation_revoked: () => 'was withdrawn',
  invitation_email: () => 'must be the address the invitation was sent to',
  // Members
  site_required: () => 'is required for a site team role',
  already_your_site: () => 'is already your site',
  // Measures, monthly reports, charts, aims
  not_used: (p: P) => `is not used by a ${String(p.kind).toLowerCase()} measure`,
  above_denominator: () => 'cannot be more than the denominator',
  empty_when_nobody: () => 'must be empty when nobody was measured',
  before_network: (p: P) => `cannot be before the network started (${p.start})`,
  not_open_yet: (p: P) => `can be submitted from ${p.date}, once the month has ended`,
  change_reason_required: () => 'is required to change a submitted report',
  no_back_to_draft: () => 'a submitted report cannot go back to draft',
  must_include: (p: P) => `must include ${p.name}`,
  chart_does_not_fit: (p: P) => `a ${p.chart} chart does not fit a ${String(p.kind).toLowerCase()} measure`,
  not_primary_driver: () => 'must be a primary driver',
  // The commons
  not_a_version: (p: P) => `is not a version of this resource (1-${p.max})`,
  resource_hidden: () => 'is hidden by a moderator: it cannot be put on a shelf',
  // Attachments
  file_empty: () => 'is required: send one non-empty file in the "file" field',
  file_no_extension: (p: P) => `must have a file extension (${p.accepted})`,
  file_type_not_accepted: (p: P) => `of type .${p.extension} is not accepted (${p.accepted})`,
  file_bad_content: (p: P) => `is not a valid .${p.extension} file: its content is not a PDF, office document or image`,
  file_mismatch: (p: P) => `holds a ${p.type} file but its name ends in .${p.extension}`,
  file_too_large: (p: P) => `is larger than ${p.maxMb} MB`,
  upload_refused: () => 'was refused: send one file in the "file" field of well-formed form data',
  // Change ideas, PDSA cycles, decisions
  transition_not_allowed: (p: P) =>
    `cannot follow ${p.from}${p.allowed ? `; it may move to ${p.allowed}` : '; it is final'}`,
  idea_closed: (p: P) => `is ${String(p.status).toLowerCase()}: co-designers join ideas still in progress`,
  idea_not_testing: (p: P) => `is ${p.status}: PDSA cycles test ideas in TESTING (a decision moves it there)`,
  own_proposal: () => 'is your proposal: its proposer co-designs it throughout',
  do_before_study: () => 'must say what was done before the cycle is studied',
  end_required_when_studied: () => 'is required once the test is studied',
  study_before_act: () => 'must compare what happened with the prediction before the act',
  stage_must_be_act: () => 'must be ACT once the act is chosen',
  act_required: () => 'is required at the ACT stage',
  patient_voice_reason: () =>
    'is required: no patient partner or family member co-designs this idea or took a position on it',
  // Proposals
  closes_too_soon: (p: P) => `must be at least ${p.minutes} minutes from now`,
  closes_too_late: (p: P) => `must be at most ${p.days} days from now`,
  options_only_for_dots: () => 'are only for a choice among options',
  block_reason_required: () => 'is required: say why you block',
  not_an_option: () => 'is not an option of this proposal',
  too_many_dots: (p: P) => `must spread at most ${p.max} dots`,
  dots_not_position: () => 'is a choice among options: spread your dots instead',
  position_not_dots: () => 'asks for a position: agree, abstain, disagree or block',
  // Accounts
  not_right: () => 'is not right',
  link_invalid: () => 'is no longer valid: it was used already or is too old',
  same_address: () => 'is your address already',
  two_factor_code: () => 'must be the 6-digit code your app shows, or a recovery code',
  // Threads
  reply_to_reply: () => 'is a reply: replies go one level deep',
  deleted: () => 'was deleted',
  // Groups
  group_archived: () => 'is archived: an archived group is kept as it was',
  you_are_last_owner: () => "you are the group's last owner: make another member an owner, or archive the group, first",
  last_owner: () => "she is the group's last owner: make another member an owner, or archive the group, first",
  remove_yourself: () => 'is you: leave the group instead',
  // CSV import of monthly reports (each problem names its line and column)
  csv_not_a_site: (p: P) => `"${p.value}" is not a site of this network`,
  csv_not_your_site: (p: P) => `you may not report for ${p.site}`,
  csv_not_a_measure: (p: P) => `"${p.value}" is not a measure of this network`,
  csv_not_a_number: (p: P) => `"${p.value}" is not a number`,
  csv_repeats: (p: P) => `repeats line ${p.line} (same site, measure and month)`,
  csv_value_count: (p: P) => `has ${p.count} values; the header has ${p.expected}`,
  csv_missing_column: () => 'is missing from the header',
  csv_unknown_column: () => 'is not a known column',
  csv_no_rows: () => 'has no rows after the header',
  csv_too_many_rows: (p: P) => `has more than ${p.max} rows: split the file`,
  csv_not_csv: (p: P) => `is not valid CSV${p.detail ? ` (${p.detail})` : ''}`,
} satisfies Record<string, (params: P) => string>;

export type IssueCode = keyof typeof ISSUE_MESSAGES;
/** Every field-issue code: the client has a translation for each (a test checks). */
export const ISSUE_CODES = Object.keys(ISSUE_MESSAGES) as IssueCode[];

/** A problem without its field: what a rule across fields or a check on the server finds. */
export interface Problem {
  code: IssueCode;
  params?: IssueParams;
}

/** One field's problem: its path in the input ("input.title"), a stable code and its params, and an English sentence. */
export interface FieldIssue {
  field: string;
  code: IssueCode;
  params?: IssueParams;
  message: string;
}

/** The English sentence of an issue code with its params. */
export function issueMessage(code: IssueCode, params: IssueParams = {}): string {
  return (ISSUE_MESSAGES[code] ?? ISSUE_MESSAGES.invalid)(params);
}

/** A field issue with its English sentence. */
export function fieldIssue(field: string, code: IssueCode, params?: IssueParams): FieldIssue {
  return { field, code, ...(params ? { params } : {}), message: issueMessage(code, params) };
}

/**
 * What a zod refinement needs to raise `code` with `params`: `.refine(ok, rule('duplicate'))` or
 * `ctx.addIssue({ code: 'custom', path, ...rule('required') })`.
 */
export function rule(
  code: IssueCode,
  params: IssueParams = {},
): { params: { code: IssueCode } & IssueParams; message: string } {
  return { params: { ...params, code }, message: issueMessage(code, params) };
}

const FORMATS_OF_ZOD: Partial<Record<string, IssueFormat>> = {
  email: 'email',
  uuid: 'id',
  guid: 'id',
  date: 'date',
  datetime: 'datetime',
  url: 'url',
};
const TYPE_CODES: Partial<Record<string, IssueCode>> = {
  string: 'not_text',
  number: 'not_a_number',
  int: 'not_whole_number',
  boolean: 'not_boolean',
};

/** The code and params of one zod issue: refinements carry theirs (see `rule`), built-in checks map to the vocabulary. */
function codeOf(issue: z.core.$ZodIssue): { code: IssueCode; params?: IssueParams } {
  switch (issue.code) {
    case 'custom': {
      const { code, ...params } = (issue.params ?? {}) as { code?: IssueCode } & IssueParams;
      return code && code in ISSUE_MESSAGES
        ? { code, params: Object.keys(params).length ? params : undefined }
        : { code: 'invalid' };
    }
    case 'invalid_type':
      return {
        code: TYPE_CODES[issue.expected] ?? 'wrong_type',
        params: TYPE_CODES[issue.expected] ? undefined : { expected: issue.expected },
      };
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? { code: 'required' } : { code: 'too_short', params: { min } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'too_few', params: { min } };
      return { code: 'too_small', params: { min } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { code: 'too_long', params: { max } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'too_many', params: { max } };
      return { code: 'too_large', params: { max } };
    }
    case 'invalid_format': {
      const format = FORMATS_OF_ZOD[issue.format];
      return format ? { code: 'invalid_format', params: { format } } : { code: 'invalid' };
    }
    case 'invalid_value':
      return { code: 'not_one_of', params: { options: issue.values.map(String).join(', ') } };
    default:
      return { code: 'invalid' };
  }
}

/** Turns zod issues into field issues with codes; `prefix` is the argument name ("input"). */
export function fieldIssues(error: z.ZodError, prefix = ''): FieldIssue[] {
  return error.issues.map((issue) => {
    const { code, params } = codeOf(issue);
    return fieldIssue([prefix, ...issue.path.map(String)].filter(Boolean).join('.'), code, params);
  });
}
