import { api } from '../../../common/api.js';

export interface Message {
  id: string;
  kind: string;
  kindLabel: string;
  title: string;
  body: string;
  link: string;
  createdAt: string;
  readAt: string | null;
}
export interface MessageList {
  items: Message[];
  total: number;
  unread: number;
}
export interface KindInfo {
  kind: string;
  label: string;
  hasSms: boolean;
}
export interface Preferences {
  kinds: Record<string, { sms: boolean; email: boolean }>;
  labels: Record<string, string>;
  email: string | null;
  phone: string | null;
}

export const listMessages = (q: { unread?: boolean; kind?: string; page: number; pageSize: number }) =>
  api.get<MessageList>('/api/messages', { unread: q.unread ? 'true' : undefined, kind: q.kind, page: q.page, pageSize: q.pageSize });
export const listKinds = () => api.get<KindInfo[]>('/api/messages/kinds');
export const markRead = (id: string) => api.post<{ ok: boolean; unread: number }>(`/api/messages/${id}/read`);
export const markAllRead = () => api.post<{ updated: number }>('/api/messages/read-all');
export const getPreferences = () => api.get<Preferences>('/api/me/notification-preferences');
export const putPreferences = (body: { kinds: Preferences['kinds']; email?: string | null }) => api.put<Preferences>('/api/me/notification-preferences', body);
