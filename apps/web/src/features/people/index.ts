export { ColleaguePicker } from './components/ColleaguePicker';
export { useColleagues } from './hooks/use-colleagues';
