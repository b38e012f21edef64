import { fieldIssue, invitationSchema, type Role, SITE_TEAM_ROLES } from '@commons/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import type { InviteMemberMutation } from '../../gql/graphql';
import { issuesToFormErrors } from '../../graphql/errors';
import { useNetwork } from '../../networks/network-context';
import { Card } from '../../ui/card';
import { FormAlert } from '../../ui/feedback';
import { SelectField, TextField } from '../../ui/field';
import { invitableRoles, invitableSites } from '../invitable';
import { useRoleOptions } from '../roles';
import { CreatedInvitationPanel } from './created-invitation';
import { useForm } from '../../ui/use-form';

const InviteMemberDocument = graphql(`
  mutation InviteMember($networkId: ID!, $input: InvitationInput!) {
    inviteMember(networkId: $networkId, input: $input) {
      link
      emailed
      invitation {
        id
        email
        role
        siteId
        siteName
        status
        createdAt
        expiresAt
        invitedByName
      }
    }
  }
`);

const FIELDS = ['email', 'role', 'siteId'] as const;

/** Invites one person with a role (and a site for care teams); shows the link to pass on. */
export function InviteForm() {
  const { t } = useTranslation();
  const { network, actor } = useNetwork();
  const siteIds = network.sites.map((s) => s.id);
  const roles = invitableRoles(actor, siteIds);
  const roleOptions = useRoleOptions(roles);
  const form = useForm(FIELDS);
  const { errors } = form;
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>(roles[0]);
  const allowedSites = invitableSites(actor, role, siteIds);
  const [siteId, setSiteId] = useState(actor.role === 'NETWORK_ADMIN' ? '' : (actor.siteId ?? ''));
  const [created, setCreated] = useState<InviteMemberMutation['inviteMember'] | null>(null);
  const [{ fetching }, invite] = useMutation(InviteMemberDocument);

  // Care-team roles belong to a site, so for them "no site" is a prompt to choose, not a choice.
  const needsSite = SITE_TEAM_ROLES.includes(role);
  const siteOptions = [
    ...(needsSite && allowedSites.length > 1 ? [{ value: '', label: t('invitations.form.chooseSite') }] : []),
    ...allowedSites
      .filter((id) => !(needsSite && id === null))
      .map((id) =>
        id === null
          ? { value: '', label: t('invitations.form.noSite') }
          : { value: id, label: network.sites.find((s) => s.id === id)?.name ?? id },
      ),
  ];

  async function submit() {
    const input = { email, role, siteId: siteId || null };
    const result = await form.submit({
      check: () =>
        form.validate(invitationSchema, input) ??
        (SITE_TEAM_ROLES.includes(role) && !siteId
          ? issuesToFormErrors([fieldIssue('input.siteId', 'site_required')], FIELDS, t)
          : null),
      send: () => invite({ networkId: network.id, input }),
    });
    if (!result?.data) return;
    setCreated(result.data.inviteMember);
    setEmail('');
  }

  return (
    <Card title={t('invitations.form.title')}>
      <form {...form.formProps(submit)}>
        <FormAlert messages={errors.form} />
        <TextField
          label={t('invitations.form.email')}
          type="email"
          name="email"
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.fields.email}
          required
        />
        <SelectField
          label={t('invitations.form.role')}
          name="role"
          value={role}
          onChange={(e) => {
            const next = e.target.value as Role;
            setRole(next);
            const sites = invitableSites(actor, next, siteIds);
            if (!sites.includes(siteId || null)) setSiteId(sites.find((s) => s !== null) ?? '');
          }}
          options={roleOptions}
          error={errors.fields.role}
        />
        <SelectField
          label={t('invitations.form.site')}
          name="siteId"
          value={siteId}
          onChange={(e) => setSiteId(e.target.value)}
          options={siteOptions}
          error={errors.fields.siteId}
          hint={needsSite ? t('invitations.form.siteRequiredHint') : t('invitations.form.siteHint')}
        />
        <button type="submit" className="button" disabled={fetching}>
          {fetching ? t('invitations.form.submitting') : t('invitations.form.submit')}
        </button>
      </form>
      {created && <CreatedInvitationPanel created={created} />}
    </Card>
  );
}
