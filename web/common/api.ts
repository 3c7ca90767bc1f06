/**
 * The one HTTP client of both web apps. Every server error has the shape
 * { error: { code, message, details?, requestId } }; it is thrown as ApiError so forms can show
 * `fields` next to their inputs and pages can show `message`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly requestId?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(url: string, query?: Query): string {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${url}${url.includes('?') ? '&' : '?'}${s}` : url;
}

/** Called on 401 so the console can send the user back to the login page. */
let onUnauthenticated: (() => void) | null = null;
export function setUnauthenticatedHandler(fn: () => void) {
  onUnauthenticated = fn;
}

async function request<T>(method: string, url: string, body?: unknown, query?: Query): Promise<T> {
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  const res = await fetch(withQuery(url, query), {
    method,
    credentials: 'same-origin',
    headers: body === undefined || isForm ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : isForm ? (body as FormData) : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  const data = type.includes('application/json') ? await res.json() : await res.blob();
  if (!res.ok) {
    const e = (data as { error?: { code: string; message: string; details?: { fields?: Record<string, string> }; requestId?: string } }).error;
    if (res.status === 401 && onUnauthenticated && !url.endsWith('/api/auth/login')) onUnauthenticated();
    throw new ApiError(res.status, e?.code ?? 'HTTP_ERROR', e?.message ?? `请求失败（${res.status}）`, e?.details?.fields ?? {}, e?.requestId, e?.details as Record<string, unknown>);
  }
  return data as T;
}

export const api = {
  get: <T>(url: string, query?: Query) => request<T>('GET', url, undefined, query),
  post: <T>(url: string, body?: unknown, query?: Query) => request<T>('POST', url, body ?? {}, query),
  put: <T>(url: string, body?: unknown) => request<T>('PUT', url, body ?? {}),
  patch: <T>(url: string, body?: unknown) => request<T>('PATCH', url, body ?? {}),
  delete: <T>(url: string) => request<T>('DELETE', url),
  upload: <T>(url: string, form: FormData, query?: Query) => request<T>('POST', url, form, query),
  /** Triggers a browser download of a file endpoint (xlsx/docx exports). */
  download: (url: string, query?: Query) => {
    const a = document.createElement('a');
    a.href = withQuery(url, query);
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
  },
};

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Adapter for ProTable's `request` prop: server-side pagination with the API's page/pageSize. */
export async function tableRequest<T>(url: string, params: Record<string, unknown> & { current?: number; pageSize?: number }) {
  const { current, pageSize, ...rest } = params;
  const data = await api.get<Page<T>>(url, { ...(rest as Query), page: current ?? 1, pageSize: pageSize ?? 20 });
  return { data: data.items, total: data.total, success: true };
}

/** Maps ApiError field messages onto an antd Form. */
export function applyFieldErrors(form: { setFields: (f: { name: (string | number)[] | string; errors: string[] }[]) => void }, err: unknown): boolean {
  if (!(err instanceof ApiError) || Object.keys(err.fields).length === 0) return false;
  form.setFields(Object.entries(err.fields).map(([name, msg]) => ({ name: name.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [msg] })));
  return true;
}
