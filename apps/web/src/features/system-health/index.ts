export { SystemHealthBadge } from './components/SystemHealthBadge';
