export { ThreadPanel, type ThreadPanelProps } from './components/thread-panel';
export {
  UnreadCountBadge,
  UnreadThreadsBadge,
  useUnreadThreads,
  useUnreadThreadsCount,
} from './components/unread-threads-badge';
