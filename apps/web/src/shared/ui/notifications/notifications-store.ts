import { useSyncExternalStore } from 'react';

export type NotificationTone = 'success' | 'info' | 'warning' | 'error';

export interface AppNotification {
  id: number;
  tone: NotificationTone;
  message: string;
  title?: string;
  /** Milliseconds before it closes by itself; `false` keeps it until dismissed. */
  autoClose: number | false;
}

export type NotifyInput = Pick<AppNotification, 'message'> & Partial<Omit<AppNotification, 'id' | 'message'>>;

const DEFAULT_AUTO_CLOSE_MS = 6_000;
const ERROR_AUTO_CLOSE_MS = 10_000;
const MAX_VISIBLE = 4;

// Module state rather than React context: non-React code (the central API error handling) must be able to notify.
let notifications: readonly AppNotification[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const timers = new Map<number, ReturnType<typeof setTimeout>>();

function publish(next: readonly AppNotification[]): void {
  notifications = next;
  listeners.forEach((listener) => listener());
}

/** Shows a short message in the corner of the screen; returns its id for `dismissNotification`. */
export function notify({ message, title, tone = 'info', autoClose }: NotifyInput): number {
  const id = nextId++;
  const closeAfter = autoClose ?? (tone === 'error' ? ERROR_AUTO_CLOSE_MS : DEFAULT_AUTO_CLOSE_MS);
  const dropped = notifications.slice(0, Math.max(0, notifications.length - MAX_VISIBLE + 1));
  dropped.forEach((notification) => clearTimer(notification.id));
  publish([...notifications.slice(dropped.length), { id, message, title, tone, autoClose: closeAfter }]);
  if (closeAfter !== false)
    timers.set(
      id,
      setTimeout(() => dismissNotification(id), closeAfter),
    );
  return id;
}

export function dismissNotification(id: number): void {
  clearTimer(id);
  if (notifications.some((notification) => notification.id === id)) {
    publish(notifications.filter((notification) => notification.id !== id));
  }
}

function clearTimer(id: number): void {
  const timer = timers.get(id);
  if (timer !== undefined) clearTimeout(timer);
  timers.delete(id);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useNotifications(): readonly AppNotification[] {
  return useSyncExternalStore(subscribe, () => notifications);
}
