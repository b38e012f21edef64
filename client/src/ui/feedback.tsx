import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, type OperationError } from '../graphql/errors';

/** Problems with a form as a whole, announced when they appear. */
export function FormAlert({ messages }: { messages: string[] }) {
  const { t } = useTranslation();
  if (messages.length === 0) return null;
  return (
    <div role="alert" className="notice notice--error">
      <p className="notice__title">{t('forms.problem')}</p>
      <ul>
        {messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  );
}

/** A quiet confirmation ("Saved"), announced politely. Always rendered so the announcement is heard. */
export function StatusMessage({ children }: { children?: ReactNode }) {
  return (
    <p role="status" className={children ? 'notice notice--success' : 'visually-hidden'}>
      {children}
    </p>
  );
}

/** Shown while data loads. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p role="status" className="loading">
      <span className="loading__dot" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}

/** A failed query, in words, with a way to try again. */
export function QueryError({ error, onRetry }: { error: OperationError; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="notice notice--error">
      <p>{describeError(error, t)}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
