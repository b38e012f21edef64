import { useTranslation } from 'react-i18next';
import type { DecisionFieldsFragment } from '../../gql/graphql';
import { useFormatDateTime } from '../../i18n/format';

type Participant = DecisionFieldsFragment['participants'][number];

/**
 * Everyone named in a decision with her answer: who confirmed, when, in which role and what she
 * said; who declined and why; who has not answered. `ended`: the decision no longer waits, so a
 * missing answer reads as "did not answer".
 */
export function DecisionParticipants({
  participants,
  ended,
  label,
}: {
  participants: readonly Participant[];
  ended: boolean;
  label: string;
}) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  return (
    <ul className="people decision-people" aria-label={label}>
      {participants.map((p) => (
        <li key={p.member.userId} className={`decision-people__item decision-people__item--${p.answer.toLowerCase()}`}>
          <span className="decision-people__name">{p.member.name}</span>{' '}
          <span className="muted">· {t(`roles.${p.role}`)}</span>
          {p.coDesigner && <span className="people__flag"> · {t('ideas.decisions.asCoDesigner')}</span>}
          <span className="decision-people__answer">
            {' · '}
            {p.answer === 'WAITING' ? (
              t(ended ? 'ideas.answer.noAnswer' : 'ideas.answer.WAITING')
            ) : p.answer === 'NAMED' ? (
              t('ideas.answer.NAMED')
            ) : (
              <>
                {t(`ideas.answer.${p.answer}`)}{' '}
                <time dateTime={p.answeredAt ?? undefined}>{p.answeredAt ? formatDateTime(p.answeredAt) : ''}</time>
              </>
            )}
          </span>
          {p.comment && <q className="decision-people__comment">{p.comment}</q>}
        </li>
      ))}
    </ul>
  );
}
