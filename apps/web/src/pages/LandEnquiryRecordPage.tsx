import { PipelineKind, RecordSubjectType } from '@irm/contracts';
import { useParams } from 'react-router';
import { useCurrentUser } from '../features/auth';
import { PortalPanel } from '../features/investor-portal';
import { isLandEnquiry, ItemRecord, LandMatchesPanel, StageHistoryPanel } from '../features/pipelines';
import { TasksPanel } from '../features/tasks';
import { TimelinePanel } from '../features/timeline';

export function LandEnquiryRecordPage() {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  // Keyed by id: moving between items starts each one fresh (dialogs closed, no leftover errors).
  return (
    <ItemRecord
      key={id}
      kind={PipelineKind.LandEnquiry}
      id={id}
      me={me}
      panels={(item, canChange) => (
        <>
          <PortalPanel kind={item.kind} itemId={item.id} canReply={canChange} />
          {isLandEnquiry(item) && <LandMatchesPanel enquiry={item} canChange={canChange} />}
          <StageHistoryPanel kind={item.kind} itemId={item.id} />
          <TasksPanel subjectType={RecordSubjectType.LandEnquiry} subjectId={item.id} subjectName={item.title} />
          <TimelinePanel subjectType={RecordSubjectType.LandEnquiry} subjectId={item.id} />
        </>
      )}
    />
  );
}
