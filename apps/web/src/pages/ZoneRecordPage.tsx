import { RecordSubjectType } from '@irm/contracts';
import { useParams } from 'react-router';
import { useCurrentUser } from '../features/auth';
import { TasksPanel } from '../features/tasks';
import { TimelinePanel } from '../features/timeline';
import { ZoneRecord } from '../features/zones';

export function ZoneRecordPage() {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  // Keyed by id: moving between zones starts each one fresh (dialogs closed, no leftover errors).
  return (
    <ZoneRecord
      key={id}
      id={id}
      me={me}
      panels={(zone) => (
        <>
          <TasksPanel subjectType={RecordSubjectType.Zone} subjectId={zone.id} subjectName={zone.name} />
          <TimelinePanel subjectType={RecordSubjectType.Zone} subjectId={zone.id} />
        </>
      )}
    />
  );
}
