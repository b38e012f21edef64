import type { ChangeIdeaStatus } from '@commons/shared';
import { lazy, Suspense, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdeaPageQuery } from '../../gql/graphql';
import { Loading, StatusMessage } from '../../ui/feedback';
import type { DecisionFormIdea, DecisionViewer } from './decision-form';
import { DecisionTimeline } from './decision-timeline';
import { PendingDecision } from './pending-decision';
import { TogetherRule } from './together-rule';

// The form loads when a member starts recording a decision: most visits only read.
const DecisionForm = lazy(() => import('./decision-form').then((module) => ({ default: module.DecisionForm })));

type Idea = IdeaPageQuery['changeIdea'];

interface DecisionsSectionProps {
  idea: Idea & DecisionFormIdea;
  networkId: string;
  viewer: DecisionViewer;
  onChanged: () => void;
}

/**
 * The decision waiting for confirmations (one at a time), the form to propose the next one, and
 * every decision so far as a timeline: taken ones with who confirmed, ended ones with why.
 */
export function DecisionsSection({ idea, networkId, viewer, onChanged }: DecisionsSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [recording, setRecording] = useState(false);
  // `while`: what was said holds only while the idea stays where it was ("proposed, waiting"); null: it holds.
  const [announcement, setAnnouncement] = useState<{ text: string; while: ChangeIdeaStatus | null } | null>(null);
  const said =
    announcement && (announcement.while === null || announcement.while === idea.status) ? announcement.text : null;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moves = idea.nextStatuses;
  const pending = idea.pendingDecision;

  const done = (toStatus: ChangeIdeaStatus | null) => {
    setRecording(false);
    if (!toStatus) return;
    setAnnouncement({
      text: t('ideas.decide.recorded', { status: t(`ideas.status.${toStatus}`) }),
      while: idea.status,
    });
    onChanged();
    headingRef.current?.focus();
  };

  let next;
  if (pending) {
    next = (
      <PendingDecision
        decision={pending}
        viewerId={viewer.userId}
        onChanged={(text, holds) => {
          if (text) setAnnouncement({ text, while: holds === 'whileWaiting' ? idea.status : null });
          onChanged();
        }}
      />
    );
  } else if (moves.length === 0) {
    next = <p className="muted">{t('ideas.decisions.final')}</p>;
  } else if (idea.viewerCanRecordDecision) {
    next = recording ? (
      <Suspense fallback={<Loading />}>
        <DecisionForm idea={idea} networkId={networkId} viewer={viewer} onDone={done} onConflict={onChanged} />
      </Suspense>
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
    );
  } else {
    next = (
      <>
        <TogetherRule />
        <p className="muted small">{t('ideas.decisions.whoRecords')}</p>
      </>
    );
  }

  return (
    <section className="panel idea-decisions" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('ideas.decisions.title')}
      </h2>
      <StatusMessage>{said}</StatusMessage>
      {next}
      <DecisionTimeline decisions={idea.decisions.filter((d) => d.status !== 'PENDING')} />
    </section>
  );
}
