import type { ChangeIdeaStatus } from '@commons/shared';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdeaPageQuery } from '../../gql/graphql';
import { StatusMessage } from '../../ui/feedback';
import { decisionMoves } from '../decision-rule';
import { DecisionForm, type DecisionFormIdea, type DecisionViewer } from './decision-form';
import { DecisionTimeline } from './decision-timeline';
import { TogetherRule } from './together-rule';

type Idea = IdeaPageQuery['changeIdea'];

interface DecisionsSectionProps {
  idea: Idea & DecisionFormIdea;
  networkId: string;
  viewer: DecisionViewer;
  onChanged: () => void;
}

/** The decisions taken on the idea as a timeline, and the form to record the next one together. */
export function DecisionsSection({ idea, networkId, viewer, onChanged }: DecisionsSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [recording, setRecording] = useState(false);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moves = decisionMoves(idea.status);

  const done = (toStatus: ChangeIdeaStatus | null) => {
    setRecording(false);
    if (!toStatus) return;
    setAnnouncement(t('ideas.decide.recorded', { status: t(`ideas.status.${toStatus}`) }));
    onChanged();
    headingRef.current?.focus();
  };

  return (
    <section className="panel idea-decisions" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('ideas.decisions.title')}
      </h2>
      <StatusMessage>{announcement}</StatusMessage>
      {moves.length === 0 ? (
        <p className="muted">{t('ideas.decisions.final')}</p>
      ) : idea.viewerCanRecordDecision ? (
        recording ? (
          <DecisionForm idea={idea} networkId={networkId} viewer={viewer} onDone={done} onConflict={onChanged} />
        ) : (
          <>
            <TogetherRule />
            <button
              type="button"
              className="button"
              onClick={() => {
                setAnnouncement(null);
                setRecording(true);
              }}
            >
              {t('ideas.decide.title')}
            </button>
          </>
        )
      ) : (
        <>
          <TogetherRule />
          <p className="muted small">{t('ideas.decisions.whoRecords')}</p>
        </>
      )}
      <DecisionTimeline decisions={idea.decisions} />
    </section>
  );
}
