import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Permission } from '../../../core/roles.js';
import { ApiError, api, setUnauthenticatedHandler } from '../../common/api.js';

export interface Me {
  user: { id: string; username: string; displayName: string; mustChangePassword: boolean; mustEnrolTotp?: boolean };
  roles: string[];
  permissions: Permission[];
  region: { id: number; code: string; name: string; level: string };
  orgUnit: { id: string; name: string; type: string } | null;
  enterpriseId: string | null;
}

interface SessionValue {
  me: Me | null;
  loading: boolean;
  reload: () => Promise<Me | null>;
  logout: () => Promise<void>;
  can: (p: Permission | Permission[] | undefined) => boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const reload = useCallback(async () => {
    try {
      const m = await api.get<Me>('/api/me');
      setMe(m);
      return m;
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401)) throw err;
      setMe(null);
      return null;
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    setUnauthenticatedHandler(() => setMe(null));
    void reload();
  }, [reload]);
  const logout = useCallback(async () => {
    await api.post('/api/auth/logout').catch(() => undefined);
    setMe(null);
  }, []);
  const can = useCallback(
    (p: Permission | Permission[] | undefined) => {
      if (!p) return true;
      if (!me) return false;
      return (Array.isArray(p) ? p : [p]).some((x) => me.permissions.includes(x));
    },
    [me],
  );
  return <SessionContext.Provider value={{ me, loading, reload, logout, can }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
