import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionFieldsFragment } from '../../gql/graphql';

/** What a decision says and why, the proposal it rests on and the reason it goes ahead without a patient voice; `children` adds more facts. */
export function DecisionFacts({ decision, children }: { decision: DecisionFieldsFragment; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <dl className="timeline__facts">
      <dt>{t('ideas.decisions.what')}</dt>
      <dd className="prose">{decision.decision}</dd>
      <dt>{t('ideas.decisions.why')}</dt>
      <dd className="prose">{decision.rationale}</dd>
      {decision.proposal && (
        <>
          <dt>{t('ideas.decisions.basis')}</dt>
          <dd>
            <a href={`#proposal-${decision.proposal.id}`}>{decision.proposal.question}</a>
          </dd>
        </>
      )}
      {decision.patientVoiceReason && (
        <>
          <dt>{t('ideas.decisions.voiceReason')}</dt>
          <dd className="prose">{decision.patientVoiceReason}</dd>
        </>
      )}
      {children}
    </dl>
  );
}
