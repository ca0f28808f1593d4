import { PipelineKind, RecordSubjectType } from '@irm/contracts';
import { useParams } from 'react-router';
import { useCurrentUser } from '../features/auth';
import { PortalPanel } from '../features/investor-portal';
import {
  isLoanApplication,
  ItemRecord,
  LoanDocumentsPanel,
  LoanTranchesPanel,
  StageHistoryPanel,
} from '../features/pipelines';
import { TasksPanel } from '../features/tasks';
import { TimelinePanel } from '../features/timeline';

export function LoanApplicationRecordPage() {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  // Keyed by id: moving between items starts each one fresh (dialogs closed, no leftover errors).
  return (
    <ItemRecord
      key={id}
      kind={PipelineKind.LoanApplication}
      id={id}
      me={me}
      panels={(item, canChange) => (
        <>
          <PortalPanel kind={item.kind} itemId={item.id} canReply={canChange} />
          {isLoanApplication(item) && (
            <>
              <LoanDocumentsPanel application={item} canChange={canChange} />
              <LoanTranchesPanel application={item} canChange={canChange} />
            </>
          )}
          <StageHistoryPanel kind={item.kind} itemId={item.id} />
          <TasksPanel subjectType={RecordSubjectType.LoanApplication} subjectId={item.id} subjectName={item.title} />
          <TimelinePanel subjectType={RecordSubjectType.LoanApplication} subjectId={item.id} />
        </>
      )}
    />
  );
}
