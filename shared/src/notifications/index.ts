export * from './notification-view';
