import type { TFunction } from 'i18next';
import type { NotificationFieldsFragment } from '../gql/graphql';

type Facts = Pick<
  NotificationFieldsFragment,
  'kind' | 'subjectType' | 'title' | 'actorName' | 'fromStatus' | 'toStatus' | 'pdsaStage' | 'pdsaEvent'
>;

/**
 * One plain sentence saying what happened: who did what about which idea, group or discussion,
 * in the member's language. Missing names read as "someone" and "a change idea", never as blanks.
 */
export function notificationSentence(facts: Facts, t: TFunction): string {
  const actor = facts.actorName || t('notifications.someone');
  const subject = notificationSubject(facts, t);
  switch (facts.kind) {
    case 'GROUP_INVITE':
    case 'CO_DESIGN_INVITE':
    case 'MENTION':
    case 'REPLY':
    case 'SITE_REQUEST':
    case 'SITE_REQUEST_CONFIRMED':
    case 'SITE_REQUEST_DECLINED':
      return t(`notifications.sentence.${facts.kind}`, { actor, subject });
    case 'IDEA_DECISION':
      return facts.fromStatus && facts.toStatus
        ? t('notifications.sentence.IDEA_DECISION_MOVED', {
            subject,
            from: t(`notifications.ideaStatus.${facts.fromStatus}`),
            to: t(`notifications.ideaStatus.${facts.toStatus}`),
          })
        : t('notifications.sentence.IDEA_DECISION', { subject });
    case 'DECISION_AWAITING_CONFIRMATION':
    case 'DECISION_DECLINED':
      return facts.toStatus
        ? t(`notifications.sentence.${facts.kind}_MOVE`, {
            actor,
            subject,
            to: t(`notifications.ideaStatus.${facts.toStatus}`),
          })
        : t(`notifications.sentence.${facts.kind}`, { actor, subject });
    case 'PROPOSAL_OPENED':
      return t('notifications.sentence.PROPOSAL_OPENED', { actor, subject });
    case 'PDSA_AT_SITE':
      return facts.pdsaEvent === 'stageChanged' && facts.pdsaStage
        ? t('notifications.sentence.PDSA_STAGE', { subject, stage: t(`notifications.pdsaStage.${facts.pdsaStage}`) })
        : t('notifications.sentence.PDSA_CREATED', { subject });
  }
}

/** "the group “Diet”", "a change idea" when the name is unknown. A PDSA cycle's notice names its idea; a site request's, its site. */
function notificationSubject({ subjectType, title }: Facts, t: TFunction): string {
  const type = subjectType === 'PDSA_CYCLE' ? 'CHANGE_IDEA' : subjectType;
  return title ? t(`notifications.subject.${type}.named`, { title }) : t(`notifications.subject.${type}.unnamed`);
}

/** Where a notification leads inside the network `slug`, or null when it leads nowhere. */
export function notificationHref(slug: string, link: string): string | null {
  return link ? `/n/${slug}/${link.replace(/^\/+/, '')}` : null;
}
