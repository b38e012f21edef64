import { can } from '@commons/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { type Viewer, type ViewerMembership, useViewer } from '../../auth/viewer';
import { graphql } from '../../gql';
import { toFormErrors } from '../../graphql/errors';
import { actorOf } from '../../networks/network-context';
import { FormAlert, StatusMessage } from '../../ui/feedback';
import { SelectField } from '../../ui/field';

const SetMySiteDocument = graphql(`
  mutation SetMySite($networkId: ID!, $siteId: ID) {
    setMySite(networkId: $networkId, siteId: $siteId) {
      id
      site {
        id
        name
      }
    }
  }
`);

/** The member's site in one network: chosen by herself, or (care teams) shown as set by an admin. */
export function OwnSiteForm({ viewer, membership }: { viewer: Viewer; membership: ViewerMembership }) {
  const { t } = useTranslation();
  const { refresh } = useViewer();
  const [siteId, setSiteId] = useState(membership.site?.id ?? '');
  const [errors, setErrors] = useState<{ field?: string; form: string[] }>({ form: [] });
  const [saved, setSaved] = useState(false);
  const [{ fetching }, setMySite] = useMutation(SetMySiteDocument);
  const network = membership.network;

  if (!can(actorOf(viewer, membership), 'profile.setOwnSite')) {
    return (
      <p>
        {t('profile.site.setByAdmin', { network: network.name, site: membership.site?.name ?? t('common.noSite') })}
      </p>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const result = await setMySite({ networkId: network.id, siteId: siteId || null });
    if (result.error) {
      const found = toFormErrors(result.error, ['siteId'], t);
      setErrors({ field: found.fields.siteId, form: found.form });
      return;
    }
    setErrors({ form: [] });
    setSaved(true);
    refresh();
  }

  return (
    <form onSubmit={submit} noValidate className="own-site">
      <FormAlert messages={errors.form} />
      <SelectField
        label={t('profile.site.label', { network: network.name })}
        hint={t('profile.site.hint')}
        value={siteId}
        onChange={(e) => setSiteId(e.target.value)}
        options={[{ value: '', label: t('common.noSite') }, ...network.sites.map((s) => ({ value: s.id, label: s.name }))]}
        error={errors.field}
      />
      <button type="submit" className="button button--secondary" disabled={fetching}>
        {t('profile.site.save')}
      </button>
      <StatusMessage>{saved ? t('profile.site.saved') : null}</StatusMessage>
    </form>
  );
}
