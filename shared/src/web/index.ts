export * from './start-data';
