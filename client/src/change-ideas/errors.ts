import type { CombinedError } from '@urql/core';
import { errorCode } from '../graphql/errors';

/** The state a CONFLICT answer reports: the version (and status or stage) the server has now. */
export function conflictState(
  error: CombinedError | null | undefined,
): { version: number | null; status: string | null; stage: string | null } | null {
  if (errorCode(error) !== 'CONFLICT') return null;
  const extensions = error?.graphQLErrors[0]?.extensions ?? {};
  return {
    version: typeof extensions.currentVersion === 'number' ? extensions.currentVersion : null,
    status: typeof extensions.currentStatus === 'string' ? extensions.currentStatus : null,
    stage: typeof extensions.currentStage === 'string' ? extensions.currentStage : null,
  };
}
