import { PipelineKind, RecordSubjectType } from '@irm/contracts';
import { useParams } from 'react-router';
import { useCurrentUser } from '../features/auth';
import { ItemRecord, StageHistoryPanel } from '../features/pipelines';
import { TasksPanel } from '../features/tasks';
import { TimelinePanel } from '../features/timeline';

export function ProspectRecordPage() {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  // Keyed by id: moving between items starts each one fresh (dialogs closed, no leftover errors).
  return (
    <ItemRecord
      key={id}
      kind={PipelineKind.Prospect}
      id={id}
      me={me}
      panels={(item) => (
        <>
          <StageHistoryPanel kind={item.kind} itemId={item.id} />
          <TasksPanel subjectType={RecordSubjectType.Prospect} subjectId={item.id} subjectName={item.title} />
          <TimelinePanel subjectType={RecordSubjectType.Prospect} subjectId={item.id} />
        </>
      )}
    />
  );
}
