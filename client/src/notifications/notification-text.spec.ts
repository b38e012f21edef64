import { describe, expect, it } from 'vitest';
import i18n from '../i18n/i18n';
import { notificationHref, notificationSentence } from './notification-text';

const en = i18n.getFixedT('en');
const sv = i18n.getFixedT('sv');
const base = {
  subjectType: 'GROUP',
  title: 'Diet and nutrition',
  actorName: 'Elin Sandberg',
  fromStatus: null,
  toStatus: null,
  pdsaStage: null,
  pdsaEvent: null,
} as const;

describe('notificationSentence', () => {
  it.each([
    [{ ...base, kind: 'GROUP_INVITE' }, 'Elin Sandberg invited you to join the group “Diet and nutrition”.'],
    [
      { ...base, kind: 'CO_DESIGN_INVITE', subjectType: 'CHANGE_IDEA', title: 'Text reminders' },
      'Elin Sandberg invited you to co-design the change idea “Text reminders”.',
    ],
    [
      { ...base, kind: 'MENTION', subjectType: 'MESSAGE', title: 'Text reminders' },
      'Elin Sandberg mentioned you in the discussion on “Text reminders”.',
    ],
    [
      { ...base, kind: 'REPLY', subjectType: 'MESSAGE', title: 'Text reminders' },
      'Elin Sandberg replied to you in the discussion on “Text reminders”.',
    ],
    [
      {
        ...base,
        kind: 'IDEA_DECISION',
        subjectType: 'CHANGE_IDEA',
        title: 'Text reminders',
        fromStatus: 'CO_DESIGN',
        toStatus: 'TESTING',
      },
      'A decision on the change idea “Text reminders”: it moved from co-design to testing.',
    ],
    [
      { ...base, kind: 'IDEA_DECISION', subjectType: 'CHANGE_IDEA', title: 'Text reminders' },
      'A decision was taken on the change idea “Text reminders”.',
    ],
    [
      { ...base, kind: 'PDSA_AT_SITE', subjectType: 'PDSA_CYCLE', title: 'Text reminders', pdsaEvent: 'created' },
      'Your site started a PDSA cycle testing the change idea “Text reminders”.',
    ],
    [
      {
        ...base,
        kind: 'PDSA_AT_SITE',
        subjectType: 'PDSA_CYCLE',
        title: 'Text reminders',
        pdsaEvent: 'stageChanged',
        pdsaStage: 'STUDY',
      },
      'A PDSA cycle testing the change idea “Text reminders” at your site moved to Study.',
    ],
    [
      { ...base, kind: 'SITE_REQUEST', subjectType: 'SITE_REQUEST', title: 'Riverside', actorName: 'Pat Partner' },
      'Pat Partner asks to join Riverside.',
    ],
    [
      {
        ...base,
        kind: 'SITE_REQUEST_CONFIRMED',
        subjectType: 'SITE_REQUEST',
        title: 'Riverside',
        actorName: 'Sara Lead',
      },
      'Sara Lead confirmed that you belong to Riverside.',
    ],
    [
      { ...base, kind: 'SITE_REQUEST_DECLINED', subjectType: 'SITE_REQUEST', title: '', actorName: 'Sara Lead' },
      'Sara Lead declined your request to join a site.',
    ],
    [
      {
        ...base,
        kind: 'DECISION_AWAITING_CONFIRMATION',
        subjectType: 'CHANGE_IDEA',
        title: 'Text reminders',
        fromStatus: 'CO_DESIGN',
        toStatus: 'TESTING',
      },
      'Elin Sandberg proposes to move the change idea “Text reminders” to testing and asks you to confirm it.',
    ],
    [
      {
        ...base,
        kind: 'DECISION_DECLINED',
        subjectType: 'CHANGE_IDEA',
        title: 'Text reminders',
        fromStatus: 'CO_DESIGN',
        toStatus: 'TESTING',
      },
      'Elin Sandberg declined moving the change idea “Text reminders” to testing, so the decision has ended.',
    ],
    [
      { ...base, kind: 'DECISION_DECLINED', subjectType: 'CHANGE_IDEA', title: 'Text reminders' },
      'Elin Sandberg declined the decision on the change idea “Text reminders”, so it has ended.',
    ],
    [
      { ...base, kind: 'PROPOSAL_OPENED', subjectType: 'CHANGE_IDEA', title: 'Text reminders' },
      'Elin Sandberg opened a proposal on the change idea “Text reminders”: your position is welcome.',
    ],
  ] as const)('says what happened in a plain sentence (%#)', (facts, sentence) => {
    expect(notificationSentence(facts, en)).toBe(sentence);
  });

  it('reads "someone" and "a change idea" where the names are missing', () => {
    expect(
      notificationSentence(
        { ...base, kind: 'CO_DESIGN_INVITE', subjectType: 'CHANGE_IDEA', title: '', actorName: null },
        en,
      ),
    ).toBe('Someone invited you to co-design a change idea.');
    expect(notificationSentence({ ...base, kind: 'MENTION', subjectType: 'MESSAGE', title: '' }, en)).toBe(
      'Elin Sandberg mentioned you in a discussion.',
    );
  });

  it('speaks Swedish', () => {
    expect(notificationSentence({ ...base, kind: 'GROUP_INVITE' }, sv)).toBe(
      'Elin Sandberg bjöd in dig till gruppen ”Diet and nutrition”.',
    );
  });
});

describe('notificationHref', () => {
  it('prefixes the network, and leads nowhere without a link', () => {
    expect(notificationHref('ibd', 'groups/g1')).toBe('/n/ibd/groups/g1');
    expect(notificationHref('ibd', 'ideas/i1?cycle=c1')).toBe('/n/ibd/ideas/i1?cycle=c1');
    expect(notificationHref('ibd', '')).toBeNull();
  });
});
