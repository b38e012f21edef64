import type { Prisma } from '../generated/prisma/client';

/** What the app reads of a PDSA cycle; home reads cycles with the same shape. */
export const CYCLE_SELECT = {
  id: true,
  networkId: true,
  ideaId: true,
  siteId: true,
  number: true,
  title: true,
  plan: true,
  prediction: true,
  doNotes: true,
  studyNotes: true,
  act: true,
  actNotes: true,
  stage: true,
  startOn: true,
  endOn: true,
  createdById: true,
  updatedById: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  measures: { select: { measureId: true } },
} as const;
export type CycleRow = Prisma.PdsaCycleGetPayload<{ select: typeof CYCLE_SELECT }>;
