export { TasksInbox } from './components/TasksInbox';
export { TasksNavBadge } from './components/TasksNavBadge';
export { TasksPanel } from './components/TasksPanel';
export { TASKS_PATH } from './paths';
