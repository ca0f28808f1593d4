export { LandBankOverview } from './components/LandBankOverview';
