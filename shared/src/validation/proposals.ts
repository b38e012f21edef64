import { z } from 'zod';
import { POSITIONS, PROPOSAL_KINDS, PROPOSAL_LIMITS } from '../codesign/proposals';
import { idSchema, safeString } from './common';
import { type Problem, rule } from './issues';

const text = (max: number) => safeString().trim().max(max);
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/**
 * A proposal opened in a thread: the question, optional details (Markdown), when it closes, and
 * for a DOT_VOTE its options (distinct labels) and how many dots each member may spread.
 */
export const proposalInputSchema = z
  .object({
    kind: z.enum(PROPOSAL_KINDS),
    question: text(PROPOSAL_LIMITS.questionMax).min(PROPOSAL_LIMITS.questionMin),
    details: text(PROPOSAL_LIMITS.detailsMax),
    closesAt: safeString().pipe(z.iso.datetime({ offset: true })),
    options: z.array(text(PROPOSAL_LIMITS.optionMax).min(1)).max(PROPOSAL_LIMITS.optionsMax),
    dotsPerMember: z.number().int().min(PROPOSAL_LIMITS.dotsMin).max(PROPOSAL_LIMITS.dotsMax).nullable(),
  })
  .superRefine((proposal, ctx) => {
    if (proposal.kind === 'DOT_VOTE') {
      if (proposal.options.length < PROPOSAL_LIMITS.optionsMin)
        ctx.addIssue({ code: 'custom', path: ['options'], ...rule('too_few', { min: PROPOSAL_LIMITS.optionsMin }) });
      const labels = proposal.options.map((o) => o.toLowerCase());
      if (new Set(labels).size !== labels.length)
        ctx.addIssue({ code: 'custom', path: ['options'], ...rule('duplicate') });
      if (proposal.dotsPerMember === null)
        ctx.addIssue({ code: 'custom', path: ['dotsPerMember'], ...rule('required') });
    } else if (proposal.options.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['options'], ...rule('options_only_for_dots') });
    }
  });
export type ProposalInputData = z.infer<typeof proposalInputSchema>;

/** The problem with a proposal closing at `closesAt` when opened at `now`, or null. */
export function closingTimeProblem(closesAt: Date, now: Date): Problem | null {
  if (closesAt.getTime() < now.getTime() + PROPOSAL_LIMITS.minOpenMinutes * MINUTE_MS)
    return { code: 'closes_too_soon', params: { minutes: PROPOSAL_LIMITS.minOpenMinutes } };
  if (closesAt.getTime() > now.getTime() + PROPOSAL_LIMITS.maxOpenDays * DAY_MS)
    return { code: 'closes_too_late', params: { days: PROPOSAL_LIMITS.maxOpenDays } };
  return null;
}

/** A member's position with its optional reason; a block must say why. */
export const positionInputSchema = z
  .object({
    position: z.enum(POSITIONS),
    reason: text(PROPOSAL_LIMITS.reasonMax),
  })
  .superRefine((input, ctx) => {
    if (input.position === 'BLOCK' && input.reason === '')
      ctx.addIssue({ code: 'custom', path: ['reason'], ...rule('block_reason_required') });
  });
export type PositionInputData = z.infer<typeof positionInputSchema>;

/** A member's dots, per option (an option at most once); an empty list takes her votes back. */
export const dotVotesSchema = z
  .array(
    z.object({
      optionId: idSchema,
      dots: z.number().int().min(0).max(PROPOSAL_LIMITS.dotsMax),
    }),
  )
  .max(PROPOSAL_LIMITS.optionsMax)
  .refine((votes) => new Set(votes.map((v) => v.optionId)).size === votes.length, rule('duplicate'));

/** What the proposer writes when the proposal closes: what the group concluded. */
export const proposalOutcomeSchema = z.object({
  outcome: text(PROPOSAL_LIMITS.outcomeMax).min(1),
});
