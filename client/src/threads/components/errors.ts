import { useTranslation } from 'react-i18next';
import type { SendError } from '../thread-state';

const KNOWN = [
  'TOO_MANY_REQUESTS',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'BAD_USER_INPUT',
  'TIMEOUT',
  'UNAUTHENTICATED',
] as const;
type Known = (typeof KNOWN)[number];

/** What a refused thread action means for the member, in words. */
export function useSendErrorText(): (error: SendError) => string {
  const { t } = useTranslation();
  return (error) => {
    if (error.code === 'TOO_MANY_REQUESTS' && error.retryAfterSeconds)
      return t('threads.errors.rateLimitedFor', { count: error.retryAfterSeconds });
    const code = (KNOWN as readonly string[]).includes(error.code) ? (error.code as Known) : 'other';
    return t(`threads.errors.${code}`);
  };
}
