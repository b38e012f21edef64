import type { Prisma } from '../generated/prisma/client';

/** What the app reads of a change idea and its co-designers; home and search read ideas with the same shapes. */
export const IDEA_SELECT = {
  id: true,
  networkId: true,
  title: true,
  problem: true,
  idea: true,
  proposerId: true,
  status: true,
  nextDecisionOn: true,
  version: true,
  statusChangedAt: true,
  createdAt: true,
  updatedAt: true,
} as const;
export type IdeaRow = Prisma.ChangeIdeaGetPayload<{ select: typeof IDEA_SELECT }>;

export const CO_DESIGNER_SELECT = {
  id: true,
  ideaId: true,
  userId: true,
  role: true,
  status: true,
  invitedById: true,
  invitedAt: true,
  joinedAt: true,
  respondedAt: true,
} as const;
export type CoDesignerRow = Prisma.ChangeIdeaCoDesignerGetPayload<{ select: typeof CO_DESIGNER_SELECT }>;
