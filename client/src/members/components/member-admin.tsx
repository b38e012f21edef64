import { fieldIssue, type Role, SITE_TEAM_ROLES } from '@commons/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import type { MemberSummaryFragment } from '../../gql/graphql';
import { describeError } from '../../graphql/errors';
import { useNetwork } from '../../networks/network-context';
import { Card } from '../../ui/card';
import { FormAlert, StatusMessage } from '../../ui/feedback';
import { SelectField } from '../../ui/field';
import { useRoleOptions } from '../roles';
import { useForm } from '../../ui/use-form';

const ChangeMemberRoleDocument = graphql(`
  mutation ChangeMemberRole($networkId: ID!, $userId: ID!, $role: Role!, $siteId: ID) {
    changeMemberRole(networkId: $networkId, userId: $userId, role: $role, siteId: $siteId) {
      ...MemberSummary
    }
  }
`);

const DeactivateMemberDocument = graphql(`
  mutation DeactivateMember($networkId: ID!, $userId: ID!) {
    deactivateMember(networkId: $networkId, userId: $userId) {
      ...MemberSummary
    }
  }
`);

const ReactivateMemberDocument = graphql(`
  mutation ReactivateMember($networkId: ID!, $userId: ID!) {
    reactivateMember(networkId: $networkId, userId: $userId) {
      ...MemberSummary
    }
  }
`);

const FIELDS = ['role', 'siteId'] as const;

/** Network admins: change a member's role and site, or take away and give back her access. */
export function MemberAdmin({ member }: { member: MemberSummaryFragment }) {
  const { t } = useTranslation();
  return (
    <Card title={t('members.admin.title')} className="member-admin">
      {member.viewerCanChangeRole && <ChangeRoleForm member={member} />}
      {member.viewerCanDeactivate && <AccessControl member={member} />}
    </Card>
  );
}

function ChangeRoleForm({ member }: { member: MemberSummaryFragment }) {
  const { t } = useTranslation();
  const { network } = useNetwork();
  const roleOptions = useRoleOptions();
  const form = useForm(FIELDS);
  const { errors } = form;
  const [role, setRole] = useState<Role>(member.role);
  const [siteId, setSiteId] = useState(member.site?.id ?? '');
  const [saved, setSaved] = useState(false);
  const [{ fetching }, change] = useMutation(ChangeMemberRoleDocument);

  async function submit() {
    setSaved(false);
    const result = await form.submit({
      check: () =>
        form.fromIssues(SITE_TEAM_ROLES.includes(role) && !siteId ? [fieldIssue('siteId', 'site_required')] : []),
      send: () => change({ networkId: network.id, userId: member.userId, role, siteId: siteId || null }),
    });
    if (result) setSaved(true);
  }

  return (
    <form {...form.formProps(submit)}>
      <h3>{t('members.admin.roleTitle')}</h3>
      <FormAlert messages={errors.form} />
      <SelectField
        label={t('members.admin.role')}
        value={role}
        onChange={(e) => setRole(e.target.value as Role)}
        options={roleOptions}
        error={errors.fields.role}
      />
      <SelectField
        label={t('members.admin.site')}
        value={siteId}
        onChange={(e) => setSiteId(e.target.value)}
        options={[
          { value: '', label: t('common.noSite') },
          ...network.sites.map((s) => ({ value: s.id, label: s.name })),
        ]}
        error={errors.fields.siteId}
        hint={t('members.admin.siteHint')}
      />
      <button type="submit" className="button" disabled={fetching}>
        {t('members.admin.saveRole')}
      </button>
      <StatusMessage>{saved ? t('members.admin.roleSaved', { name: member.name }) : null}</StatusMessage>
    </form>
  );
}

function AccessControl({ member }: { member: MemberSummaryFragment }) {
  const { t } = useTranslation();
  const { network } = useNetwork();
  const [confirming, setConfirming] = useState(false);
  const [messages, setMessages] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [deactivateState, deactivate] = useMutation(DeactivateMemberDocument);
  const [reactivateState, reactivate] = useMutation(ReactivateMemberDocument);
  const busy = deactivateState.fetching || reactivateState.fetching;
  const variables = { networkId: network.id, userId: member.userId };

  async function run(action: 'deactivate' | 'reactivate') {
    setMessages([]);
    const result = action === 'deactivate' ? await deactivate(variables) : await reactivate(variables);
    setConfirming(false);
    if (result.error) setMessages([describeError(result.error, t)]);
    else
      setDone(
        action === 'deactivate'
          ? t('members.admin.deactivated', { name: member.name })
          : t('members.admin.reactivated', { name: member.name }),
      );
  }

  return (
    <div className="member-admin__access">
      <h3>{t('members.admin.accessTitle')}</h3>
      <FormAlert messages={messages} />
      {member.active ? (
        confirming ? (
          <div role="group" aria-label={t('members.admin.confirmLabel')} className="confirm">
            <p>{t('members.admin.confirmDeactivate', { name: member.name })}</p>
            <button
              type="button"
              className="button button--danger"
              onClick={() => void run('deactivate')}
              disabled={busy}
            >
              {t('members.admin.confirmYes')}
            </button>{' '}
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        ) : (
          <>
            <p className="muted">{t('members.admin.deactivateHint')}</p>
            <button type="button" className="button button--danger-outline" onClick={() => setConfirming(true)}>
              {t('members.admin.deactivate')}
            </button>
          </>
        )
      ) : (
        <>
          <p className="muted">{t('members.admin.reactivateHint')}</p>
          <button type="button" className="button" onClick={() => void run('reactivate')} disabled={busy}>
            {t('members.admin.reactivate')}
          </button>
        </>
      )}
      <StatusMessage>{done}</StatusMessage>
    </div>
  );
}
