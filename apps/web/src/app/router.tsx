import { Role } from '@irm/contracts';
import { createBrowserRouter, Navigate } from 'react-router';
import { RequireAuth, RequireRole } from '../features/auth';
import { AdminUsersPage } from '../pages/AdminUsersPage';
import { ApiTokensPage } from '../pages/ApiTokensPage';
import { ContactRecordPage } from '../pages/ContactRecordPage';
import { ContactsPage } from '../pages/ContactsPage';
import { DashboardPage } from '../pages/DashboardPage';
import { DuplicatesPage } from '../pages/DuplicatesPage';
import { EventContactRecordPage } from '../pages/EventContactRecordPage';
import { EventRecordPage } from '../pages/EventRecordPage';
import { EventsPage } from '../pages/EventsPage';
import { FailedEmailsPage } from '../pages/FailedEmailsPage';
import { ForgotPasswordPage } from '../pages/ForgotPasswordPage';
import { HomePage } from '../pages/HomePage';
import { ImportPage } from '../pages/ImportPage';
import { ImportsPage } from '../pages/ImportsPage';
import { InvestorRecordPage } from '../pages/InvestorRecordPage';
import { InvitationPage } from '../pages/InvitationPage';
import { InvestorsPage } from '../pages/InvestorsPage';
import { LandEnquiryRecordPage } from '../pages/LandEnquiryRecordPage';
import { LoanApplicationRecordPage } from '../pages/LoanApplicationRecordPage';
import { LoginPage } from '../pages/LoginPage';
import { NewImportPage } from '../pages/NewImportPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { PipelinePage } from '../pages/PipelinePage';
import { PipelineSettingsPage } from '../pages/PipelineSettingsPage';
import { PortalAssignmentPage } from '../pages/PortalAssignmentPage';
import { ProfilePage } from '../pages/ProfilePage';
import { ProspectRecordPage } from '../pages/ProspectRecordPage';
import { ResetPasswordPage } from '../pages/ResetPasswordPage';
import { RouteErrorPage } from '../pages/RouteErrorPage';
import { ZoneRecordPage } from '../pages/ZoneRecordPage';
import { ZonesPage } from '../pages/ZonesPage';
import { TasksPage } from '../pages/TasksPage';
import { UnsubscribePage } from '../pages/UnsubscribePage';
import { AppLayout } from './shell/AppLayout';
import { PublicLayout } from './shell/PublicLayout';

export const router = createBrowserRouter([
  {
    errorElement: <RouteErrorPage />,
    children: [
      // Public: no session needed, no staff shell.
      { path: '/login', element: <LoginPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/invitation/:token', element: <InvitationPage /> },
      { path: '/reset-password/:token', element: <ResetPasswordPage /> },
      {
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <HomePage /> },
          { path: 'dashboard', element: <DashboardPage /> },
          { path: 'investors', element: <InvestorsPage /> },
          { path: 'investors/:id', element: <InvestorRecordPage /> },
          { path: 'contacts', element: <ContactsPage /> },
          { path: 'contacts/:id', element: <ContactRecordPage /> },
          { path: 'zones', element: <ZonesPage /> },
          { path: 'zones/:id', element: <ZoneRecordPage /> },
          { path: 'pipelines', element: <Navigate to="/pipelines/prospect" replace /> },
          { path: 'pipelines/:kind', element: <PipelinePage />, handle: { wide: true } },
          { path: 'prospects/:id', element: <ProspectRecordPage /> },
          { path: 'land-enquiries/:id', element: <LandEnquiryRecordPage /> },
          { path: 'loan-applications/:id', element: <LoanApplicationRecordPage /> },
          { path: 'event-contacts/:id', element: <EventContactRecordPage /> },
          { path: 'events', element: <EventsPage /> },
          { path: 'events/:id', element: <EventRecordPage /> },
          { path: 'duplicates', element: <DuplicatesPage /> },
          { path: 'tasks', element: <TasksPage /> },
          { path: 'imports', element: <ImportsPage /> },
          { path: 'imports/new', element: <NewImportPage /> },
          { path: 'imports/:id', element: <ImportPage /> },
          { path: 'settings/profile', element: <ProfilePage /> },
          { path: 'settings/tokens', element: <ApiTokensPage /> },
          {
            path: 'settings/pipelines',
            element: (
              <RequireRole roles={[Role.Manager, Role.Admin]}>
                <PipelineSettingsPage />
              </RequireRole>
            ),
          },
          {
            path: 'settings/portal-assignment',
            element: (
              <RequireRole roles={[Role.Manager, Role.Admin]}>
                <PortalAssignmentPage />
              </RequireRole>
            ),
          },
          {
            path: 'admin/users',
            element: (
              <RequireRole roles={[Role.Admin]}>
                <AdminUsersPage />
              </RequireRole>
            ),
          },
          {
            path: 'admin/emails',
            element: (
              <RequireRole roles={[Role.Admin]}>
                <FailedEmailsPage />
              </RequireRole>
            ),
          },
        ],
      },
      {
        element: <PublicLayout />,
        children: [
          // An investor's link from an email: no sign-in.
          { path: 'unsubscribe/:token', element: <UnsubscribePage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
