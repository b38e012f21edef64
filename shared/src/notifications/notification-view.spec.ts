import { describe, expect, it } from 'vitest';
import { notificationView } from './notification-view';

const SUBJECT = 'c0a80101-0000-4000-8000-000000000001';
const IDEA = 'c0a80101-0000-4000-8000-000000000002';

describe('notificationView', () => {
  it.each([
    [
      'a decision on an idea',
      {
        kind: 'IDEA_DECISION',
        subjectType: 'CHANGE_IDEA',
        payload: { ideaId: SUBJECT, ideaTitle: 'Lab texts', decision: 'Test it at two sites', actorName: 'Sofia' },
      },
      { title: 'Lab texts', detail: 'Test it at two sites', actorName: 'Sofia', link: `ideas/${SUBJECT}` },
    ],
    [
      'a decision waiting for her confirmation',
      {
        kind: 'DECISION_AWAITING_CONFIRMATION',
        subjectType: 'CHANGE_IDEA',
        payload: { ideaId: SUBJECT, ideaTitle: 'Lab texts', decision: 'Test it', actorName: 'Aisha' },
      },
      { title: 'Lab texts', detail: 'Test it', actorName: 'Aisha', link: `ideas/${SUBJECT}#pending-decision` },
    ],
    [
      'a decision declined',
      {
        kind: 'DECISION_DECLINED',
        subjectType: 'CHANGE_IDEA',
        payload: { ideaId: SUBJECT, ideaTitle: 'Lab texts', reason: 'Not yet', actorName: 'Elin' },
      },
      { title: 'Lab texts', detail: 'Not yet', actorName: 'Elin', link: `ideas/${SUBJECT}` },
    ],
    [
      'a proposal opened',
      {
        kind: 'PROPOSAL_OPENED',
        subjectType: 'CHANGE_IDEA',
        payload: {
          ideaId: SUBJECT,
          ideaTitle: 'Lab texts',
          proposalId: IDEA,
          question: 'Test in May?',
          actorName: 'Aisha',
        },
      },
      { title: 'Lab texts', detail: 'Test in May?', actorName: 'Aisha', link: `ideas/${SUBJECT}#proposal-${IDEA}` },
    ],
    [
      'an invitation to co-design',
      {
        kind: 'CO_DESIGN_INVITE',
        subjectType: 'CHANGE_IDEA',
        payload: { ideaId: SUBJECT, ideaTitle: 'Lab texts', actorName: 'Clara' },
      },
      { title: 'Lab texts', detail: null, actorName: 'Clara', link: `ideas/${SUBJECT}` },
    ],
    [
      'a PDSA cycle at her site',
      {
        kind: 'PDSA_AT_SITE',
        subjectType: 'PDSA_CYCLE',
        payload: { ideaId: IDEA, ideaTitle: 'Lab texts', title: 'Monday clinic', actorName: 'Aisha' },
      },
      { title: 'Lab texts', detail: 'Monday clinic', actorName: 'Aisha', link: `ideas/${IDEA}?cycle=${SUBJECT}` },
    ],
    [
      'a group invitation',
      {
        kind: 'GROUP_INVITE',
        subjectType: 'GROUP',
        payload: { groupId: SUBJECT, groupName: 'School and IBD', actorName: 'Grace' },
      },
      { title: 'School and IBD', detail: null, actorName: 'Grace', link: `groups/${SUBJECT}` },
    ],
    [
      'a mention in a group thread',
      {
        kind: 'MENTION',
        subjectType: 'MESSAGE',
        payload: {
          threadSubjectType: 'GROUP',
          threadSubjectId: IDEA,
          subjectTitle: 'School and IBD',
          excerpt: '@Elin can you…',
          actorName: 'Grace',
        },
      },
      {
        title: 'School and IBD',
        detail: '@Elin can you…',
        actorName: 'Grace',
        link: `groups/${IDEA}#message-${SUBJECT}`,
      },
    ],
    [
      'a request to join her site, to its lead',
      {
        kind: 'SITE_REQUEST',
        subjectType: 'SITE_REQUEST',
        payload: { siteId: IDEA, siteName: 'Riverside', actorName: 'Pat' },
      },
      { title: 'Riverside', detail: null, actorName: 'Pat', link: 'invitations#site-requests' },
    ],
    [
      'a confirmed request, to the member who asked',
      {
        kind: 'SITE_REQUEST_CONFIRMED',
        subjectType: 'SITE_REQUEST',
        payload: { siteId: IDEA, siteName: 'Riverside', actorName: 'Sara' },
      },
      { title: 'Riverside', detail: null, actorName: 'Sara', link: 'sites' },
    ],
    [
      'a declined request, with its reason',
      {
        kind: 'SITE_REQUEST_DECLINED',
        subjectType: 'SITE_REQUEST',
        payload: {
          siteId: IDEA,
          siteName: 'Riverside',
          actorName: 'Sara',
          reason: 'We could not find you in our clinic list.',
        },
      },
      { title: 'Riverside', detail: 'We could not find you in our clinic list.', actorName: 'Sara', link: 'sites' },
    ],
  ] as const)('%s', (_, facts, view) => {
    expect(notificationView({ ...facts, subjectId: SUBJECT })).toEqual(view);
  });

  it('falls back to empty titles, null details and the subject id when the payload lacks them, never throwing', () => {
    expect(notificationView({ kind: 'GROUP_INVITE', subjectType: 'GROUP', subjectId: SUBJECT, payload: null })).toEqual(
      {
        title: '',
        detail: null,
        actorName: null,
        link: `groups/${SUBJECT}`,
      },
    );
    expect(
      notificationView({
        kind: 'REPLY',
        subjectType: 'MESSAGE',
        subjectId: SUBJECT,
        payload: { threadSubjectType: 'UNKNOWN' },
      }).link,
    ).toBe('');
    expect(
      notificationView({ kind: 'PDSA_AT_SITE', subjectType: 'PDSA_CYCLE', subjectId: SUBJECT, payload: [] }).link,
    ).toBe('');
  });
});
