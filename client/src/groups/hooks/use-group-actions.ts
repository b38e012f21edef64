import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type AnyVariables, type DocumentInput, useMutation } from 'urql';
import { GROUP_CONTEXT, RespondToGroupInvitationDocument } from '../documents';
import { describeError } from '../../graphql/errors';

/**
 * A group mutation that answers with a sentence: null when it worked, the reason in the member's
 * words when it did not. Lists without any group are refreshed too.
 */
export function useGroupMutation<Data, Variables extends AnyVariables>(document: DocumentInput<Data, Variables>) {
  const { t } = useTranslation();
  const [{ fetching }, run] = useMutation(document);
  const perform = useCallback(
    async (variables: Variables): Promise<string | null> => {
      const result = await run(variables, GROUP_CONTEXT);
      return result.error ? describeError(result.error, t) : null;
    },
    [run, t],
  );
  return { perform, busy: fetching };
}

/** Accepts or declines the viewer's invitation to a group. */
export function useRespondToInvitation() {
  const { perform, busy } = useGroupMutation(RespondToGroupInvitationDocument);
  const respond = useCallback((groupId: string, accept: boolean) => perform({ groupId, accept }), [perform]);
  return { respond, busy };
}
