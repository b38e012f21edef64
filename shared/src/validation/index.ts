export * from './common';
export * from './auth';
export * from './members';
export * from './measures';
export * from './change-ideas';
