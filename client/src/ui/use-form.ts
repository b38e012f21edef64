import { type FormEvent, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '@commons/shared/validation/issues';
import {
  type FormErrors,
  type OperationError,
  hasErrors,
  issuesToFormErrors,
  NO_ERRORS,
  toFormErrors,
  validateWith,
  type ValidationSchema,
} from '../graphql/errors';
import { focusFirstInvalid } from './field';

/**
 * `errors` with the message on `field` said above the form instead, first: for a value the form
 * sends but shows no control for (a code from a link), whose problem belongs to the form as a whole.
 */
export function aboveForm<F extends string, E extends FormErrors<F>>(errors: E, field: F): E {
  const message = errors.fields[field];
  if (!message) return errors;
  return { ...errors, fields: { ...errors.fields, [field]: undefined }, form: [message, ...errors.form] };
}

interface SubmitSteps<F extends string, R extends { error?: OperationError }> {
  /** Checks before sending (usually `form.validate(schema, input)`): errors, or null when it may be sent. */
  check?: () => FormErrors<F> | null;
  send: () => Promise<R>;
  /**
   * Looks at a refusal first (a conflict the page reloads for, say); what it returns is shown
   * instead of the errors by field, and `undefined` shows those.
   */
  onError?: (error: NonNullable<R['error']>) => FormErrors<F> | void;
}

/**
 * The one way a form goes: check the input with the shared schema, show what is wrong next to its
 * fields and focus the first, send, and show the server's field issues the same way. `fields` are
 * the form's field names, as the server names them under `input.`.
 */
export function useForm<F extends string>(fields: readonly F[]) {
  const { t } = useTranslation();
  const element = useRef<HTMLFormElement | null>(null);
  // `attach` is the form's callback ref: what the hook hands back holds no ref object, so reading it while rendering is plain.
  const attach = useCallback((node: HTMLFormElement | null) => {
    element.current = node;
  }, []);
  const [errors, setErrors] = useState<FormErrors<F>>(NO_ERRORS);

  /** Shows `next` and moves focus to the first field it marks invalid. */
  const show = useCallback((next: FormErrors<F>) => {
    setErrors(next);
    focusFirstInvalid(element.current);
  }, []);

  /** The errors of `value` by the shared `schema`, or null when it is valid. */
  const validate = useCallback(
    (schema: ValidationSchema, value: unknown) => validateWith(schema, value, fields, t),
    [fields, t],
  );

  /** Field issues found by the form itself (a number that does not parse), placed like the server's; null when there are none. */
  const fromIssues = useCallback(
    (issues: readonly FieldIssue[]) => (issues.length ? issuesToFormErrors(issues, fields, t) : null),
    [fields, t],
  );

  /** Runs the steps; resolves to the operation's result once it succeeded, or null after showing why not. */
  async function submit<R extends { error?: OperationError }>(steps: SubmitSteps<F, R>): Promise<R | null> {
    const invalid = steps.check?.();
    if (invalid && hasErrors(invalid)) {
      show(invalid);
      return null;
    }
    const result = await steps.send();
    if (result.error) {
      show(steps.onError?.(result.error) ?? toFormErrors(result.error, fields, t));
      return null;
    }
    setErrors(NO_ERRORS);
    return result;
  }

  /** What a field control takes for the form's field `name`: its `value`, an onChange that hands the new text to `set`, and its error. */
  const field = (name: F, value: string, set: (value: string) => void) => ({
    value,
    onChange: (event: { target: { value: string } }) => set(event.target.value),
    error: errors.fields[name],
  });

  /** The form's onSubmit: no page load, then `handler`, given the event (to see which button sent it). */
  const handle = (handler: (event: FormEvent<HTMLFormElement>) => unknown) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void handler(event);
  };

  /** What the `<form>` element takes: its callback ref, no browser validation, and `handler` on submit. */
  const formProps = (handler: (event: FormEvent<HTMLFormElement>) => unknown) => ({
    ref: attach,
    noValidate: true,
    onSubmit: handle(handler),
  });

  return { attach, formProps, field, errors, setErrors, show, validate, fromIssues, submit, handle };
}
