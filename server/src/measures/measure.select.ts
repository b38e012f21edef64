import type { Prisma } from '../generated/prisma/client';

/** The columns of a measure the app reads; other modules joining measures (a PDSA cycle's) use it too. */
export const MEASURE_SELECT = {
  id: true,
  networkId: true,
  key: true,
  name: true,
  definition: true,
  numeratorDefinition: true,
  denominatorDefinition: true,
  inclusions: true,
  exclusions: true,
  kind: true,
  direction: true,
  unit: true,
  target: true,
  defaultChart: true,
  position: true,
} as const;

export type MeasureRow = Prisma.MeasureGetPayload<{ select: typeof MEASURE_SELECT }>;
