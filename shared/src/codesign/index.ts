export * from './lifecycle';
export * from './decisions';
export * from './proposals';
