export * from './land-bank/land-bank';
export * from './pipelines/default-pipelines';
export * from './vsic/vsic-2018';
export * from './tax-code/tax-code';
export * from './countries/countries';
export * from './mentions/mentions';
export * from './timeline/entry-kinds';
