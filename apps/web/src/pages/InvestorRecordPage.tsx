import { RecordSubjectType } from '@irm/contracts';
import { useParams } from 'react-router';
import { useCurrentUser } from '../features/auth';
import { OrganizationContactsPanel } from '../features/contacts';
import { OrganizationRecord } from '../features/organizations';
import { TasksPanel } from '../features/tasks';
import { TimelinePanel } from '../features/timeline';

export function InvestorRecordPage() {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  // Keyed by id: moving between records starts each one fresh (dialogs closed, no leftover errors).
  return (
    <OrganizationRecord
      key={id}
      id={id}
      me={me}
      panels={(organization) => (
        <>
          <OrganizationContactsPanel organization={organization} me={me} />
          <TasksPanel
            subjectType={RecordSubjectType.Organization}
            subjectId={organization.id}
            subjectName={organization.name}
          />
          <TimelinePanel subjectType={RecordSubjectType.Organization} subjectId={organization.id} />
        </>
      )}
    />
  );
}
