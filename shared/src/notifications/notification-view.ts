import type { NotificationKind, NotificationSubjectType } from '../validation/notifications';

/** A stored notification as the list needs it: what it is about and what its change wrote in `payload`. */
export interface NotificationFacts {
  kind: NotificationKind;
  subjectType: NotificationSubjectType;
  subjectId: string;
  payload: unknown;
}

/** What a notification shows, ready to render. */
export interface NotificationView {
  /** The name of what it is about: the idea's title, the group's name. Empty when unknown. */
  title: string;
  /** Words a member wrote that the notice quotes (a decision, a PDSA cycle's title, a message excerpt), or null. */
  detail: string | null;
  /** Who caused it, as she was named then, or null. */
  actorName: string | null;
  /** Where it leads, relative to the network's pages (e.g. `ideas/<id>`); prefix with `/n/<slug>/`. */
  link: string;
}

/**
 * Thread subjects, mapped to the network page that shows each. MENTION and REPLY payloads name
 * the message's thread subject with `threadSubjectType` and `threadSubjectId` (and `messageId`).
 */
const THREAD_SUBJECT_PAGES: Record<string, string> = {
  CHANGE_IDEA: 'ideas',
  RESOURCE: 'commons',
  GROUP: 'groups',
  SITE: 'sites',
};

/** The payload field a change idea notice quotes, by kind. */
const CHANGE_IDEA_DETAIL: Partial<Record<NotificationKind, string>> = {
  IDEA_DECISION: 'decision',
  DECISION_AWAITING_CONFIRMATION: 'decision',
  DECISION_DECLINED: 'reason',
  PROPOSAL_OPENED: 'question',
};

const text = (payload: Record<string, unknown>, ...keys: string[]): string | null => {
  for (const key of keys) {
    const value = payload[key];
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number') return String(value);
  }
  return null;
};

/**
 * The title, quoted detail, actor and link of a notification, read from the payload written by
 * the change that caused it. Missing payload fields give an empty title or a null detail, never an error.
 */
export function notificationView(facts: NotificationFacts): NotificationView {
  const payload = facts.payload && typeof facts.payload === 'object' ? (facts.payload as Record<string, unknown>) : {};
  const actorName = text(payload, 'actorName');
  switch (facts.subjectType) {
    case 'CHANGE_IDEA': {
      const page = `ideas/${text(payload, 'ideaId') ?? facts.subjectId}`;
      const proposalId = text(payload, 'proposalId');
      return {
        title: text(payload, 'ideaTitle') ?? '',
        detail: CHANGE_IDEA_DETAIL[facts.kind] ? text(payload, CHANGE_IDEA_DETAIL[facts.kind]!) : null,
        actorName,
        link:
          facts.kind === 'DECISION_AWAITING_CONFIRMATION'
            ? `${page}#pending-decision`
            : facts.kind === 'PROPOSAL_OPENED' && proposalId
              ? `${page}#proposal-${proposalId}`
              : page,
      };
    }
    case 'PDSA_CYCLE': {
      const ideaId = text(payload, 'ideaId');
      return {
        title: text(payload, 'ideaTitle') ?? '',
        detail: text(payload, 'title'),
        actorName,
        link: ideaId ? `ideas/${ideaId}?cycle=${facts.subjectId}` : '',
      };
    }
    case 'GROUP':
      return {
        title: text(payload, 'groupName') ?? '',
        detail: null,
        actorName,
        link: `groups/${text(payload, 'groupId') ?? facts.subjectId}`,
      };
    case 'SITE_REQUEST':
      // The site's lead answers on the people page's list of requests; the member sees her site on the sites page.
      return {
        title: text(payload, 'siteName') ?? '',
        detail: facts.kind === 'SITE_REQUEST_DECLINED' ? text(payload, 'reason') : null,
        actorName,
        link: facts.kind === 'SITE_REQUEST' ? 'invitations#site-requests' : 'sites',
      };
    case 'MESSAGE': {
      const page = THREAD_SUBJECT_PAGES[text(payload, 'threadSubjectType') ?? ''];
      const subjectId = text(payload, 'threadSubjectId');
      const messageId = text(payload, 'messageId') ?? facts.subjectId;
      return {
        title: text(payload, 'subjectTitle', 'threadTitle') ?? '',
        detail: text(payload, 'excerpt'),
        actorName,
        link: page && subjectId ? `${page}/${subjectId}#message-${messageId}` : '',
      };
    }
  }
}
