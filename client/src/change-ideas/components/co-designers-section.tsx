import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import type { IdeaPageQuery } from '../../gql/graphql';
import { Card } from '../../ui/card';
import { FormAlert, StatusMessage } from '../../ui/feedback';
import { InviteCoDesigner } from './invite-co-designer';
import { RoleMix } from './role-mix';
import { toFormErrors } from '../../graphql/errors';

const LeaveCoDesignDocument = graphql(`
  mutation LeaveCoDesign($ideaId: ID!) {
    leaveCoDesign(ideaId: $ideaId) {
      id
      viewerCoDesignStatus
    }
  }
`);

type Idea = IdeaPageQuery['changeIdea'];

interface CoDesignersSectionProps {
  idea: Idea;
  networkId: string;
  viewerId: string;
  /** The idea is still being worked on, so co-designers may join. */
  open: boolean;
}

/** Who co-designs the idea, with their roles and the mix of roles, invitations waiting, and ways to invite or step back. */
export function CoDesignersSection({ idea, networkId, viewerId, open }: CoDesignersSectionProps) {
  const { t } = useTranslation();
  const [{ fetching }, leave] = useMutation(LeaveCoDesignDocument);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const active = idea.coDesigners.filter((c) => c.status === 'ACTIVE');
  const invited = idea.coDesigners.filter((c) => c.status === 'INVITED');
  const steppedBack = idea.coDesigners.filter((c) => c.status === 'LEFT' || c.status === 'DECLINED');
  const mayLeave = idea.viewerCoDesignStatus === 'ACTIVE' && idea.proposer.userId !== viewerId;

  async function stepBack() {
    const result = await leave({ ideaId: idea.id });
    setConfirming(false);
    if (result.error) {
      setProblem(toFormErrors(result.error, [], t).form);
      return;
    }
    setProblem([]);
    setAnnouncement(t('ideas.coDesign.left'));
  }

  return (
    <Card title={t('ideas.coDesign.title')} className="idea-co-designers">
      <RoleMix participation={idea.participation} noPatientOrFamilyVoice={idea.noPatientOrFamilyVoice} />
      <ul className="people people--list" aria-label={t('ideas.coDesign.listLabel')}>
        {active.map((c) => (
          <li key={c.id}>
            <span className="people__name">{c.member.name}</span>
            {c.member.userId === viewerId && <span className="muted"> ({t('ideas.coDesign.you')})</span>}
            <span className="muted"> · {t(`roles.${c.role}`)}</span>
            {c.isProposer && <span className="people__flag"> · {t('ideas.coDesign.proposer')}</span>}
          </li>
        ))}
      </ul>
      {invited.length > 0 && (
        <>
          <h3 className="small-heading">{t('ideas.coDesign.invitedTitle')}</h3>
          <ul className="people people--list">
            {invited.map((c) => (
              <li key={c.id}>
                <span className="people__name">{c.member.name}</span>
                <span className="muted"> · {t(`roles.${c.role}`)}</span>
                {c.invitedBy && (
                  <span className="muted small"> · {t('ideas.coDesign.invitedBy', { name: c.invitedBy.name })}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {steppedBack.length > 0 && (
        <details className="idea-details">
          <summary>{t('ideas.coDesign.steppedBack', { count: steppedBack.length })}</summary>
          <ul className="people people--list">
            {steppedBack.map((c) => (
              <li key={c.id}>
                {c.member.name}{' '}
                <span className="muted">
                  · {t(`roles.${c.role}`)} · {t(`ideas.coDesign.status.${c.status}`)}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
      <StatusMessage>{announcement}</StatusMessage>
      <FormAlert messages={problem} />
      {idea.viewerCanInvite && open && (
        <InviteCoDesigner
          ideaId={idea.id}
          networkId={networkId}
          viewerId={viewerId}
          taken={idea.coDesigners
            .filter((c) => c.status === 'ACTIVE' || c.status === 'INVITED')
            .map((c) => c.member.userId)}
        />
      )}
      {idea.viewerCanInvite && !open && <p className="muted small">{t('ideas.coDesign.closed')}</p>}
      {mayLeave &&
        (confirming ? (
          <div className="confirm" role="group" aria-label={t('ideas.coDesign.leaveConfirmLabel')}>
            <p>{t('ideas.coDesign.leaveConfirm')}</p>
            <div className="button-row">
              <button
                type="button"
                className="button button--danger"
                onClick={() => void stepBack()}
                disabled={fetching}
              >
                {t('ideas.coDesign.leaveYes')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="link-button link-button--danger" onClick={() => setConfirming(true)}>
            {t('ideas.coDesign.leave')}
          </button>
        ))}
    </Card>
  );
}
