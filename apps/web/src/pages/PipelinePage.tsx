import { PipelineKind } from '@irm/contracts';
import { Navigate, useParams } from 'react-router';
import { useCurrentUser } from '../features/auth';
import { isPipelineKind, PipelineView, pipelinePath } from '../features/pipelines';

/** `/pipelines/:kind`: the board (or list) of one of the four pipelines. */
export function PipelinePage() {
  const { kind } = useParams();
  const me = useCurrentUser();
  if (!isPipelineKind(kind)) return <Navigate to={pipelinePath(PipelineKind.Prospect)} replace />;
  // Keyed by kind: switching pipelines starts fresh (no dialog or drag left over).
  return <PipelineView key={kind} kind={kind} me={me} />;
}
