export * from './mentions';
export * from './sequence';
