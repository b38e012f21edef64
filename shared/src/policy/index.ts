export * from './policy';
export * from './change-ideas';
export * from './threads';
