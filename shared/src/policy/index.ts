export * from './policy';
export * from './change-ideas';
export * from './groups';
export * from './threads';
export * from './proposals';
