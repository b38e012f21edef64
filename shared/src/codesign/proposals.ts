import type { Role } from '../roles';

/**
 * The kinds of proposal opened in a thread. CONSENT: a question each member answers with a
 * position (agree, abstain, disagree, block). DOT_VOTE: a choice among options, each member
 * spreading a limited number of votes (dots) over them.
 */
export const PROPOSAL_KINDS = ['CONSENT', 'DOT_VOTE'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

/** A member's position on a CONSENT proposal. A block stops the group; it needs a reason. */
export const POSITIONS = ['AGREE', 'ABSTAIN', 'DISAGREE', 'BLOCK'] as const;
export type Position = (typeof POSITIONS)[number];

export const PROPOSAL_LIMITS = {
  questionMin: 3,
  questionMax: 300,
  detailsMax: 5000,
  reasonMax: 1000,
  outcomeMax: 5000,
  optionsMin: 2,
  optionsMax: 10,
  optionMax: 160,
  dotsMin: 1,
  dotsMax: 10,
  /** A proposal closes at least this long after it opens… */
  minOpenMinutes: 5,
  /** …and at most this many days after. */
  maxOpenDays: 60,
} as const;

/**
 * The voices a tally is shown by: patients and families together, clinicians, site teams (site
 * leads), researchers and network staff (network admins).
 */
export const VOICE_GROUPS = {
  PATIENTS_AND_FAMILIES: ['PATIENT_PARTNER', 'FAMILY_MEMBER'],
  CLINICIANS: ['CLINICIAN'],
  SITE_TEAMS: ['SITE_LEAD'],
  RESEARCHERS: ['RESEARCHER'],
  NETWORK_STAFF: ['NETWORK_ADMIN'],
} as const satisfies Record<string, readonly Role[]>;
export type VoiceGroup = keyof typeof VOICE_GROUPS;
export const VOICE_GROUP_NAMES = Object.keys(VOICE_GROUPS) as VoiceGroup[];

/** The voice group `role` is tallied in. */
export function voiceGroupOf(role: Role): VoiceGroup {
  return VOICE_GROUP_NAMES.find((group) => (VOICE_GROUPS[group] as readonly Role[]).includes(role))!;
}

/** How many members of one voice group took each position. */
export interface PositionCounts {
  group: VoiceGroup;
  agree: number;
  abstain: number;
  disagree: number;
  block: number;
}

/** Positions on a CONSENT proposal counted by voice group: every group, in VOICE_GROUPS order, zeros included. */
export function consentTally(positions: readonly { role: Role; position: Position }[]): PositionCounts[] {
  return VOICE_GROUP_NAMES.map((group) => {
    const mine = positions.filter((p) => voiceGroupOf(p.role) === group);
    const count = (position: Position) => mine.filter((p) => p.position === position).length;
    return {
      group,
      agree: count('AGREE'),
      abstain: count('ABSTAIN'),
      disagree: count('DISAGREE'),
      block: count('BLOCK'),
    };
  });
}

/** The dots one option received, in total and per voice group (every group, zeros included). */
export interface OptionDots {
  optionId: string;
  total: number;
  byGroup: { group: VoiceGroup; dots: number }[];
}

/** Dots on a DOT_VOTE proposal per option (in `optionIds` order) and voice group. */
export function dotTally(
  optionIds: readonly string[],
  votes: readonly { role: Role; optionId: string; dots: number }[],
): OptionDots[] {
  return optionIds.map((optionId) => {
    const mine = votes.filter((v) => v.optionId === optionId);
    const byGroup = VOICE_GROUP_NAMES.map((group) => ({
      group,
      dots: mine.filter((v) => voiceGroupOf(v.role) === group).reduce((sum, v) => sum + v.dots, 0),
    }));
    return { optionId, total: byGroup.reduce((sum, g) => sum + g.dots, 0), byGroup };
  });
}

/** True while someone's position on the proposal is BLOCK: a block is resolved only by its member changing it. */
export function hasUnresolvedBlock(positions: readonly { position: Position }[]): boolean {
  return positions.some((p) => p.position === 'BLOCK');
}

/** True while members may take or change positions: not closed early and before its closing time. */
export function isProposalOpen(proposal: { closesAt: Date; closedAt: Date | null }, now: Date): boolean {
  return proposal.closedAt === null && proposal.closesAt.getTime() > now.getTime();
}

/**
 * The problem with spreading `votes` (dots per option) under a limit of `dotsPerMember`, or null:
 * only the proposal's options, no more dots in all than the limit. No dots at all takes a
 * member's votes back.
 */
export function dotVoteProblem(
  votes: readonly { optionId: string; dots: number }[],
  optionIds: readonly string[],
  dotsPerMember: number,
): 'UNKNOWN_OPTION' | 'TOO_MANY_DOTS' | null {
  if (votes.some((v) => !optionIds.includes(v.optionId))) return 'UNKNOWN_OPTION';
  return votes.reduce((sum, v) => sum + v.dots, 0) > dotsPerMember ? 'TOO_MANY_DOTS' : null;
}
