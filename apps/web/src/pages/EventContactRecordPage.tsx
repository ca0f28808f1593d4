import { PipelineKind, RecordSubjectType } from '@irm/contracts';
import { useParams } from 'react-router';
import { useCurrentUser } from '../features/auth';
import { PortalPanel } from '../features/investor-portal';
import { EventContactConversion } from '../features/events';
import { isEventContact, ItemRecord, StageHistoryPanel } from '../features/pipelines';
import { TasksPanel } from '../features/tasks';
import { TimelinePanel } from '../features/timeline';

export function EventContactRecordPage() {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  // Keyed by id: moving between items starts each one fresh (dialogs closed, no leftover errors).
  return (
    <ItemRecord
      key={id}
      kind={PipelineKind.EventContact}
      id={id}
      me={me}
      actions={(item, canChange) =>
        isEventContact(item) && <EventContactConversion item={item} canConvert={canChange} />
      }
      panels={(item, canChange) => (
        <>
          <PortalPanel kind={item.kind} itemId={item.id} canReply={canChange} />
          <StageHistoryPanel kind={item.kind} itemId={item.id} />
          <TasksPanel subjectType={RecordSubjectType.EventContact} subjectId={item.id} subjectName={item.title} />
          <TimelinePanel subjectType={RecordSubjectType.EventContact} subjectId={item.id} />
        </>
      )}
    />
  );
}
