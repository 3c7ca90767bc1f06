import { App } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../common/api.js';
import { getImportJob } from '../features/registry/api/registry.js';
import type { ImportJob } from '../features/registry/api/types.js';

/** RFC 4122 v4 from getRandomValues (crypto.randomUUID needs a secure context; intranets often use http). */
function uuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The upload → check (dry run) → confirm cycle every xlsx import page shares. While the server
 * works, the import job is polled for progress (the client picks the job id). A confirmation the
 * server refuses on its re-check (the file or the data changed) comes back as a new preview.
 */
export function useImportRun<R extends { written?: boolean }>(call: (file: File, dryRun: boolean, importId: string) => Promise<R>) {
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<R | null>(null);
  const [result, setResult] = useState<R | null>(null);
  const [running, setRunning] = useState<'check' | 'import' | null>(null);
  const [progress, setProgress] = useState<ImportJob | null>(null);
  const poll = useRef<ReturnType<typeof setInterval> | null>(null);

  useEffect(() => () => void (poll.current && clearInterval(poll.current)), []);

  const reset = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
    setProgress(null);
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    const id = uuid();
    setRunning(dryRun ? 'check' : 'import');
    setProgress(null);
    poll.current = setInterval(() => {
      getImportJob(id).then(setProgress, () => undefined);
    }, 800);
    try {
      const res = await call(file, dryRun, id);
      if (dryRun) setPreview(res);
      else if (res.written) setResult(res);
      else {
        setPreview(res);
        message.warning('导入前复查发现问题，未写入任何数据，请查看错误清单');
      }
    } catch (err) {
      message.error(err instanceof ApiError ? (Object.values(err.fields)[0] ?? err.message) : '上传失败，请重试');
    } finally {
      if (poll.current) clearInterval(poll.current);
      poll.current = null;
      setRunning(null);
    }
  };

  return { file, setFile, preview, setPreview, result, running, progress, run, reset, step: result ? 2 : preview ? 1 : 0 };
}
