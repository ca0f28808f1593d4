export { EventContactConversion } from './components/EventContactConversion';
export { EventRecord } from './components/EventRecord';
export { EventsList } from './components/EventsList';
export { EVENTS_PATH, eventPath, itemPath } from './paths';
