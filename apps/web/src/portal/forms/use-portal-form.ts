import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../shared/api/api-error';
import { useLanguage, type Dictionary } from '../i18n';

export type FormValues = Record<string, string>;

export interface PortalForm<TResult> {
  values: FormValues;
  set(name: string, value: string): void;
  /** Field name → message, from the API's 400/422 problem. */
  errors: Record<string, string>;
  /** A message for the whole form (above the button), e.g. throttled, offline, or "fix the fields below". */
  formError: string | null;
  submitting: boolean;
  result: TResult | null;
  reset(): void;
  onSubmit(event: FormEvent<HTMLFormElement>): void;
}

interface Options<TResult> {
  initial: FormValues;
  submit(values: FormValues): Promise<TResult>;
  /** A form's own wording for a problem without field errors (an event that ended, say). */
  problemMessage?(error: ApiError, t: Dictionary): string | undefined;
}

/** The id of a field's input, for labels and for moving focus to the first field in error. */
export const fieldId = (name: string) => `field-${name}`;

/** Words for what went wrong, in the reader's language: the API's own messages are English. */
export function fieldMessage(t: Dictionary, field: string, value: string | undefined): string {
  if (value === undefined || value.trim() === '') return t.form.errorRequired;
  return (t.form.fieldErrors as Record<string, string>)[field] ?? t.form.errorInvalid;
}

export function problemText(error: unknown, t: Dictionary): string {
  if (!(error instanceof ApiError)) return t.form.errorServer;
  if (error.isNetworkError) return t.form.errorNetwork;
  if (error.status === 429) return t.form.errorThrottled(Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)));
  if (error.status === 413) return t.form.errorTooLarge;
  if (error.status === 400 || error.status === 422) return t.form.errorSummary;
  return t.form.errorServer;
}

/**
 * A public form: string values as typed, sent by `submit`; validation is the API's (the same rules as staff entry),
 * and each field it names gets its message beside the input.
 */
export function usePortalForm<TResult>({ initial, submit, problemMessage }: Options<TResult>): PortalForm<TResult> {
  const { t } = useLanguage();
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [result, setResult] = useState<TResult | null>(null);
  const focusAfterRender = useRef<HTMLFormElement | null>(null);

  // Once the messages are on screen: focus the first field in error (in reading order), so keyboard and screen
  // reader users land on it.
  useEffect(() => {
    const form = focusAfterRender.current;
    if (!form) return;
    focusAfterRender.current = null;
    form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const set = useCallback((name: string, value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    setErrors((current) => {
      if (!(name in current)) return current;
      const { [name]: _cleared, ...rest } = current;
      return rest;
    });
  }, []);

  const reset = useCallback(() => {
    setValues(initial);
    setErrors({});
    setFormError(null);
    setResult(null);
  }, [initial]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const formElement = event.currentTarget;
    setSubmitting(true);
    setFormError(null);
    submit(values)
      .then((answer) => {
        setErrors({});
        setResult(answer);
        window.scrollTo(0, 0);
      })
      .catch((error: unknown) => {
        const byField: Record<string, string> = {};
        if (error instanceof ApiError) {
          for (const { field } of error.fieldErrors) {
            const name = field.split(/[.[]/)[0]!;
            if (name in values && !byField[name]) byField[name] = fieldMessage(t, name, values[name]);
          }
        }
        setErrors(byField);
        const own = error instanceof ApiError ? problemMessage?.(error, t) : undefined;
        const unplaced = error instanceof ApiError && error.fieldErrors.length > 0 && !Object.keys(byField).length;
        setFormError(own ?? (unplaced ? t.form.errorInvalid : problemText(error, t)));
        if (Object.keys(byField).length) focusAfterRender.current = formElement;
      })
      .finally(() => setSubmitting(false));
  };

  return { values, set, errors, formError, submitting, result, reset, onSubmit };
}

/** Form text → JSON: empty optional fields are left out; numbers that do not parse go as typed, for the API to name. */
export const body = {
  text: (value: string | undefined) => (value?.trim() ? value.trim() : undefined),
  number: (value: string | undefined) => {
    const text = value?.trim().replace(/\s/g, '');
    if (!text) return undefined;
    const parsed = Number(text.replace(',', '.'));
    return Number.isFinite(parsed) ? parsed : text;
  },
  /** Whole VND: group separators ("." in Vietnamese, "," in English) are dropped. */
  integer: (value: string | undefined) => {
    const text = value?.trim().replace(/[\s.,]/g, '');
    if (!text) return undefined;
    return /^-?\d+$/.test(text) ? Number(text) : value!.trim();
  },
};
