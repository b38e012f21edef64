export * from './events';
export * from './thread-constants';
export * from './threads';
