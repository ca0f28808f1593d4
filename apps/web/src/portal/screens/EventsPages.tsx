import type { PublicEvent } from '@irm/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { portalApi, portalKeys, useEvent, useEvents } from '../api';
import { Badge, LoadError, Loading, PageHeading } from '../components/ui';
import { PublicForm, usePublicForm } from '../forms/PublicForm';
import { countryName, useLanguage } from '../i18n';
import { Link } from '../router';
import { paths } from '../paths';

function EventFacts({ event }: { event: PublicEvent }) {
  const { t, format, language } = useLanguage();
  const dates =
    event.startsOn === event.endsOn
      ? format.date(event.startsOn)
      : `${format.date(event.startsOn)} – ${format.date(event.endsOn)}`;
  return (
    <dl className="facts facts--inline">
      <div>
        <dt>{t.events.when}</dt>
        <dd>{dates}</dd>
      </div>
      <div>
        <dt>{t.events.where}</dt>
        <dd>
          {event.place}, {countryName(language, event.country)}
        </dd>
      </div>
      {event.organizer && (
        <div>
          <dt>{t.events.organizer}</dt>
          <dd>{event.organizer}</dd>
        </div>
      )}
    </dl>
  );
}

export function EventsPage() {
  const { t } = useLanguage();
  const events = useEvents();
  return (
    <>
      <PageHeading title={t.events.title}>
        <p className="lead">{t.events.intro}</p>
      </PageHeading>
      {events.isPending ? (
        <Loading />
      ) : events.isError ? (
        <LoadError error={events.error} onRetry={() => void events.refetch()} />
      ) : events.data.length === 0 ? (
        <p className="card empty">{t.events.empty}</p>
      ) : (
        <ul className="event-list" data-testid="event-list">
          {events.data.map((event) => (
            <li key={event.id} className="card event-card">
              <Badge tone="blue">{t.events.kind[event.kind] ?? event.kind}</Badge>
              <h2>
                <Link to={paths.event(event.id)}>{event.name}</Link>
              </h2>
              <EventFacts event={event} />
              <Link
                to={paths.event(event.id)}
                className="button button--primary"
                aria-label={`${t.events.details}: ${event.name}`}
              >
                {t.events.details}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function EventPage({ id }: { id: string }) {
  const { t } = useLanguage();
  const event = useEvent(id);
  const queryClient = useQueryClient();
  const form = usePublicForm({
    submit: (_values, applicant) => portalApi.eventRegistration(id, applicant),
    problemMessage: (error, dictionary) => {
      if (error.status === 404) return dictionary.events.notFound;
      // Ended meanwhile: say so, and show the page as closed.
      if (error.status === 422 && !error.fieldErrors.length) {
        void queryClient.invalidateQueries({ queryKey: portalKeys.event(id) });
        return dictionary.events.closed;
      }
      return undefined;
    },
  });

  if (event.isPending) return <Loading />;
  if (event.isError) {
    return (
      <>
        <PageHeading title={t.common.notFoundTitle} />
        <LoadError error={event.error} onRetry={() => void event.refetch()} notFound={t.events.notFound} />
        <p>
          <Link to={paths.events}>← {t.events.allEvents}</Link>
        </p>
      </>
    );
  }
  const e = event.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to={paths.events}>← {t.events.allEvents}</Link>
      </p>
      <PageHeading title={e.name}>
        <p>
          <Badge tone="blue">{t.events.kind[e.kind] ?? e.kind}</Badge>
        </p>
      </PageHeading>
      <section className="card">
        <EventFacts event={e} />
        {e.description && <p className="pre-line">{e.description}</p>}
      </section>
      {form.result || e.registrationOpen ? (
        <PublicForm
          form={form}
          submitLabel={t.events.submit}
          companyRequired={false}
          labelledBy="register-title"
          testId="event-form"
        >
          <h2 id="register-title">{t.events.registerTitle}</h2>
        </PublicForm>
      ) : (
        <p className="alert alert--info">{t.events.closed}</p>
      )}
    </>
  );
}
