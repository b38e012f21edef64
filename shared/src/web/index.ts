export * from './start-data';
export * from './page-branches';
