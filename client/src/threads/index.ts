export { ThreadPanel, type ThreadPanelProps } from './components/thread-panel';
export { UnreadThreadsBadge, useUnreadThreadsCount } from './components/unread-threads-badge';
