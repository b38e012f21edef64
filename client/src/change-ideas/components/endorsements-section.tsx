import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import type { IdeaPageQuery } from '../../gql/graphql';
import { Card } from '../../ui/card';
import { FormAlert, StatusMessage } from '../../ui/feedback';
import { RoleDistribution } from './role-distribution';
import { toFormErrors } from '../../graphql/errors';

const EndorseChangeIdeaDocument = graphql(`
  mutation EndorseChangeIdea($ideaId: ID!, $endorsed: Boolean!) {
    endorseChangeIdea(ideaId: $ideaId, endorsed: $endorsed) {
      id
      endorsements {
        total
        viewerEndorsed
        byRole {
          role
          count
        }
      }
    }
  }
`);

type Endorsements = IdeaPageQuery['changeIdea']['endorsements'];

/** Who supports the idea, by role, and the viewer's own endorsement (one per member). */
export function EndorsementsSection({ ideaId, endorsements }: { ideaId: string; endorsements: Endorsements }) {
  const { t } = useTranslation();
  const [{ fetching }, endorse] = useMutation(EndorseChangeIdeaDocument);
  const [problem, setProblem] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState<string | null>(null);

  async function toggle() {
    const endorsed = !endorsements.viewerEndorsed;
    const result = await endorse({ ideaId, endorsed });
    if (result.error) {
      setProblem(toFormErrors(result.error, [], t).form);
      return;
    }
    setProblem([]);
    setAnnouncement(endorsed ? t('ideas.endorse.done') : t('ideas.endorse.withdrawn'));
  }

  return (
    <Card title={t('ideas.endorse.title')} className="idea-endorsements">
      <p className="big-number">
        <span className="big-number__value">{endorsements.total}</span>
        <span>{t('ideas.endorse.total', { count: endorsements.total })}</span>
      </p>
      <RoleDistribution byRole={endorsements.byRole} label={t('ideas.endorse.byRole')} unit="endorsements" />
      <FormAlert messages={problem} />
      <StatusMessage>{announcement}</StatusMessage>
      <button
        type="button"
        className={`button ${endorsements.viewerEndorsed ? 'button--secondary' : ''}`}
        onClick={() => void toggle()}
        disabled={fetching}
      >
        {endorsements.viewerEndorsed ? t('ideas.endorse.withdraw') : t('ideas.endorse.endorse')}
      </button>
      {endorsements.viewerEndorsed && <p className="muted small">{t('ideas.endorse.youEndorsed')}</p>}
    </Card>
  );
}
