import { Role } from '@irm/contracts';
import { RequireRole } from '../features/auth';
import { ManagerDashboard } from '../features/reports';

/** Reports are for managers (and admins); the API refuses them to staff as well. */
export function DashboardPage() {
  return (
    <RequireRole roles={[Role.Manager, Role.Admin]}>
      <ManagerDashboard />
    </RequireRole>
  );
}
