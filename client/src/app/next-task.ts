/**
 * Resolves in a new task of the browser's event loop, so work after it does not lengthen the task
 * that awaited it. A message to itself rather than a timer: a tab opened in the background runs
 * timers at most once a second, but not messages.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
