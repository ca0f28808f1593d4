import { useParams } from 'react-router';
import { useCurrentUser } from '../features/auth';
import { ContactRecord } from '../features/contacts';

export function ContactRecordPage() {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  // Keyed by id: moving between records starts each one fresh (dialogs closed, no leftover errors).
  return <ContactRecord key={id} id={id} me={me} />;
}
