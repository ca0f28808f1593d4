import { useParams } from 'react-router';
import { useCurrentUser } from '../features/auth';
import { EventRecord } from '../features/events';

export function EventRecordPage() {
  const { id = '' } = useParams();
  // Keyed by id: moving between events starts each one fresh (dialogs closed, no leftover errors).
  return <EventRecord key={id} id={id} me={useCurrentUser()} />;
}
