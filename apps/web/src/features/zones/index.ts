export { ZoneRecord } from './components/ZoneRecord';
export { ZonesList } from './components/ZonesList';
export { ZONES_PATH, zonePath } from './paths';
