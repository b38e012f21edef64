import { can } from '@commons/shared';
import type { CombinedError } from '@urql/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { type Viewer, type ViewerMembership, useViewer } from '../../auth/viewer';
import { graphql } from '../../gql';
import { describeError } from '../../graphql/errors';
import { useFormatDate } from '../../i18n/format';
import { actorOf } from '@commons/shared';
import { FormAlert, StatusMessage } from '../../ui/feedback';
import { SelectField } from '../../ui/field';
import { useForm } from '../../ui/use-form';

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

const RequestSiteDocument = graphql(`
  mutation RequestSite($networkId: ID!, $siteId: ID!) {
    requestSite(networkId: $networkId, siteId: $siteId) {
      id
      status
    }
  }
`);

const CancelSiteRequestDocument = graphql(`
  mutation CancelSiteRequest($networkId: ID!) {
    cancelSiteRequest(networkId: $networkId) {
      id
      status
    }
  }
`);

const FIELDS = ['siteId'] as const;

/**
 * The member's site in one network. Admins choose theirs; care teams see the one an admin set;
 * patients, families and researchers ask to join a site (its lead or an admin confirms) and may
 * leave theirs at any time.
 */
export function OwnSiteForm({ viewer, membership }: { viewer: Viewer; membership: ViewerMembership }) {
  const { t } = useTranslation();
  const actor = actorOf(viewer, membership);
  const network = membership.network;
  const site = membership.site?.name ?? t('common.noSite');

  if (can(actor, 'profile.requestSite')) return <SiteRequestForm membership={membership} />;
  if (!network.sites.some((s) => can(actor, 'profile.setOwnSite', { siteId: s.id }))) {
    return <p>{t('profile.site.setByAdmin', { network: network.name, site })}</p>;
  }
  return <ChooseSiteForm membership={membership} />;
}

/** Network admins: choose a site directly (they see every site in full anyway). */
function ChooseSiteForm({ membership }: { membership: ViewerMembership }) {
  const { t } = useTranslation();
  const { refresh } = useViewer();
  const form = useForm(FIELDS);
  const { errors } = form;
  const [siteId, setSiteId] = useState(membership.site?.id ?? '');
  const [saved, setSaved] = useState(false);
  const [{ fetching }, setMySite] = useMutation(SetMySiteDocument);
  const network = membership.network;

  async function submit() {
    setSaved(false);
    const result = await form.submit({ send: () => setMySite({ networkId: network.id, siteId: siteId || null }) });
    if (!result) return;
    setSaved(true);
    refresh();
  }

  return (
    <form {...form.formProps(submit)} className="own-site">
      <FormAlert messages={errors.form} />
      <SelectField
        label={t('profile.site.label', { network: network.name })}
        hint={t('profile.site.hint')}
        value={siteId}
        onChange={(e) => setSiteId(e.target.value)}
        options={[
          { value: '', label: t('common.noSite') },
          ...network.sites.map((s) => ({ value: s.id, label: s.name })),
        ]}
        error={errors.fields.siteId}
      />
      <button type="submit" className="button button--secondary" disabled={fetching}>
        {t('profile.site.save')}
      </button>
      <StatusMessage>{saved ? t('profile.site.saved') : null}</StatusMessage>
    </form>
  );
}

/** Patients, families and researchers: their site, the request waiting (or its answer), a way to ask and to leave. */
function SiteRequestForm({ membership }: { membership: ViewerMembership }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const { refresh } = useViewer();
  const network = membership.network;
  const current = membership.site;
  const request = membership.siteRequest;
  const waiting = request?.status === 'PENDING' ? request : null;
  const declined = request?.status === 'DECLINED' ? request : null;
  const choices = network.sites.filter((s) => s.id !== current?.id && s.id !== waiting?.siteId);
  const form = useForm(FIELDS);
  const { errors } = form;
  const [siteId, setSiteId] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [{ fetching: asking }, requestSite] = useMutation(RequestSiteDocument);
  const [{ fetching: withdrawing }, cancelRequest] = useMutation(CancelSiteRequestDocument);
  const [{ fetching: leaving }, setMySite] = useMutation(SetMySiteDocument);

  async function ask() {
    setStatus(null);
    const result = await form.submit({
      check: () => (siteId ? null : { fields: { siteId: t('profile.site.chooseFirst') }, form: [] }),
      send: () => requestSite({ networkId: network.id, siteId }),
    });
    if (!result) return;
    setSiteId('');
    setStatus(t('profile.site.asked', { site: network.sites.find((s) => s.id === siteId)?.name ?? '' }));
    refresh();
  }

  /** Withdrawing the request and leaving the site are single buttons: their problems are said above the form. */
  async function run(action: () => Promise<{ error?: CombinedError }>, done: string) {
    setStatus(null);
    const result = await form.submit({
      send: action,
      onError: (error) => ({ fields: {}, form: [describeError(error, t)] }),
    });
    if (!result) return;
    setStatus(done);
    refresh();
  }

  return (
    <div className="own-site">
      <p>
        {current
          ? t('profile.site.current', { network: network.name, site: current.name })
          : t('profile.site.none', { network: network.name })}
      </p>
      <FormAlert messages={errors.form} />
      {waiting && (
        <div className="notice site-request-status">
          <p>
            <span className="badge badge--pending">{t('profile.site.pendingBadge')}</span>{' '}
            {t('profile.site.pending', { site: waiting.siteName, date: formatDate(waiting.requestedAt) })}
          </p>
          <p className="small">{t('profile.site.pendingHint')}</p>
          <button
            type="button"
            className="button button--secondary"
            disabled={withdrawing}
            onClick={() =>
              void run(
                () => cancelRequest({ networkId: network.id }),
                t('profile.site.withdrawn', { site: waiting.siteName }),
              )
            }
          >
            {t('profile.site.withdraw')}
          </button>
        </div>
      )}
      {declined && (
        <div className="notice">
          <p>
            {t('profile.site.declined', {
              site: declined.siteName,
              name: declined.answeredBy?.name ?? t('notifications.someone'),
            })}
          </p>
          {declined.reason && <blockquote className="notification__detail">{declined.reason}</blockquote>}
        </div>
      )}
      {choices.length > 0 && (
        <form {...form.formProps(ask)}>
          <SelectField
            label={
              waiting
                ? t('profile.site.askOther', { network: network.name })
                : t('profile.site.ask', { network: network.name })
            }
            hint={t('profile.site.askHint')}
            value={siteId}
            onChange={(e) => setSiteId(e.target.value)}
            options={[
              { value: '', label: t('profile.site.choose') },
              ...choices.map((s) => ({ value: s.id, label: s.name })),
            ]}
            error={errors.fields.siteId}
          />
          <button type="submit" className="button button--secondary" disabled={asking}>
            {t('profile.site.askSubmit')}
          </button>
        </form>
      )}
      {current && (
        <p>
          <button
            type="button"
            className="button button--secondary"
            disabled={leaving}
            onClick={() =>
              void run(
                () => setMySite({ networkId: network.id, siteId: null }),
                t('profile.site.left', { site: current.name }),
              )
            }
          >
            {t('profile.site.leave', { site: current.name })}
          </button>
        </p>
      )}
      <StatusMessage>{status}</StatusMessage>
    </div>
  );
}
