export * from './land-bank/land-bank';
export * from './pipelines/default-pipelines';
