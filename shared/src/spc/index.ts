export * from './captions';
export * from './funnel';
export * from './month-key';
export * from './observations';
export * from './phases';
export * from './run-chart';
export * from './shewhart';
export * from './types';
