import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { GroupPageFieldsFragment } from '../../gql/graphql';
import { useNetwork } from '../../networks/network-context';
import { FormAlert } from '../../ui/feedback';
import { ArchiveGroupDocument, JoinGroupDocument, LeaveGroupDocument } from '../documents';
import { useGroupMutation, useRespondToInvitation } from '../hooks/use-group-actions';
import type { GroupsPageState } from '../pages/groups-page';

interface Props {
  group: GroupPageFieldsFragment;
  onStatus: (message: string | null) => void;
}

/**
 * The member's place in the group and what she can do about it: answer her invitation, join,
 * leave; owners edit and archive. Leaving or declining an invite-only group returns to the list,
 * since the group is then out of her sight.
 */
export function GroupMembership({ group, onStatus }: Props) {
  const { t } = useTranslation();
  const { network } = useNetwork();
  const navigate = useNavigate();
  const [problems, setProblems] = useState<string[]>([]);
  const [confirming, setConfirming] = useState<'leave' | 'archive' | null>(null);
  const { respond, busy: responding } = useRespondToInvitation();
  const join = useGroupMutation(JoinGroupDocument);
  const leave = useGroupMutation(LeaveGroupDocument);
  const archive = useGroupMutation(ArchiveGroupDocument);
  const busy = responding || join.busy || leave.busy || archive.busy;
  const own = group.viewerMembership;
  const list = `/n/${network.slug}/groups`;

  async function run(action: () => Promise<string | null>, done: string, leavesSight = false) {
    setProblems([]);
    onStatus(null);
    const problem = await action();
    setConfirming(null);
    if (problem) return setProblems([problem]);
    if (leavesSight && group.visibility === 'INVITE_ONLY') {
      const state: GroupsPageState = { flash: done };
      void navigate(list, { state });
      return;
    }
    onStatus(done);
  }

  const variables = { groupId: group.id };
  return (
    <section className="panel group-membership" aria-labelledby="group-membership">
      <h2 id="group-membership" className="visually-hidden">
        {t('groups.membership.title')}
      </h2>
      <FormAlert messages={problems} />
      {own?.status === 'INVITED' ? (
        <>
          <p className="group-membership__place">
            {own.invitedBy
              ? t('groups.membership.invitedBy', { name: own.invitedBy.name })
              : t('groups.membership.invited')}
          </p>
          <p className="button-row">
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() =>
                void run(() => respond(group.id, true), t('groups.invitation.accepted', { name: group.name }))
              }
            >
              {t('groups.invitation.accept')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() =>
                void run(() => respond(group.id, false), t('groups.invitation.declined', { name: group.name }), true)
              }
            >
              {t('groups.invitation.decline')}
            </button>
          </p>
        </>
      ) : own ? (
        <>
          <p className="group-membership__place">
            {own.role === 'OWNER' ? t('groups.membership.owner') : t('groups.membership.member')}
          </p>
          {group.viewerCanLeave &&
            (confirming === 'leave' ? (
              <div role="group" aria-label={t('groups.membership.confirmLeaveLabel')} className="confirm">
                <p>{t('groups.membership.confirmLeave', { name: group.name })}</p>
                <p className="button-row">
                  <button
                    type="button"
                    className="button button--danger"
                    disabled={busy}
                    onClick={() =>
                      void run(() => leave.perform(variables), t('groups.membership.left', { name: group.name }), true)
                    }
                  >
                    {t('groups.membership.leaveYes')}
                  </button>
                  <button type="button" className="button button--secondary" onClick={() => setConfirming(null)}>
                    {t('common.cancel')}
                  </button>
                </p>
              </div>
            ) : (
              <button type="button" className="button button--secondary" onClick={() => setConfirming('leave')}>
                {t('groups.membership.leave')}
              </button>
            ))}
        </>
      ) : group.viewerCanJoin ? (
        <>
          <p className="group-membership__place">{t('groups.membership.notIn')}</p>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void run(() => join.perform(variables), t('groups.membership.joined', { name: group.name }))}
          >
            {t('groups.membership.join')}
          </button>
        </>
      ) : (
        <p className="group-membership__place">
          {group.archived ? t('groups.membership.archived') : t('groups.membership.adminView')}
        </p>
      )}
      {(group.viewerCanEdit || group.viewerCanArchive) && (
        <div className="group-membership__owner">
          <h3>{t('groups.owner.title')}</h3>
          <p className="button-row">
            {group.viewerCanEdit && (
              <Link to={`${list}/${group.id}/edit`} className="button button--secondary">
                {t('groups.owner.edit')}
              </Link>
            )}
            {group.viewerCanArchive && confirming !== 'archive' && (
              <button type="button" className="button button--danger-outline" onClick={() => setConfirming('archive')}>
                {t('groups.owner.archive')}
              </button>
            )}
          </p>
          {confirming === 'archive' && (
            <div role="group" aria-label={t('groups.owner.confirmArchiveLabel')} className="confirm">
              <p>{t('groups.owner.confirmArchive', { name: group.name })}</p>
              <p className="button-row">
                <button
                  type="button"
                  className="button button--danger"
                  disabled={busy}
                  onClick={() =>
                    void run(() => archive.perform(variables), t('groups.owner.archived', { name: group.name }))
                  }
                >
                  {t('groups.owner.archiveYes')}
                </button>
                <button type="button" className="button button--secondary" onClick={() => setConfirming(null)}>
                  {t('common.cancel')}
                </button>
              </p>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
