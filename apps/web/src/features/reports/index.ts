export { ManagerDashboard } from './components/ManagerDashboard';
export { DASHBOARD_PATH } from './paths';
