import { LIVED_EXPERIENCE_ROLES, type Role, ROLES } from '../roles';

/** Where a change idea stands: proposed, being co-designed, tested at sites, or concluded. */
export const CHANGE_IDEA_STATUSES = ['PROPOSED', 'CO_DESIGN', 'TESTING', 'ADOPTED', 'ADAPTED', 'ABANDONED'] as const;
export type ChangeIdeaStatus = (typeof CHANGE_IDEA_STATUSES)[number];

/**
 * The moves a decision may make, from each status. The main path is PROPOSED → CO_DESIGN →
 * TESTING → ADOPTED | ADAPTED | ABANDONED; besides it, an idea may be abandoned before testing,
 * go back to co-design when a test shows it needs redesigning, have an adaptation tested again,
 * and an abandoned idea may be taken up again in co-design. ADOPTED is final.
 */
export const CHANGE_IDEA_TRANSITIONS: Readonly<Record<ChangeIdeaStatus, readonly ChangeIdeaStatus[]>> = {
  PROPOSED: ['CO_DESIGN', 'ABANDONED'],
  CO_DESIGN: ['TESTING', 'ABANDONED'],
  TESTING: ['ADOPTED', 'ADAPTED', 'ABANDONED', 'CO_DESIGN'],
  ADOPTED: [],
  ADAPTED: ['TESTING'],
  ABANDONED: ['CO_DESIGN'],
};

/** The statuses a decision may move an idea to from `status`. */
export function allowedTransitions(status: ChangeIdeaStatus): readonly ChangeIdeaStatus[] {
  return CHANGE_IDEA_TRANSITIONS[status];
}

/** True when a decision may move an idea from `from` to `to`. */
export function isAllowedTransition(from: ChangeIdeaStatus, to: ChangeIdeaStatus): boolean {
  return CHANGE_IDEA_TRANSITIONS[from].includes(to);
}

/** Statuses in which members still work on an idea (invite co-designers, test it). */
export const OPEN_CHANGE_IDEA_STATUSES: readonly ChangeIdeaStatus[] = ['PROPOSED', 'CO_DESIGN', 'TESTING'];

/** Whether an idea in `status` is still being worked on. */
export function isOpenChangeIdea(status: ChangeIdeaStatus): boolean {
  return OPEN_CHANGE_IDEA_STATUSES.includes(status);
}

/** The stages of a PDSA cycle, in order. */
export const PDSA_STAGES = ['PLAN', 'DO', 'STUDY', 'ACT'] as const;
export type PdsaStage = (typeof PDSA_STAGES)[number];

/** What a site decides at the end of a PDSA cycle. */
export const PDSA_ACTS = ['ADOPT', 'ADAPT', 'ABANDON'] as const;
export type PdsaAct = (typeof PDSA_ACTS)[number];

/** How many members of each role: every role, in ROLES order, zeros included. */
export interface RoleCount {
  role: Role;
  count: number;
}

/** Counts of `roles` per role, every role listed in ROLES order. */
export function roleCounts(roles: readonly Role[]): RoleCount[] {
  return ROLES.map((role) => ({ role, count: roles.filter((r) => r === role).length }));
}

/**
 * The groups endorsements and participation are shown in: patients, families, clinicians,
 * researchers, site teams (site leads) and network staff (network admins).
 */
export const PARTICIPANT_GROUPS = {
  PATIENTS: ['PATIENT_PARTNER'],
  FAMILIES: ['FAMILY_MEMBER'],
  CLINICIANS: ['CLINICIAN'],
  RESEARCHERS: ['RESEARCHER'],
  SITE_TEAMS: ['SITE_LEAD'],
  NETWORK_STAFF: ['NETWORK_ADMIN'],
} as const satisfies Record<string, readonly Role[]>;
export type ParticipantGroup = keyof typeof PARTICIPANT_GROUPS;

/** The group `role` is shown in. */
export function participantGroupOf(role: Role): ParticipantGroup {
  const entry = Object.entries(PARTICIPANT_GROUPS).find(([, roles]) => (roles as readonly Role[]).includes(role));
  return entry![0] as ParticipantGroup;
}

/** True when someone with lived experience (a patient partner or family member) is among `roles`. */
export function hasPatientOrFamilyVoice(roles: readonly Role[]): boolean {
  return roles.some((role) => LIVED_EXPERIENCE_ROLES.includes(role));
}
