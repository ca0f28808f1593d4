import { portalApi } from '../api';
import { PageHeading } from '../components/ui';
import { FormAlert, SubmitButton, TextField } from '../forms/fields';
import { usePortalForm } from '../forms/use-portal-form';
import { useLanguage } from '../i18n';

const INITIAL = { email: '' };

/** "Resend my links": the same answer whether or not the address is known, so nobody learns who wrote to us. */
export function ResendForm() {
  const { t } = useLanguage();
  const form = usePortalForm({
    initial: INITIAL,
    submit: (values) => portalApi.resend(values.email ?? '').then(() => true),
  });
  if (form.result) {
    return (
      <p className="alert alert--success" role="status" data-testid="resend-done">
        {t.resend.done}
      </p>
    );
  }
  return (
    <form className="form form--compact" noValidate onSubmit={form.onSubmit} data-testid="resend-form">
      <TextField form={form} name="email" label={t.resend.email} required type="email" autoComplete="email" />
      <FormAlert message={form.formError} />
      <SubmitButton form={form} label={t.resend.submit} />
    </form>
  );
}

export function ResendPage() {
  const { t } = useLanguage();
  return (
    <>
      <PageHeading title={t.resend.title}>
        <p className="lead">{t.resend.intro}</p>
      </PageHeading>
      <section className="card narrow">
        <ResendForm />
      </section>
    </>
  );
}
