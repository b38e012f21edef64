import { isoDay } from '@commons/shared';
import type { IdeaRow } from './change-idea.select';
import type { ChangeIdea } from './models/change-idea.model';

/** A change idea row as the GraphQL ChangeIdea (home and search show ideas too). */
export function toChangeIdea(row: IdeaRow): ChangeIdea {
  return {
    id: row.id,
    networkId: row.networkId,
    title: row.title,
    problem: row.problem,
    idea: row.idea,
    status: row.status,
    version: row.version,
    nextDecisionOn: row.nextDecisionOn ? isoDay(row.nextDecisionOn) : null,
    statusChangedAt: row.statusChangedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    proposerId: row.proposerId,
  };
}
