import {
  createContext,
  type ReactNode,
  startTransition,
  useCallback,
  useContext,
  useLayoutEffect,
  useReducer,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, type OperationError } from '../graphql/errors';
import { useDrawnByServer } from './drawn-by-server';

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
  const gate = useContext(LoadingGate);
  useLayoutEffect(() => gate?.(), [gate]);
  return (
    <p role="status" className="loading">
      <span className="loading__dot" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}

/** Counts a part still loading inside RevealTogether, until it unmounts (the returned cleanup). */
type LoadingGateCount = () => () => void;
const LoadingGate = createContext<LoadingGateCount | null>(null);

/**
 * Parts that load their own data (home cards, say), shown together once none shows <Loading />
 * any more, with one <Loading /> meanwhile: parts arriving one by one would push each other about
 * while the member starts reading. Once shown, they stay shown.
 */
export function RevealTogether({ className, children }: { className?: string; children: ReactNode }) {
  const loading = useRef(0);
  const [recounts, recount] = useReducer((n: number) => n + 1, 0);
  // Drawn by the server, the parts come with their answers (or their own <Loading />): shown at once.
  const drawnByServer = useDrawnByServer();
  const [revealed, setRevealed] = useState(drawnByServer);
  const count = useCallback<LoadingGateCount>(() => {
    loading.current += 1;
    return () => {
      loading.current -= 1;
      // Parts finish loading one after another, often in one moment: as a transition their
      // recounts make one render together, not one urgent render each.
      startTransition(recount);
    };
  }, []);
  // The parts' layout effects run before this one, so every part still loading has counted itself.
  useLayoutEffect(() => {
    if (!revealed && loading.current === 0) setRevealed(true);
  }, [revealed, recounts]);
  return (
    <>
      {!revealed && <Loading />}
      <LoadingGate.Provider value={count}>
        <div className={className} hidden={!revealed}>
          {children}
        </div>
      </LoadingGate.Provider>
    </>
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
