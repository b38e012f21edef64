export * from './policy';
export * from './change-ideas';
