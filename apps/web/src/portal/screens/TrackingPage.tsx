import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { LocalizedText, PortalPhase, PortalStep, PortalTracking, PortalUploadRules } from '@irm/contracts';
import { ApiError } from '../../shared/api/api-error';
import { portalApi, portalKeys, useTracking } from '../api';
import { LoadError, Loading, PageHeading } from '../components/ui';
import { problemText } from '../forms/use-portal-form';
import { chosenLanguage, useLanguage, type Dictionary, type PortalLanguage } from '../i18n';
import { Link } from '../router';
import { paths } from '../paths';
import { ResendForm } from './ResendPage';

/** The formats as investors know them: JPG and JPEG are one. */
const FORMAT_NAMES: Record<string, string> = { jpg: 'JPEG', jpeg: 'JPEG' };

function uploadRules(uploads: PortalUploadRules) {
  const accept = [...uploads.extensions.map((extension) => `.${extension}`), ...uploads.contentTypes].join(',');
  const formats = [
    ...new Set(uploads.extensions.map((extension) => FORMAT_NAMES[extension] ?? extension.toUpperCase())),
  ];
  // Megabytes as the server counts them (MiB), with a decimal only when the limit has one.
  const mb = Math.round((uploads.maxBytes / 1048576) * 10) / 10;
  return { accept, formats, mb };
}

/** The agency's own wording (managers set it per stage) in Vietnamese and English; the phase's words otherwise. */
function stageLabel(t: Dictionary, language: PortalLanguage, label: LocalizedText, phase: PortalPhase): string {
  if (language === 'vi') return label.vi;
  if (language === 'en') return label.en;
  return t.track.phase[phase];
}

/**
 * Stages the agency has not given investors words of their own all read "In review": shown once, not four times.
 */
function mergeSteps(steps: PortalStep[], text: (step: PortalStep) => string) {
  const merged: { text: string; done: boolean; current: boolean }[] = [];
  for (const step of steps) {
    const label = text(step);
    const last = merged.at(-1);
    if (last && last.text === label) {
      last.current ||= step.current;
      last.done &&= step.done;
    } else merged.push({ text: label, done: step.done, current: step.current });
  }
  return merged;
}

export function TrackingPage({ token }: { token: string }) {
  const { t } = useLanguage();
  const tracking = useTracking(token);

  if (tracking.isPending) return <Loading />;
  if (tracking.isError) {
    const gone = tracking.error instanceof ApiError && tracking.error.status === 404;
    if (!gone) return <LoadError error={tracking.error} onRetry={() => void tracking.refetch()} />;
    return (
      <>
        <PageHeading title={t.track.invalidLink} />
        <section className="card">
          <p>{t.track.invalidLinkBody}</p>
          <ResendForm />
        </section>
      </>
    );
  }
  return <Tracking token={token} tracking={tracking.data} />;
}

function Tracking({ token, tracking }: { token: string; tracking: PortalTracking }) {
  const { t, language, format, setLanguage } = useLanguage();
  const { status } = tracking;
  // Opened from the email with no language chosen on this device: the page speaks the request's language.
  useEffect(() => {
    if (!chosenLanguage() && tracking.language !== language) setLanguage(tracking.language, { remember: false });
    // Only when the request arrives; a later switch by the visitor wins.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tracking.language]);
  return (
    <>
      <PageHeading title={t.track.kind[tracking.kind]}>
        <p className="muted">
          {t.track.reference}: <strong data-testid="reference">{tracking.reference}</strong> · {t.track.submittedAt}{' '}
          {format.date(tracking.submittedAt)}
          {tracking.lastSubmittedAt !== tracking.submittedAt &&
            ` · ${t.track.lastSubmittedAt} ${format.date(tracking.lastSubmittedAt)}`}
        </p>
      </PageHeading>

      <section className={`card status status--${status.phase}`} aria-labelledby="status-title">
        <h2 id="status-title" className="status__caption">
          {t.track.status}
        </h2>
        <p className="status__label" data-testid="status-label" aria-live="polite">
          {stageLabel(t, language, status.label, status.phase)}
        </p>
        <p>
          {t.track.phaseHint[status.phase]} <span className="muted">({t.track.since(format.date(status.since))})</span>
        </p>
        <h3 className="visually-hidden">{t.track.progress}</h3>
        <ol className="steps" data-testid="steps">
          {mergeSteps(tracking.steps, (step) => stageLabel(t, language, step.label, step.phase)).map((step, index) => (
            <li
              key={index}
              className={`steps__step${step.done ? ' steps__step--done' : ''}${step.current ? ' steps__step--current' : ''}`}
              aria-current={step.current ? 'step' : undefined}
            >
              <span className="steps__dot" aria-hidden="true">
                {step.done ? '✓' : index + 1}
              </span>
              <span className="steps__label">{step.text}</span>
              <span className="visually-hidden">
                {' '}
                ({step.done ? t.track.stepDone : step.current ? t.track.stepCurrent : t.track.stepNext})
              </span>
            </li>
          ))}
        </ol>
      </section>

      <div className="track-layout">
        <Messages token={token} tracking={tracking} />
        <div>
          <Documents token={token} tracking={tracking} />
          <Submission tracking={tracking} />
        </div>
      </div>

      <p className="muted small">
        {t.track.expires(format.date(tracking.expiresAt))} <Link to={paths.resend}>{t.track.lostLink}</Link>
      </p>
    </>
  );
}

function Messages({ token, tracking }: { token: string; tracking: PortalTracking }) {
  const { t, format } = useLanguage();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [feedback, setFeedback] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);

  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setFeedback({ tone: 'error', text: t.track.emptyMessage });
      return;
    }
    setSending(true);
    setFeedback(null);
    portalApi
      .message(token, text.trim())
      .then(async () => {
        setText('');
        setFeedback({ tone: 'success', text: t.track.messageSent });
        await queryClient.invalidateQueries({ queryKey: portalKeys.tracking(token) });
      })
      .catch((error: unknown) => setFeedback({ tone: 'error', text: problemText(error, t) }))
      .finally(() => setSending(false));
  };

  return (
    <section className="card" aria-labelledby="messages-title">
      <h2 id="messages-title">{t.track.messages}</h2>
      {tracking.messages.length === 0 ? (
        <p className="muted">{t.track.noMessages}</p>
      ) : (
        <ol className="thread" data-testid="thread">
          {tracking.messages.map((message) => (
            <li key={message.id} className={`thread__message thread__message--${message.from}`}>
              <p className="thread__meta">
                <strong>{message.from === 'agency' ? t.track.fromAgency : t.track.fromInvestor}</strong> ·{' '}
                <time dateTime={message.at}>{format.dateTime(message.at)}</time>
              </p>
              <p className="pre-line">{message.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={send} className="form form--compact" noValidate>
        <label htmlFor="new-message" className="field__label">
          {t.track.newMessage}
        </label>
        <textarea
          id="new-message"
          className="input input--area"
          rows={4}
          maxLength={4000}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-describedby={feedback ? 'message-feedback' : undefined}
        />
        <div
          role="status"
          id="message-feedback"
          className={feedback ? `alert alert--${feedback.tone}` : 'alert alert--empty'}
        >
          {feedback?.text}
        </div>
        <button type="submit" className="button button--primary" disabled={sending} aria-busy={sending}>
          {sending ? t.track.sending : t.track.send}
        </button>
      </form>
    </section>
  );
}

function Documents({ token, tracking }: { token: string; tracking: PortalTracking }) {
  const { t, format } = useLanguage();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const [feedback, setFeedback] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const rules = uploadRules(tracking.uploads);
  const mb = format.number(rules.mb, 1);

  /** Too large for the server: said at once, before anything is sent. */
  const oversize = (file: File) => {
    if (file.size <= tracking.uploads.maxBytes) return false;
    setFeedback({ tone: 'error', text: t.track.tooLarge(file.name, mb) });
    return true;
  };

  const choose = () => {
    const file = input.current?.files?.[0];
    setFeedback(null);
    if (file && oversize(file)) input.current?.focus();
  };

  const upload = (event: FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setFeedback({ tone: 'error', text: t.track.noFile });
      input.current?.focus();
      return;
    }
    if (oversize(file)) {
      input.current?.focus();
      return;
    }
    setUploading(true);
    setFeedback(null);
    portalApi
      .upload(token, file)
      .then(async (document) => {
        if (input.current) input.current.value = '';
        setFeedback({ tone: 'success', text: t.track.uploaded(document.fileName) });
        await queryClient.invalidateQueries({ queryKey: portalKeys.tracking(token) });
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 413) {
          setFeedback({ tone: 'error', text: t.track.tooLarge(file.name, mb) });
        } else if (error instanceof ApiError && error.status === 415) {
          setFeedback({ tone: 'error', text: t.track.wrongType });
        } else {
          setFeedback({ tone: 'error', text: problemText(error, t) });
        }
      })
      .finally(() => setUploading(false));
  };

  return (
    <section className="card" aria-labelledby="documents-title">
      <h2 id="documents-title">{t.track.documents}</h2>
      {tracking.documents.length === 0 ? (
        <p className="muted">{t.track.noDocuments}</p>
      ) : (
        <ul className="documents" data-testid="documents">
          {tracking.documents.map((document) => (
            <li key={document.id}>
              <span className="documents__name">{document.fileName}</span>{' '}
              <span className="muted">
                {format.bytes(document.sizeBytes)} · {format.dateTime(document.uploadedAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={upload} className="form form--compact" noValidate>
        <label htmlFor="document-file" className="field__label">
          {t.track.chooseFile}
        </label>
        <p className="field__hint" id="document-limits" data-testid="upload-limits">
          {t.track.uploadLimits(format.alternatives(rules.formats), mb)}
        </p>
        <input
          id="document-file"
          ref={input}
          type="file"
          name="file"
          accept={rules.accept}
          className="input input--file"
          aria-describedby={feedback ? 'document-limits document-feedback' : 'document-limits'}
          aria-invalid={feedback?.tone === 'error' ? true : undefined}
          onChange={choose}
        />
        <div
          role="status"
          id="document-feedback"
          className={feedback ? `alert alert--${feedback.tone}` : 'alert alert--empty'}
          data-testid="upload-feedback"
        >
          {feedback?.text}
        </div>
        <button type="submit" className="button button--subtle" disabled={uploading} aria-busy={uploading}>
          {uploading ? t.track.uploading : t.track.upload}
        </button>
      </form>
    </section>
  );
}

/** What the investor sent, in their words; contact details they know already are left out. */
const SHOWN_FIELDS = [
  'companyName',
  'eventName',
  'zoneName',
  'requestedAreaHa',
  'applicantType',
  'purpose',
  'lender',
  'lenderKind',
  'requestedVnd',
  'termMonths',
  'sector',
  'capitalUsd',
  'expectedJobs',
  'wantedBy',
] as const;

function Submission({ tracking }: { tracking: PortalTracking }) {
  const { t, format } = useLanguage();
  const show = (field: (typeof SHOWN_FIELDS)[number], value: unknown): string => {
    if (field === 'sector') return t.sector[value as keyof Dictionary['sector']] ?? String(value);
    if (field === 'applicantType') return t.loan.applicantTypes[value as 'sme'] ?? String(value);
    if (field === 'lenderKind') return t.loan.lenderKinds[value as 'bank'] ?? String(value);
    if (field === 'wantedBy') return format.date(String(value));
    if (typeof value === 'number') return format.number(value, 2);
    return String(value);
  };
  const rows = SHOWN_FIELDS.filter((field) => {
    const value = tracking.submission[field];
    return value !== undefined && value !== null && value !== '';
  });
  if (!rows.length) return null;
  return (
    <section className="card" aria-labelledby="submission-title">
      <h2 id="submission-title">{t.track.submission}</h2>
      <dl className="facts">
        {rows.map((field) => (
          <div key={field}>
            <dt>{t.submissionField[field] ?? field}</dt>
            <dd className="pre-line">{show(field, tracking.submission[field])}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
