import { RecordSubjectType } from '@irm/contracts';
import { useParams } from 'react-router';
import { useCurrentUser } from '../features/auth';
import { ContactRecord } from '../features/contacts';
import { TasksPanel } from '../features/tasks';
import { TimelinePanel } from '../features/timeline';

export function ContactRecordPage() {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  // Keyed by id: moving between records starts each one fresh (dialogs closed, no leftover errors).
  return (
    <ContactRecord
      key={id}
      id={id}
      me={me}
      panels={(contact) => (
        <>
          <TasksPanel subjectType={RecordSubjectType.Contact} subjectId={contact.id} subjectName={contact.fullName} />
          <TimelinePanel subjectType={RecordSubjectType.Contact} subjectId={contact.id} />
        </>
      )}
    />
  );
}
