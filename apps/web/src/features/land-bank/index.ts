export { LandBankOverview } from './components/LandBankOverview';
export { LandUseBar } from './components/LandUseBar';
export { LAND_USE_COLORS, LAND_USES, landUseShare, stackLandUses, type LandUse } from './components/land-use';
