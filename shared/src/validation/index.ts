export * from './common';
export * from './auth';
export * from './members';
export * from './measures';
export * from './change-ideas';
export * from './groups';
export * from './notifications';
export * from './setup';
