import { useParams } from 'react-router';
import { useCurrentUser } from '../features/auth';
import { OrganizationRecord } from '../features/organizations';

export function InvestorRecordPage() {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  // Keyed by id: moving between records starts each one fresh (dialogs closed, no leftover errors).
  return <OrganizationRecord key={id} id={id} me={me} />;
}
