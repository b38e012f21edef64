export * from './events';
export * from './threads';
