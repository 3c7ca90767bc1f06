import { EventEmitter } from 'node:events';

/**
 * In-process signal "this user's messages changed", so this instance's open streams push at once.
 * Streams also re-read the count every few seconds, which covers changes made by other instances.
 */
export const messageBus = new EventEmitter();
messageBus.setMaxListeners(0);

export function notifyChanged(userIds: Iterable<string>) {
  for (const id of userIds) messageBus.emit(`user:${id}`);
}
