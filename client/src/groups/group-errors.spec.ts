import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import i18n from '../i18n/i18n';
import { groupErrorMessage } from './group-errors';

const en = i18n.getFixedT('en');
const sv = i18n.getFixedT('sv');
const serverError = (message: string, extensions: Record<string, unknown>) => new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions })] });
const badInput = (field: string, message: string) => serverError('Please check what you entered.', { code: 'BAD_USER_INPUT', issues: [{ field, message }] });

describe('groupErrorMessage', () => {
  it.each([
    [badInput('groupId', "you are the group's last owner: make another member an owner, or archive the group, first"), "You are the group's only owner. Make another member an owner, or archive the group, first."],
    [badInput('userId', "she is the group's last owner: make another member an owner, or archive the group, first"), "This is the group's only owner. Make another member an owner first."],
    [badInput('groupId', 'is archived: an archived group is kept as it was'), 'This group is archived, so it can no longer change.'],
    [badInput('resourceId', 'is hidden by a moderator: it cannot be put on a shelf'), 'This resource was hidden by a moderator, so it cannot go on a shelf.'],
    [serverError('This invitation was answered meanwhile.', { code: 'CONFLICT' }), 'This invitation was already answered.'],
  ])('says what the server refused in plain words (%#)', (error, sentence) => {
    expect(groupErrorMessage(error, en)).toBe(sentence);
  });

  it('falls back to the kind of error for anything else, in the member language', () => {
    expect(groupErrorMessage(serverError('Group not found.', { code: 'NOT_FOUND' }), en)).toBe('This could not be found.');
    expect(groupErrorMessage(badInput('groupId', 'is archived: an archived group is kept as it was'), sv)).toBe('Gruppen är arkiverad och kan inte längre ändras.');
  });
});
