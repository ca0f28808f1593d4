import type { InputHTMLAttributes, ReactNode } from 'react';
import { LinkOrAnchor } from '../components/LinkOrAnchor';
import { useLanguage } from '../i18n';
import { fieldId, type PortalForm } from './use-portal-form';

interface FieldShellProps {
  name: string;
  label: string;
  required?: boolean;
  hint?: string;
  error?: string;
  children: ReactNode;
}

/** Label, hint and error around one input; the input names them with aria-describedby. */
function FieldShell({ name, label, required, hint, error, children }: FieldShellProps) {
  const { t } = useLanguage();
  return (
    <div className={`field${error ? ' field--error' : ''}`} data-field={name}>
      <label htmlFor={fieldId(name)} className="field__label">
        {label}
        {required ? (
          <span className="field__required" aria-hidden="true">
            {' *'}
          </span>
        ) : (
          <span className="field__optional"> ({t.form.optional})</span>
        )}
      </label>
      {children}
      {hint && (
        <p className="field__hint" id={`${fieldId(name)}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${fieldId(name)}-error`} data-testid={`error-${name}`}>
          {error}
        </p>
      )}
    </div>
  );
}

function describedBy(name: string, hint?: string, error?: string): string | undefined {
  const ids = [hint && `${fieldId(name)}-hint`, error && `${fieldId(name)}-error`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

interface BaseProps<T> {
  form: PortalForm<T>;
  name: string;
  label: string;
  required?: boolean;
  hint?: string;
}

export function TextField<T>({
  form,
  name,
  label,
  required,
  hint,
  ...input
}: BaseProps<T> & Omit<InputHTMLAttributes<HTMLInputElement>, 'form' | 'name' | 'value' | 'onChange' | 'required'>) {
  const error = form.errors[name];
  return (
    <FieldShell name={name} label={label} required={required} hint={hint} error={error}>
      <input
        id={fieldId(name)}
        name={name}
        className="input"
        value={form.values[name] ?? ''}
        onChange={(event) => form.set(name, event.target.value)}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        {...input}
      />
    </FieldShell>
  );
}

export function TextAreaField<T>({ form, name, label, required, hint, rows = 4 }: BaseProps<T> & { rows?: number }) {
  const error = form.errors[name];
  return (
    <FieldShell name={name} label={label} required={required} hint={hint} error={error}>
      <textarea
        id={fieldId(name)}
        name={name}
        className="input input--area"
        rows={rows}
        value={form.values[name] ?? ''}
        onChange={(event) => form.set(name, event.target.value)}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
      />
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField<T>({
  form,
  name,
  label,
  required,
  hint,
  options,
  placeholder,
}: BaseProps<T> & { options: readonly Option[]; placeholder?: string }) {
  const error = form.errors[name];
  return (
    <FieldShell name={name} label={label} required={required} hint={hint} error={error}>
      <select
        id={fieldId(name)}
        name={name}
        className="input input--select"
        value={form.values[name] ?? ''}
        onChange={(event) => form.set(name, event.target.value)}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** People never see it and never fill it; form-filling bots do (the API then stores nothing). */
export function Honeypot<T>({ form }: { form: PortalForm<T> }) {
  const { t } = useLanguage();
  return (
    <div className="honeypot" aria-hidden="true">
      <label htmlFor="field-website">{t.form.honeypot}</label>
      <input
        id="field-website"
        name="website"
        type="text"
        tabIndex={-1}
        autoComplete="off"
        value={form.values.website ?? ''}
        onChange={(event) => form.set('website', event.target.value)}
      />
    </div>
  );
}

export function FormAlert({ message }: { message: string | null }) {
  // Always rendered, so screen readers announce the message when it appears.
  return (
    <div role="alert" className={message ? 'alert alert--error' : 'alert alert--empty'} data-testid="form-alert">
      {message}
    </div>
  );
}

export function SubmitButton<T>({ form, label }: { form: PortalForm<T>; label: string }) {
  const { t } = useLanguage();
  return (
    <button type="submit" className="button button--primary" disabled={form.submitting} aria-busy={form.submitting}>
      {form.submitting ? t.form.submitting : label}
    </button>
  );
}

/** What an investor sees after any form: the tracking link, which the confirmation email also carries. */
export function SubmittedScreen({ trackingUrl, onAnother }: { trackingUrl: string; onAnother(): void }) {
  const { t } = useLanguage();
  return (
    <section className="card card--success" aria-labelledby="submitted-title" data-testid="submitted">
      <h2 id="submitted-title" tabIndex={-1} ref={(element) => element?.focus()}>
        {t.submitted.title}
      </h2>
      <p>{t.submitted.body}</p>
      <p className="tracking-link">
        <LinkOrAnchor href={trackingUrl} className="button button--primary" data-testid="tracking-link">
          {t.submitted.open}
        </LinkOrAnchor>
      </p>
      <p className="muted">{t.submitted.keep}</p>
      <button type="button" className="button button--subtle" onClick={onAnother}>
        {t.submitted.another}
      </button>
    </section>
  );
}
