import type { DecisionQuorumProblem } from '@commons/shared';
import { useTranslation } from 'react-i18next';
import type { DecisionCandidate } from '../decision-rule';

/** The together rule in plain words: who must take part in a decision. */
export function TogetherRule() {
  const { t } = useTranslation();
  return (
    <div className="together-rule">
      <p className="together-rule__title">{t('ideas.together.title')}</p>
      <p>{t('ideas.together.rule')}</p>
    </div>
  );
}

interface ParticipantsCheckProps {
  id?: string;
  problem: DecisionQuorumProblem | null;
  pair: { coDesigner: DecisionCandidate; steward: DecisionCandidate } | null;
}

/** Before sending: whether the people ticked are enough to decide, and if not, what is missing. Announced politely as it changes. */
export function ParticipantsCheck({ id, problem, pair }: ParticipantsCheckProps) {
  const { t } = useTranslation();
  return (
    <p
      id={id}
      role="status"
      className={`participants-check ${problem ? 'participants-check--missing' : 'participants-check--ok'}`}
    >
      {problem
        ? t(`ideas.together.problem.${problem}`)
        : pair &&
          t('ideas.together.enough', {
            coDesigner: pair.coDesigner.name,
            coDesignerRole: t(`roles.${pair.coDesigner.role}`),
            steward: pair.steward.name,
            stewardRole: t(`roles.${pair.steward.role}`),
          })}
    </p>
  );
}
