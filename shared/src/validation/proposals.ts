import { z } from 'zod';
import { POSITIONS, PROPOSAL_KINDS, PROPOSAL_LIMITS } from '../codesign/proposals';
import { idSchema, safeString } from './common';

const text = (max: number) => safeString().trim().max(max, { message: `must be at most ${max} characters` });
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/**
 * A proposal opened in a thread: the question, optional details (Markdown), when it closes, and
 * for a DOT_VOTE its options (distinct labels) and how many dots each member may spread.
 */
export const proposalInputSchema = z
  .object({
    kind: z.enum(PROPOSAL_KINDS, { message: `must be one of ${PROPOSAL_KINDS.join(', ')}` }),
    question: text(PROPOSAL_LIMITS.questionMax).min(PROPOSAL_LIMITS.questionMin, { message: `must be at least ${PROPOSAL_LIMITS.questionMin} characters` }),
    details: text(PROPOSAL_LIMITS.detailsMax),
    closesAt: safeString().pipe(z.iso.datetime({ offset: true, message: 'must be an ISO date-time' })),
    options: z.array(text(PROPOSAL_LIMITS.optionMax).min(1, { message: 'is required' })).max(PROPOSAL_LIMITS.optionsMax, { message: `must list at most ${PROPOSAL_LIMITS.optionsMax}` }),
    dotsPerMember: z
      .number({ message: 'must be a number' })
      .int({ message: 'must be a whole number' })
      .min(PROPOSAL_LIMITS.dotsMin, { message: `must be between ${PROPOSAL_LIMITS.dotsMin} and ${PROPOSAL_LIMITS.dotsMax}` })
      .max(PROPOSAL_LIMITS.dotsMax, { message: `must be between ${PROPOSAL_LIMITS.dotsMin} and ${PROPOSAL_LIMITS.dotsMax}` })
      .nullable(),
  })
  .superRefine((proposal, ctx) => {
    if (proposal.kind === 'DOT_VOTE') {
      if (proposal.options.length < PROPOSAL_LIMITS.optionsMin) ctx.addIssue({ code: 'custom', path: ['options'], message: `must list at least ${PROPOSAL_LIMITS.optionsMin} options` });
      const labels = proposal.options.map((o) => o.toLowerCase());
      if (new Set(labels).size !== labels.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'must not list the same one twice' });
      if (proposal.dotsPerMember === null) ctx.addIssue({ code: 'custom', path: ['dotsPerMember'], message: 'is required' });
    } else if (proposal.options.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'are only for a choice among options' });
    }
  });
export type ProposalInputData = z.infer<typeof proposalInputSchema>;

/** The problem with a proposal closing at `closesAt` when opened at `now`, or null. */
export function closingTimeProblem(closesAt: Date, now: Date): string | null {
  if (closesAt.getTime() < now.getTime() + PROPOSAL_LIMITS.minOpenMinutes * MINUTE_MS) return `must be at least ${PROPOSAL_LIMITS.minOpenMinutes} minutes from now`;
  if (closesAt.getTime() > now.getTime() + PROPOSAL_LIMITS.maxOpenDays * DAY_MS) return `must be at most ${PROPOSAL_LIMITS.maxOpenDays} days from now`;
  return null;
}

/** A member's position with its optional reason; a block must say why. */
export const positionInputSchema = z
  .object({
    position: z.enum(POSITIONS, { message: `must be one of ${POSITIONS.join(', ')}` }),
    reason: text(PROPOSAL_LIMITS.reasonMax),
  })
  .superRefine((input, ctx) => {
    if (input.position === 'BLOCK' && input.reason === '') ctx.addIssue({ code: 'custom', path: ['reason'], message: 'is required: say why you block' });
  });
export type PositionInputData = z.infer<typeof positionInputSchema>;

/** A member's dots, per option (an option at most once); an empty list takes her votes back. */
export const dotVotesSchema = z
  .array(
    z.object({
      optionId: idSchema,
      dots: z
        .number({ message: 'must be a number' })
        .int({ message: 'must be a whole number' })
        .min(0, { message: `must be between 0 and ${PROPOSAL_LIMITS.dotsMax}` })
        .max(PROPOSAL_LIMITS.dotsMax, { message: `must be between 0 and ${PROPOSAL_LIMITS.dotsMax}` }),
    }),
  )
  .max(PROPOSAL_LIMITS.optionsMax, { message: `must list at most ${PROPOSAL_LIMITS.optionsMax}` })
  .refine((votes) => new Set(votes.map((v) => v.optionId)).size === votes.length, { message: 'must not list the same one twice' });

/** What the proposer writes when the proposal closes: what the group concluded. */
export const proposalOutcomeSchema = z.object({
  outcome: text(PROPOSAL_LIMITS.outcomeMax).min(1, { message: 'is required' }),
});
