import { CHANGE_IDEA_STATUSES, type ChangeIdeaStatus, OPEN_CHANGE_IDEA_STATUSES } from '@commons/shared';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useSearchUpdate } from '../../app/hooks/use-search-update';

/** The status filter: every idea, the ones still being worked on, or one status. */
export type StatusFilter = '' | 'OPEN' | ChangeIdeaStatus;

/** The list's filters as they appear in the address bar (?status=TESTING&driver=…), so a filtered list can be shared. */
export interface IdeaFilter {
  status: StatusFilter;
  driver: string;
}

const isStatusFilter = (value: string): value is StatusFilter =>
  value === 'OPEN' || (CHANGE_IDEA_STATUSES as readonly string[]).includes(value);

/** Reads the filters from search parameters; unknown values are ignored. */
export function readIdeaFilter(params: URLSearchParams): IdeaFilter {
  const status = params.get('status') ?? '';
  return { status: isStatusFilter(status) ? status : '', driver: params.get('driver') ?? '' };
}

/** The statuses to ask the API for; null for every status. */
export function statusesOf(status: StatusFilter): ChangeIdeaStatus[] | null {
  if (status === '') return null;
  return status === 'OPEN' ? [...OPEN_CHANGE_IDEA_STATUSES] : [status];
}

/** The filters of the current address, and a way to change them. */
export function useIdeaFilter() {
  const [searchParams] = useSearchParams();
  const updateSearch = useSearchUpdate();
  const filter = useMemo(() => readIdeaFilter(searchParams), [searchParams]);
  const update = useCallback(
    (changes: Partial<IdeaFilter>) =>
      updateSearch((next) => {
        for (const [name, value] of Object.entries(changes)) {
          if (value) next.set(name, value);
          else next.delete(name);
        }
        return next;
      }),
    [updateSearch],
  );
  return { filter, update };
}
