export * from './health';
export * from './page';
export * from './pipelines';
export * from './problem';
export * from './users';
export * from './zones';
