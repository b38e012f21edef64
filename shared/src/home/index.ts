export * from './next-decision';
