export * from './next-decision';
export * from './home-cards';
