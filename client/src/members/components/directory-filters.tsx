import { can } from '@commons/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { useSignedInViewer } from '../../auth/viewer';
import { graphql } from '../../gql';
import { useNetwork } from '../../networks/network-context';
import { CheckboxField, SelectField, TextField } from '../../ui/field';
import type { DirectoryParams } from '../hooks/use-directory-filter';
import { useRoleOptions } from '../roles';

const DirectoryInterestsDocument = graphql(`
  query DirectoryInterests($networkId: ID!) {
    interests(networkId: $networkId, first: 60) {
      interest
      count
    }
  }
`);

const SEARCH_DELAY_MS = 300;

interface DirectoryFiltersProps {
  params: DirectoryParams;
  onChange: (changes: Partial<DirectoryParams>) => void;
}

/** Filters of the directory; each change applies at once (typing in the name after a pause). */
export function DirectoryFilters({ params, onChange }: DirectoryFiltersProps) {
  const { t } = useTranslation();
  const viewer = useSignedInViewer();
  const { network, actor } = useNetwork();
  const roleOptions = useRoleOptions();
  const [{ data }] = useQuery({ query: DirectoryInterestsDocument, variables: { networkId: network.id } });
  const [search, setSearch] = useState(params.q);

  const [searchedFor, setSearchedFor] = useState(params.q);
  if (params.q !== searchedFor) {
    setSearchedFor(params.q);
    setSearch(params.q);
  }
  useEffect(() => {
    if (search === params.q) return;
    const timer = setTimeout(() => onChange({ q: search }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, params.q, onChange]);

  const interests = data?.interests ?? [];
  const interestOptions = [
    { value: '', label: t('members.filters.allInterests') },
    ...(params.interest && !interests.some((i) => i.interest === params.interest)
      ? [{ value: params.interest, label: params.interest }]
      : []),
    ...interests.map((i) => ({
      value: i.interest,
      label: t('members.filters.interestCount', { interest: i.interest, count: i.count }),
    })),
  ];

  return (
    <form
      className="filters panel"
      role="search"
      aria-label={t('members.filters.label')}
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ q: search });
      }}
    >
      <TextField
        label={t('members.filters.name')}
        type="search"
        name="q"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        autoComplete="off"
      />
      <SelectField
        label={t('members.filters.role')}
        name="role"
        value={params.role}
        onChange={(e) => onChange({ role: e.target.value as DirectoryParams['role'] })}
        options={[{ value: '', label: t('members.filters.allRoles') }, ...roleOptions]}
      />
      <SelectField
        label={t('members.filters.site')}
        name="site"
        value={params.site}
        onChange={(e) => onChange({ site: e.target.value })}
        options={[
          { value: '', label: t('members.filters.allSites') },
          ...network.sites.map((s) => ({ value: s.id, label: s.name })),
        ]}
      />
      <SelectField
        label={t('members.filters.interest')}
        name="interest"
        value={params.interest}
        onChange={(e) => onChange({ interest: e.target.value })}
        options={interestOptions}
      />
      <div className="filters__toggles">
        <CheckboxField
          label={t('members.filters.likeMe')}
          name="likeMe"
          checked={params.likeMe}
          onChange={(e) => onChange({ likeMe: e.target.checked })}
          hint={viewer.interests.length === 0 ? t('members.filters.likeMeNoInterests') : undefined}
        />
        {can(actor, 'member.listDeactivated') && (
          <CheckboxField
            label={t('members.filters.deactivated')}
            name="deactivated"
            checked={params.deactivated}
            onChange={(e) => onChange({ deactivated: e.target.checked })}
          />
        )}
      </div>
    </form>
  );
}
