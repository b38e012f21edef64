import { isOpenChangeIdea, SERVER_EVENTS } from '@commons/shared';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useSignedInViewer } from '../../auth/viewer';
import { graphql } from '../../gql';
import type { IdeaPageQuery } from '../../gql/graphql';
import { errorCode } from '../../graphql/errors';
import { useFormatDate, useFormatDay } from '../../i18n/format';
import { useNetwork } from '../../networks/network-context';
import { useServerEvent } from '../../realtime/realtime-provider';
import { Loading, QueryError, StatusMessage } from '../../ui/feedback';
import { PageHeading } from '../../ui/page-heading';
import { standingOf } from '../access';
import { CoDesignersSection } from '../components/co-designers-section';
import { DecisionsSection } from '../components/decisions-section';
import { EndorsementsSection } from '../components/endorsements-section';
import { IdeaDiscussion } from '../components/idea-discussion';
import { IdeaForm } from '../components/idea-form';
import { InvitationAnswer } from '../components/invitation-answer';
import { LifecycleStepper } from '../components/lifecycle-stepper';
import { PatientVoiceNotice } from '../components/patient-voice-notice';
import { PdsaSection } from '../components/pdsa-section';
import { StatusBadge } from '../components/status-badge';
import { Later } from '../../ui/later';
import { useDriverOptions } from '../hooks/use-driver-options';
import { statusesReached } from '../lifecycle-steps';
import '../change-ideas.css';

const IdeaPageDocument = graphql(`
  query IdeaPage($id: ID!, $networkId: ID!) {
    changeIdea(id: $id) {
      id
      networkId
      title
      problem
      problemHtml
      idea
      ideaHtml
      status
      version
      createdAt
      updatedAt
      statusChangedAt
      nextDecisionOn
      proposer {
        userId
        name
      }
      drivers {
        id
        title
        kind
      }
      viewerCanEdit
      viewerCanInvite
      viewerCanRecordDecision
      nextStatuses
      viewerCoDesignStatus
      noPatientOrFamilyVoice
      participation {
        role
        count
      }
      coDesigners {
        id
        status
        role
        isProposer
        invitedAt
        joinedAt
        member {
          userId
          name
        }
        invitedBy {
          userId
          name
        }
      }
      endorsements {
        total
        viewerEndorsed
        byRole {
          role
          count
        }
      }
      decisions {
        ...DecisionFields
      }
      pendingDecision {
        ...DecisionFields
      }
      movesNeedingPatientVoiceReason
      proposals {
        id
        question
        open
        hasUnresolvedBlock
      }
      pdsaCycles {
        ...PdsaCycleFields
      }
    }
    measures(networkId: $networkId) {
      id
      name
    }
  }
`);

// Mutations answer with a change idea, a cycle or an endorsement: each of them changes this page.
const IDEA_CONTEXT = {
  additionalTypenames: ['ChangeIdea', 'PdsaCycle', 'CoDesigner', 'ChangeIdeaDecision', 'Proposal'],
};

type Idea = IdeaPageQuery['changeIdea'];

/**
 * One change idea: the problem and the idea, its place in the lifecycle, the decisions taken on
 * it and who took part, its co-designers and endorsements by role, its PDSA cycles per site, and
 * its discussion.
 */
export function IdeaPage() {
  const { t } = useTranslation();
  const { ideaId = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { network } = useNetwork();
  const [proposal] = useState(() => ({
    ideaId,
    proposed: Boolean((location.state as { proposed?: string } | null)?.proposed),
  }));
  // Others decide, join and endorse all the time: show what is cached at once, then what is current.
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: IdeaPageDocument,
    variables: { id: ideaId, networkId: network.id },
    context: IDEA_CONTEXT,
    requestPolicy: 'cache-and-network',
  });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  // A decision recorded by someone else is announced in the idea's thread: show it without a reload.
  useServerEvent(SERVER_EVENTS.ideaChanged, (changed) => {
    if (changed.ideaId === ideaId) reload();
  });
  // A proposal in its thread changed: what a decision may rest on, and the patient voice, may have too.
  useServerEvent(SERVER_EVENTS.proposalChanged, () => reload());
  const list = `/n/${network.slug}/ideas`;
  // "Your idea is proposed" is said once: reloading the page later does not say it again.
  useEffect(() => {
    if (location.state) void navigate(location.pathname, { replace: true, state: null });
  }, [location.state, location.pathname, navigate]);
  const back = (
    <p className="breadcrumb">
      <Link to={list}>{t('ideas.backToList')}</Link>
    </p>
  );

  if (!data || data.changeIdea.id !== ideaId) {
    const missing = errorCode(error) === 'NOT_FOUND' || errorCode(error) === 'BAD_USER_INPUT';
    return (
      <>
        {back}
        <PageHeading>{missing ? t('ideas.notFound') : t('ideas.list.title')}</PageHeading>
        {missing && <p>{t('ideas.notFoundBody')}</p>}
        {!missing && fetching && <Loading />}
        {error && !missing && <QueryError error={error} onRetry={reload} />}
      </>
    );
  }

  return (
    <>
      {back}
      <IdeaView
        key={ideaId}
        idea={data.changeIdea}
        measures={data.measures}
        proposed={proposal.proposed && proposal.ideaId === ideaId}
        onChanged={reload}
      />
    </>
  );
}

function IdeaView({
  idea,
  measures,
  proposed,
  onChanged,
}: {
  idea: Idea;
  measures: IdeaPageQuery['measures'];
  proposed: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const viewer = useSignedInViewer();
  const { network, actor } = useNetwork();
  const formatDate = useFormatDate();
  const formatDay = useFormatDay();
  const ideaHeadingId = useId();
  const [editing, setEditing] = useState(false);
  const [announcement, setAnnouncement] = useState<string | null>(proposed ? t('ideas.propose.done') : null);
  const { drivers } = useDriverOptions(network.id);
  const standing = standingOf(actor, idea);
  const invitation =
    idea.viewerCoDesignStatus === 'INVITED'
      ? idea.coDesigners.find((c) => c.member.userId === viewer.id && c.status === 'INVITED')
      : undefined;

  return (
    <>
      <PageHeading>{idea.title}</PageHeading>
      <p className="idea-meta">
        <StatusBadge status={idea.status} />{' '}
        <span className="muted">
          {t('ideas.page.proposedBy', { name: idea.proposer.name, date: formatDate(idea.createdAt) })}
          {idea.nextDecisionOn && ` · ${t('ideas.page.nextDecision', { date: formatDay(idea.nextDecisionOn) })}`}
        </span>
      </p>
      <StatusMessage>{announcement}</StatusMessage>
      {invitation && (
        <InvitationAnswer
          ideaId={idea.id}
          invitedBy={invitation.invitedBy?.name ?? null}
          onAnswered={(accepted) => {
            setAnnouncement(accepted ? t('ideas.invitation.accepted') : t('ideas.invitation.declined'));
            onChanged();
          }}
        />
      )}
      <PatientVoiceNotice decisions={idea.decisions} status={idea.status} />
      <LifecycleStepper
        status={idea.status}
        reached={statusesReached(idea.decisions.filter((d) => d.status === 'TAKEN'))}
      />

      <div className="idea-layout">
        <div className="idea-layout__main">
          <section className="panel idea-text" aria-labelledby={ideaHeadingId}>
            <h2 id={ideaHeadingId} className="visually-hidden">
              {t('ideas.page.textTitle')}
            </h2>
            {editing ? (
              <IdeaForm
                networkId={network.id}
                drivers={drivers}
                editing={{
                  ideaId: idea.id,
                  version: idea.version,
                  values: {
                    title: idea.title,
                    problem: idea.problem,
                    idea: idea.idea,
                    driverIds: idea.drivers.map((d) => d.id),
                    nextDecisionOn: idea.nextDecisionOn ?? '',
                  },
                }}
                onConflict={onChanged}
                onDone={(saved) => {
                  setEditing(false);
                  if (saved) {
                    setAnnouncement(t('ideas.page.saved'));
                    onChanged();
                  }
                }}
              />
            ) : (
              <>
                <h3>{t('ideas.page.problem')}</h3>
                <div className="markdown" dangerouslySetInnerHTML={{ __html: idea.problemHtml }} />
                <h3>{t('ideas.page.idea')}</h3>
                <div className="markdown" dangerouslySetInnerHTML={{ __html: idea.ideaHtml }} />
                <h3>{t('ideas.page.drivers')}</h3>
                {idea.drivers.length === 0 ? (
                  <p className="muted">{t('ideas.page.noDrivers')}</p>
                ) : (
                  <ul className="idea-drivers">
                    {idea.drivers.map((driver) => (
                      <li key={driver.id}>
                        <Link to={`/n/${network.slug}/aim#driver-${driver.id}`}>{driver.title}</Link>
                        <span className="muted small"> · {t(`ideas.drivers.kind.${driver.kind}`)}</span>
                      </li>
                    ))}
                  </ul>
                )}
                {idea.viewerCanEdit && (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => {
                      setAnnouncement(null);
                      setEditing(true);
                    }}
                  >
                    {t('ideas.page.edit')}
                  </button>
                )}
              </>
            )}
          </section>
          {/* Below the idea itself: drawn just after it (see Later). */}
          <Later>
            <DecisionsSection
              idea={idea}
              networkId={network.id}
              viewer={{
                userId: viewer.id,
                name: viewer.name,
                role: actor.role,
                coDesigner: standing.isProposer || standing.isCoDesigner,
              }}
              onChanged={onChanged}
            />
            <PdsaSection
              ideaId={idea.id}
              status={idea.status}
              cycles={idea.pdsaCycles}
              sites={network.sites}
              measures={measures}
              networkSlug={network.slug}
              actor={actor}
              standing={standing}
              onChanged={onChanged}
            />
            <IdeaDiscussion ideaId={idea.id} />
          </Later>
        </div>
        <div className="idea-layout__side">
          <Later>
            <CoDesignersSection
              idea={idea}
              networkId={network.id}
              viewerId={viewer.id}
              open={isOpenChangeIdea(idea.status)}
            />
            <EndorsementsSection ideaId={idea.id} endorsements={idea.endorsements} />
          </Later>
        </div>
      </div>
    </>
  );
}
