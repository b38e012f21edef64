import type { CombinedError } from '@urql/core';
import type { TFunction } from 'i18next';
import { describeError, errorIssues } from '../graphql/errors';

// What the server says about groups, in the member's words (the shared table covers the rest).
const GROUP_MESSAGES: [RegExp, string][] = [
  [/^is archived/, 'groups.errors.archived'],
  [/^you are the group's last owner/, 'groups.errors.youAreLastOwner'],
  [/^she is the group's last owner/, 'groups.errors.sheIsLastOwner'],
  [/^cannot be yourself$/, 'groups.errors.notYourself'],
  [/^is you: leave the group instead$/, 'groups.errors.removeYourself'],
  [/^is not a member of this network$/, 'groups.errors.notInNetwork'],
  [/^is not a resource of this group's network$/, 'groups.errors.foreignResource'],
  [/^is hidden by a moderator/, 'groups.errors.hiddenResource'],
  [/answered meanwhile/, 'groups.errors.answered'],
];

function byKey(t: TFunction, key: string): string {
  return (t as unknown as (key: string) => string)(key);
}

/** One sentence for a failed group action: the server's reason when this client knows it, else the error's kind. */
export function groupErrorMessage(error: CombinedError, t: TFunction): string {
  const messages = [...errorIssues(error).map((issue) => issue.message), ...error.graphQLErrors.map((e) => e.message)];
  for (const message of messages) {
    const known = GROUP_MESSAGES.find(([pattern]) => pattern.test(message));
    if (known) return byKey(t, known[1]);
  }
  return describeError(error, t);
}
