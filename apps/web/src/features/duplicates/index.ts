export { DuplicatesReport } from './components/DuplicatesReport';
