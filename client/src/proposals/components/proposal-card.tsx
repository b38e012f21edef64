import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProposalFieldsFragment } from '../../gql/graphql';
import { useFormatDateTime } from '../../i18n/format';
import { StatusMessage } from '../../ui/feedback';
import { DotVoteForm } from './dot-vote-form';
import { OutcomeForm } from './outcome-form';
import { PositionForm } from './position-form';
import { DotTallyTable, TallyTable } from './tally-table';

/**
 * One proposal: the question, until when it is open, its tally by voice group, who took which
 * position (or spread which dots) and why, the viewer's own answer, and for its proposer who has
 * not answered yet and the outcome she writes when it closes.
 */
export function ProposalCard({ proposal, onChanged }: { proposal: ProposalFieldsFragment; onChanged: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const formatDateTime = useFormatDateTime();
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const consent = proposal.kind === 'CONSENT';
  const optionLabel = new Map(proposal.options.map((o) => [o.id, o.label]));
  const saved = (text: string) => {
    setAnnouncement(text);
    onChanged();
  };

  return (
    <article
      id={`proposal-${proposal.id}`}
      className={`proposal ${proposal.open ? 'proposal--open' : 'proposal--closed'}`}
      aria-labelledby={headingId}
    >
      <h4 id={headingId} className="proposal__question">
        {proposal.question}
      </h4>
      <p className="muted small">
        {t(consent ? 'proposals.kind.CONSENT' : 'proposals.kind.DOT_VOTE')} ·{' '}
        {t('proposals.by', { name: proposal.proposer.name })} ·{' '}
        {proposal.open ? t('proposals.closesAt') : t('proposals.closedAt')}{' '}
        <time dateTime={proposal.closedAt ?? proposal.closesAt}>
          {formatDateTime(proposal.closedAt ?? proposal.closesAt)}
        </time>
      </p>
      {proposal.details && <p className="prose">{proposal.details}</p>}
      <StatusMessage>{announcement}</StatusMessage>
      {proposal.outcome && (
        <div className="proposal__outcome">
          <p className="notice__title">{t('proposals.outcome')}</p>
          <p className="prose">{proposal.outcome}</p>
        </div>
      )}
      {consent ? (
        <>
          <TallyTable
            tally={proposal.positionTally}
            caption={t('proposals.tally.caption', { count: proposal.voters })}
          />
          {proposal.hasUnresolvedBlock && <p className="notice notice--warning">{t('proposals.blockStands')}</p>}
          {proposal.positions.length > 0 && (
            <ul className="people proposal__positions" aria-label={t('proposals.positionsLabel')}>
              {proposal.positions.map((p) => (
                <li key={p.member.userId}>
                  {p.member.name} <span className="muted">· {t(`roles.${p.role}`)}</span>:{' '}
                  <strong>{t(`proposals.position.${p.position}`)}</strong>
                  {p.reason && <q className="decision-people__comment">{p.reason}</q>}
                </li>
              ))}
            </ul>
          )}
          {proposal.viewerCanTakePosition && (
            <PositionForm
              proposal={proposal}
              onSaved={(position) =>
                saved(t('proposals.positionSaved', { position: t(`proposals.position.${position}`) }))
              }
              onClosed={onChanged}
            />
          )}
        </>
      ) : (
        <>
          <DotTallyTable proposal={proposal} caption={t('proposals.tally.dotsCaption', { count: proposal.voters })} />
          {proposal.ballots.length > 0 && (
            <ul className="people proposal__positions" aria-label={t('proposals.ballotsLabel')}>
              {proposal.ballots.map((b) => (
                <li key={b.member.userId}>
                  {b.member.name} <span className="muted">· {t(`roles.${b.role}`)}</span>:{' '}
                  {b.votes
                    .map((v) => t('proposals.ballotItem', { count: v.dots, option: optionLabel.get(v.optionId) ?? '' }))
                    .join('; ')}
                </li>
              ))}
            </ul>
          )}
          {proposal.viewerCanTakePosition && (
            <DotVoteForm proposal={proposal} onSaved={() => saved(t('proposals.dotsSaved'))} onClosed={onChanged} />
          )}
        </>
      )}
      {proposal.notYetVoted && (
        <p className="proposal__missing">
          {proposal.notYetVoted.length === 0
            ? t('proposals.everyoneAnswered')
            : t('proposals.notYet', { names: proposal.notYetVoted.map((p) => p.name).join(', ') })}
        </p>
      )}
      {proposal.viewerCanClose && (
        <OutcomeForm proposal={proposal} onSaved={() => saved(t('proposals.outcomeSaved'))} />
      )}
    </article>
  );
}
