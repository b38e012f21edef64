import { type ChangeIdeaStatus, changeIdeaDecisionSchema } from '@commons/shared';
import type { CombinedError } from '@urql/core';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { errorCode, errorReason, type FormErrors, NO_ERRORS } from '../../graphql/errors';
import { FormAlert, Loading, QueryError } from '../../ui/feedback';
import { SelectField, TextAreaField, TextField } from '../../ui/field';
import { useForm } from '../../ui/use-form';
import { type DecisionCandidate, decisionCandidates, participantsProblem, togetherPair } from '../decision-rule';
import { conflictState } from '../errors';
import { ParticipantsCheck, TogetherRule } from './together-rule';

const DecisionStewardsDocument = graphql(`
  query DecisionStewards($networkId: ID!) {
    siteLeads: members(networkId: $networkId, first: 100, filter: { role: SITE_LEAD }) {
      nodes {
        id
        userId
        name
        role
        site {
          id
          name
        }
      }
    }
    admins: members(networkId: $networkId, first: 100, filter: { role: NETWORK_ADMIN }) {
      nodes {
        id
        userId
        name
        role
        site {
          id
          name
        }
      }
    }
  }
`);

const ProposeDecisionDocument = graphql(`
  mutation ProposeDecision($ideaId: ID!, $input: ChangeIdeaDecisionInput!) {
    proposeDecision(ideaId: $ideaId, input: $input) {
      id
      ideaId
      status
      toStatus
    }
  }
`);

const FIELDS = [
  'toStatus',
  'decision',
  'rationale',
  'participantIds',
  'nextDecisionOn',
  'patientVoiceReason',
  'proposalId',
] as const;
type Field = (typeof FIELDS)[number];

export interface DecisionFormIdea {
  id: string;
  status: ChangeIdeaStatus;
  version: number;
  /** The statuses the lifecycle lets a decision move it to from where it is (the same for every viewer). */
  nextStatuses: readonly ChangeIdeaStatus[];
  coDesigners: readonly { status: string; role: DecisionCandidate['role']; member: { userId: string; name: string } }[];
  /** Moves that need a reason for going ahead without a patient or family voice. */
  movesNeedingPatientVoiceReason: readonly ChangeIdeaStatus[];
  /** Proposals in the idea's thread the decision may rest on. */
  proposals: readonly { id: string; question: string; open: boolean; hasUnresolvedBlock: boolean }[];
}

/** The member recording the decision, with her role and whether she proposed or co-designs the idea. */
export interface DecisionViewer {
  userId: string;
  name: string;
  role: DecisionCandidate['role'];
  coDesigner: boolean;
}

interface DecisionFormProps {
  idea: DecisionFormIdea;
  networkId: string;
  viewer: DecisionViewer;
  onDone: (toStatus: ChangeIdeaStatus | null) => void;
  /** The idea changed meanwhile: the page reloads it (the form keeps what was written). */
  onConflict: () => void;
}

/**
 * Proposes a decision moving the idea: only the moves the lifecycle allows from where it is, what
 * is decided and why, and who takes part, picked from its co-designers and the network's site
 * leads and admins; each of them then confirms before the idea moves. The shared together rule is
 * checked as people are ticked, so the member knows before sending whether the choice is enough.
 * A move to testing or adoption without a patient or family voice asks why; the decision may rest
 * on a proposal in the idea's thread.
 */
export function DecisionForm({ idea, networkId, viewer, onDone, onConflict }: DecisionFormProps) {
  const { t } = useTranslation();
  const form = useForm(FIELDS);
  const { errors } = form;
  const checkId = useId();
  const [{ data: stewardData, error: stewardError }, reloadStewards] = useQuery({
    query: DecisionStewardsDocument,
    variables: { networkId },
  });
  const [{ fetching }, propose] = useMutation(ProposeDecisionDocument);
  const moves = idea.nextStatuses;
  const [toStatus, setToStatus] = useState<ChangeIdeaStatus | ''>(moves.length === 1 ? moves[0] : '');
  const [decision, setDecision] = useState('');
  const [rationale, setRationale] = useState('');
  const [nextDecisionOn, setNextDecisionOn] = useState('');
  const [patientVoiceReason, setPatientVoiceReason] = useState('');
  const [proposalId, setProposalId] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [conflict, setConflict] = useState<string | null>(null);

  // After a reload following a conflict, a move that is no longer allowed is chosen again by the member.
  if (toStatus && !moves.includes(toStatus)) setToStatus('');

  const coDesigners = idea.coDesigners
    .filter((c) => c.status === 'ACTIVE')
    .map((c) => ({ userId: c.member.userId, name: c.member.name, role: c.role }));
  const stewardNodes = useMemo(
    () => [...(stewardData?.siteLeads.nodes ?? []), ...(stewardData?.admins.nodes ?? [])],
    [stewardData],
  );
  const candidates = decisionCandidates(viewer, coDesigners, stewardNodes);
  const siteOf = new Map(stewardNodes.map((m) => [m.userId, m.site?.name ?? null]));
  const problem = participantsProblem(viewer.userId, candidates, chosen);
  const pair = togetherPair(candidates, chosen);
  const participantIds = candidates.filter((c) => c.isViewer || chosen.has(c.userId)).map((c) => c.userId);
  const needsVoiceReason = toStatus !== '' && idea.movesNeedingPatientVoiceReason.includes(toStatus);

  const toggle = (userId: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(userId);
      else next.delete(userId);
      return next;
    });

  /** What the server refuses for a reason of its own; undefined leaves its field issues to the form. */
  function refusal(error: CombinedError): FormErrors<Field> | undefined {
    const code = errorCode(error);
    if (code === 'DECISION_PENDING') {
      // Someone proposed one meanwhile: the page shows it, to answer or to withdraw.
      onConflict();
      return { fields: {}, form: [t('errors.code.DECISION_PENDING')] };
    }
    if (code === 'PROPOSAL_BLOCKED') return { fields: { proposalId: t('errors.code.PROPOSAL_BLOCKED') }, form: [] };
    const stale = conflictState(error);
    if (stale) {
      setConflict(
        stale.status
          ? t('ideas.decide.conflictNow', { status: t(`ideas.status.${stale.status as ChangeIdeaStatus}`) })
          : t('errors.reason.idea_changed'),
      );
      onConflict();
      return NO_ERRORS;
    }
    const reason = errorReason(error);
    if (code === 'FORBIDDEN' && reason !== null && reason in QUORUM_KEYS)
      return {
        fields: { participantIds: t(`ideas.together.problem.${reason as keyof typeof QUORUM_KEYS}`) },
        form: [],
      };
    return undefined;
  }

  async function submit() {
    setConflict(null);
    const input = {
      expectedVersion: idea.version,
      toStatus,
      decision,
      rationale,
      participantIds,
      nextDecisionOn: nextDecisionOn || null,
      patientVoiceReason: needsVoiceReason ? patientVoiceReason : '',
      proposalId: proposalId || null,
    };
    // The shared schema and the shared together rule, both before sending: every problem at once.
    const check = () => {
      const invalid: FormErrors<Field> = form.validate(changeIdeaDecisionSchema, input) ?? { fields: {}, form: [] };
      if (toStatus === '') invalid.fields.toStatus = t('ideas.decide.chooseMove');
      if (problem) invalid.fields.participantIds ??= t(`ideas.together.problem.${problem}`);
      if (needsVoiceReason && patientVoiceReason.trim() === '')
        invalid.fields.patientVoiceReason ??= t('ideas.decide.voiceReasonRequired');
      return invalid;
    };
    const result = await form.submit({
      check,
      // The check refuses an empty move, so a move is chosen by the time this sends.
      send: () => propose({ ideaId: idea.id, input: { ...input, toStatus: toStatus as ChangeIdeaStatus } }),
      onError: refusal,
    });
    if (result?.data) onDone(result.data.proposeDecision.toStatus);
  }

  const participantError = errors.fields.participantIds;
  const candidateLabel = (c: DecisionCandidate) => {
    const parts = [t(`roles.${c.role}`)];
    const site = siteOf.get(c.userId);
    if (site) parts.push(site);
    if (c.coDesigner) parts.push(t('ideas.decide.coDesignerTag'));
    return parts.join(' · ');
  };
  const group = (title: string, people: DecisionCandidate[]) =>
    people.length > 0 && (
      <li className="participants__group">
        <p className="participants__group-title" aria-hidden="true">
          {title}
        </p>
        <ul className="participants__list" aria-label={title}>
          {people.map((c) => {
            const id = `${checkId}-${c.userId}`;
            return (
              <li key={c.userId} className="field field--checkbox">
                <input
                  id={id}
                  type="checkbox"
                  checked={c.isViewer || chosen.has(c.userId)}
                  disabled={c.isViewer}
                  onChange={(e) => toggle(c.userId, e.target.checked)}
                  aria-describedby={`${checkId} ${participantError ? `${checkId}-error` : ''}`.trim()}
                  aria-invalid={participantError && !c.isViewer ? true : undefined}
                />
                <label htmlFor={id}>
                  {c.isViewer ? t('ideas.decide.you', { name: c.name }) : c.name}{' '}
                  <span className="muted">· {candidateLabel(c)}</span>
                </label>
              </li>
            );
          })}
        </ul>
      </li>
    );

  return (
    <form {...form.formProps(submit)} className="decision-form" aria-label={t('ideas.decide.title')}>
      {conflict && (
        <div role="alert" className="notice notice--error">
          <p className="notice__title">{t('ideas.decide.conflictTitle')}</p>
          <p>{conflict}</p>
        </div>
      )}
      <FormAlert messages={errors.form} />
      <fieldset className="field move-choice">
        <legend className="field__label">{t('ideas.decide.move')}</legend>
        {moves.map((status) => {
          const id = `${checkId}-move-${status}`;
          return (
            <div key={status} className="field--radio">
              {/* eslint-disable-next-line jsx-a11y/role-supports-aria-props -- aria-invalid is global in ARIA 1.2 and screen readers announce it on radios; focusFirstInvalid() finds the control by it */}
              <input
                id={id}
                type="radio"
                name="toStatus"
                value={status}
                checked={toStatus === status}
                onChange={() => setToStatus(status)}
                aria-invalid={errors.fields.toStatus ? true : undefined}
                aria-describedby={`${id}-hint${errors.fields.toStatus ? ` ${checkId}-move-error` : ''}`}
              />
              <label htmlFor={id}>{t(`ideas.move.${status}`)}</label>
              <p id={`${id}-hint`} className="field__hint">
                {t(`ideas.moveHint.${status}`)}
              </p>
            </div>
          );
        })}
        {errors.fields.toStatus && (
          <p id={`${checkId}-move-error`} className="field__error">
            {errors.fields.toStatus}
          </p>
        )}
      </fieldset>
      <TextAreaField
        label={t('ideas.decide.decision')}
        hint={t('ideas.decide.decisionHint')}
        rows={3}
        {...form.field('decision', decision, setDecision)}
        required
      />
      <TextAreaField
        label={t('ideas.decide.rationale')}
        hint={t('ideas.decide.rationaleHint')}
        rows={4}
        {...form.field('rationale', rationale, setRationale)}
        required
      />
      <fieldset className="field participants">
        <legend className="field__label">{t('ideas.decide.participants')}</legend>
        <p className="field__hint">{t('ideas.decide.participantsHint')}</p>
        <TogetherRule />
        {stewardError && (
          <QueryError error={stewardError} onRetry={() => reloadStewards({ requestPolicy: 'network-only' })} />
        )}
        {!stewardData && !stewardError && <Loading />}
        <ul className="participants__groups">
          {group(
            t('ideas.decide.groupYou'),
            candidates.filter((c) => c.isViewer),
          )}
          {group(
            t('ideas.decide.groupCoDesigners'),
            candidates.filter((c) => !c.isViewer && c.coDesigner),
          )}
          {group(
            t('ideas.decide.groupStewards'),
            candidates.filter((c) => !c.isViewer && !c.coDesigner),
          )}
        </ul>
        <ParticipantsCheck id={checkId} problem={problem} pair={pair} />
        {participantError && (
          <p id={`${checkId}-error`} className="field__error">
            {participantError}
          </p>
        )}
      </fieldset>
      {needsVoiceReason && (
        <TextAreaField
          label={t('ideas.decide.voiceReason')}
          hint={t('ideas.decide.voiceReasonHint')}
          rows={3}
          {...form.field('patientVoiceReason', patientVoiceReason, setPatientVoiceReason)}
          required
        />
      )}
      {idea.proposals.length > 0 && (
        <SelectField
          label={t('ideas.decide.basis')}
          hint={t('ideas.decide.basisHint')}
          {...form.field('proposalId', proposalId, setProposalId)}
          options={[
            { value: '', label: t('ideas.decide.noBasis') },
            ...idea.proposals.map((p) => ({
              value: p.id,
              label: p.hasUnresolvedBlock ? t('ideas.decide.basisBlocked', { question: p.question }) : p.question,
            })),
          ]}
        />
      )}
      <TextField
        label={t('ideas.decide.nextDecisionOn')}
        hint={t('ideas.decide.nextDecisionOnHint')}
        type="date"
        className="field--short"
        {...form.field('nextDecisionOn', nextDecisionOn, setNextDecisionOn)}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={fetching}>
          {t('ideas.decide.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

const QUORUM_KEYS = {
  ACTOR_NOT_PARTICIPANT: 1,
  ACTOR_WITHOUT_STANDING: 1,
  NO_CO_DESIGNER: 1,
  NO_STEWARD: 1,
  NEEDS_TWO_PEOPLE: 1,
} as const;
