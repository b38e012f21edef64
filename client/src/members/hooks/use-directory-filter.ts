import { isRole, type Role } from '@commons/shared';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useSearchUpdate } from '../../app/hooks/use-search-update';
import type { DirectoryFilter } from '../../gql/graphql';

/** The directory's filters as they appear in the address bar, so a filtered list can be shared. */
export interface DirectoryParams {
  role: Role | '';
  site: string;
  interest: string;
  q: string;
  likeMe: boolean;
  deactivated: boolean;
}

const PARAM_NAMES: Record<keyof DirectoryParams, string> = {
  role: 'role',
  site: 'site',
  interest: 'interest',
  q: 'q',
  likeMe: 'likeMe',
  deactivated: 'deactivated',
};

/** Reads the directory filters from search parameters; unknown values are ignored. */
export function readDirectoryParams(params: URLSearchParams): DirectoryParams {
  const role = params.get(PARAM_NAMES.role) ?? '';
  return {
    role: isRole(role) ? role : '',
    site: params.get(PARAM_NAMES.site) ?? '',
    interest: params.get(PARAM_NAMES.interest) ?? '',
    q: params.get(PARAM_NAMES.q) ?? '',
    likeMe: params.get(PARAM_NAMES.likeMe) === '1',
    deactivated: params.get(PARAM_NAMES.deactivated) === '1',
  };
}

/** The API filter for a set of directory parameters. */
export function toDirectoryFilter(p: DirectoryParams): DirectoryFilter {
  return {
    role: p.role || null,
    siteId: p.site || null,
    interest: p.interest.trim() || null,
    search: p.q.trim() || null,
    likeMe: p.likeMe || null,
    includeDeactivated: p.deactivated || null,
  };
}

/** The directory filters of the current address, and a way to change some of them. */
export function useDirectoryFilter() {
  const [searchParams] = useSearchParams();
  const updateSearch = useSearchUpdate();
  const params = useMemo(() => readDirectoryParams(searchParams), [searchParams]);
  const update = useCallback(
    (changes: Partial<DirectoryParams>) => {
      updateSearch((next) => {
        for (const [key, value] of Object.entries(changes) as [
          keyof DirectoryParams,
          DirectoryParams[keyof DirectoryParams],
        ][]) {
          const name = PARAM_NAMES[key];
          if (value === '' || value === false) next.delete(name);
          else next.set(name, value === true ? '1' : String(value));
        }
        return next;
      });
    },
    [updateSearch],
  );
  return { params, update };
}
