import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSignedInViewer } from '../../auth/viewer';
import type { GroupPageFieldsFragment } from '../../gql/graphql';
import { useNetwork } from '../../networks/network-context';
import { FormAlert, StatusMessage } from '../../ui/feedback';
import { RemoveGroupMemberDocument, SetGroupMemberRoleDocument } from '../documents';
import { useGroupMutation } from '../hooks/use-group-actions';

type GroupMember = GroupPageFieldsFragment['members'][number];

/** Who is in the group, owners first, with their role in the network; owners manage roles and membership here. */
export function GroupMembers({ group }: { group: GroupPageFieldsFragment }) {
  const { t } = useTranslation();
  const viewer = useSignedInViewer();
  const { network } = useNetwork();
  const [status, setStatus] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const active = group.members.filter((m) => m.status === 'ACTIVE');
  const invited = group.members.filter((m) => m.status === 'INVITED');

  const report = (problem: string | null, done: string) => {
    setProblems(problem ? [problem] : []);
    setStatus(problem ? null : done);
  };

  return (
    <section className="group-section group-members" aria-labelledby="group-members">
      <h2 id="group-members">{t('groups.members.title', { count: active.length })}</h2>
      <FormAlert messages={problems} />
      <StatusMessage>{status}</StatusMessage>
      <ul className="member-list">
        {active.map((member) => (
          <MemberRow
            key={member.userId}
            group={group}
            member={member}
            networkSlug={network.slug}
            manage={member.userId !== viewer.id}
            onDone={report}
          />
        ))}
      </ul>
      {invited.length > 0 && (
        <>
          <h3>{t('groups.members.invitedTitle', { count: invited.length })}</h3>
          <ul className="member-list">
            {invited.map((member) => (
              <MemberRow
                key={member.userId}
                group={group}
                member={member}
                networkSlug={network.slug}
                manage={member.userId !== viewer.id}
                onDone={report}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

interface RowProps {
  group: GroupPageFieldsFragment;
  member: GroupMember;
  networkSlug: string;
  /** Whether she may act on this row at all (not on herself); what she may do is the group's viewer fields. */
  manage: boolean;
  onDone: (problem: string | null, done: string) => void;
}

function MemberRow({ group, member, networkSlug, manage, onDone }: RowProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const setRole = useGroupMutation(SetGroupMemberRoleDocument);
  const remove = useGroupMutation(RemoveGroupMemberDocument);
  const busy = setRole.busy || remove.busy;
  const invited = member.status === 'INVITED';
  const name = member.name;
  const mayRemove = manage && group.viewerCanRemoveMembers;
  const maySetRole = manage && !invited && group.viewerCanSetMemberRoles;
  const variables = { groupId: group.id, userId: member.userId };

  async function changeRole() {
    const role = member.role === 'OWNER' ? 'MEMBER' : 'OWNER';
    const problem = await setRole.perform({ ...variables, role });
    onDone(
      problem,
      role === 'OWNER' ? t('groups.members.madeOwner', { name }) : t('groups.members.madeMember', { name }),
    );
  }

  async function removeMember() {
    const problem = await remove.perform(variables);
    setConfirming(false);
    onDone(problem, invited ? t('groups.members.withdrawn', { name }) : t('groups.members.removed', { name }));
  }

  return (
    <li className="member-list__item">
      <p className="member-list__who">
        <Link to={`/n/${networkSlug}/members/${member.userId}`}>{name}</Link>
        <span className="muted small">{member.networkRole ? ` · ${t(`roles.${member.networkRole}`)}` : ''}</span>
        {!invited && member.role === 'OWNER' && <span className="badge">{t('groups.standing.OWNER')}</span>}
      </p>
      {(mayRemove || maySetRole) &&
        (confirming ? (
          <div role="group" aria-label={t('groups.members.confirmLabel')} className="confirm">
            <p>
              {invited ? t('groups.members.confirmWithdraw', { name }) : t('groups.members.confirmRemove', { name })}
            </p>
            <p className="button-row">
              <button
                type="button"
                className="button button--danger button--small"
                disabled={busy}
                onClick={() => void removeMember()}
              >
                {invited ? t('groups.members.withdrawYes') : t('groups.members.removeYes')}
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => setConfirming(false)}
              >
                {t('common.cancel')}
              </button>
            </p>
          </div>
        ) : (
          <p className="member-list__actions">
            {maySetRole && (
              <button type="button" className="link-button" disabled={busy} onClick={() => void changeRole()}>
                {member.role === 'OWNER' ? t('groups.members.makeMember') : t('groups.members.makeOwner')}
                <span className="visually-hidden">{`: ${name}`}</span>
              </button>
            )}
            {mayRemove && (
              <button type="button" className="link-button link-button--danger" onClick={() => setConfirming(true)}>
                {invited ? t('groups.members.withdraw') : t('groups.members.remove')}
                <span className="visually-hidden">{`: ${name}`}</span>
              </button>
            )}
          </p>
        ))}
    </li>
  );
}
