import type { ChangeIdeaStatus } from '@commons/shared';
import { useTranslation } from 'react-i18next';
import { lifecycleSteps } from '../lifecycle-steps';

/**
 * Where the idea is on its way: proposed, co-designed, tested, then adopted, adapted or
 * abandoned. An ordered list, each step saying in words whether it is done, current or ahead.
 */
export function LifecycleStepper({
  status,
  reached,
}: {
  status: ChangeIdeaStatus;
  reached: readonly ChangeIdeaStatus[];
}) {
  const { t } = useTranslation();
  const steps = lifecycleSteps(status, reached);
  return (
    <ol className="stepper" aria-label={t('ideas.lifecycle.label')}>
      {steps.map((step, index) => (
        <li
          key={step.key}
          className={`stepper__step stepper__step--${step.state}`}
          aria-current={step.state === 'current' ? 'step' : undefined}
        >
          <span className="stepper__marker" aria-hidden="true">
            {step.state === 'done' ? '✓' : step.state === 'skipped' ? '–' : index + 1}
          </span>
          <span className="stepper__text">
            <span className="stepper__name">
              {step.key === 'OUTCOME'
                ? step.outcome
                  ? t(`ideas.status.${step.outcome}`)
                  : t('ideas.lifecycle.outcome')
                : t(`ideas.status.${step.key}`)}
            </span>
            <span className="stepper__state">{t(`ideas.lifecycle.state.${step.state}`)}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
