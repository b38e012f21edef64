export * from './roles';
export * from './errors';
export * from './policy';
export * from './validation';
export * from './spc';
export * from './suppression';
export * from './realtime';
export * from './resources';
