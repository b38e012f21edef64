/** Membership roles, in the order they are listed to members. */
export const ROLES = [
  'PATIENT_PARTNER',
  'FAMILY_MEMBER',
  'CLINICIAN',
  'RESEARCHER',
  'SITE_LEAD',
  'NETWORK_ADMIN',
] as const;

export type Role = (typeof ROLES)[number];

/** Roles whose members belong to a site's care team and act for that site. */
export const SITE_TEAM_ROLES: readonly Role[] = ['CLINICIAN', 'SITE_LEAD'];

/**
 * Roles whose members choose a site themselves: their choice is a request that the site's lead or
 * a network admin confirms, and until then nothing of that site's own data opens to them.
 */
export const SITE_REQUEST_ROLES: readonly Role[] = ['PATIENT_PARTNER', 'FAMILY_MEMBER', 'RESEARCHER'];

/** Roles that bring lived experience: patients and their families. */
export const LIVED_EXPERIENCE_ROLES: readonly Role[] = ['PATIENT_PARTNER', 'FAMILY_MEMBER'];

/** True when `value` names a role. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
