import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useRef, useState } from 'react';
import { ApiError } from '../../common/api.js';

type Listed = UploadFile & { fileId?: string };

/**
 * Evidence and material for a form: each chosen file (photo, PDF, Word, Excel) is uploaded at once
 * through `upload`; the form value is the list of file ids the server returned.
 */
export function FileIdsUpload({ id, upload, onChange }: { id?: string; upload: (file: File) => Promise<{ fileId: string }>; value?: string[]; onChange?: (ids: string[]) => void }) {
  const { message } = App.useApp();
  const [files, setFiles] = useState<Listed[]>([]);
  // The latest list, so the form value is set outside React's state updaters (no update during render).
  const latest = useRef<Listed[]>([]);
  const update = (fn: (prev: Listed[]) => Listed[]) => {
    latest.current = fn(latest.current);
    setFiles(latest.current);
    onChange?.(latest.current.filter((f) => f.fileId).map((f) => f.fileId as string));
  };
  return (
    <Upload
      id={id}
      multiple
      fileList={files}
      accept="image/*,.pdf,.docx,.xlsx"
      customRequest={async (opts) => {
        const uid = (opts.file as UploadFile).uid;
        try {
          const res = await upload(opts.file as File);
          update((prev) => prev.map((f) => (f.uid === uid ? { ...f, status: 'done' as const, fileId: res.fileId } : f)));
          opts.onSuccess?.(res);
        } catch (err) {
          message.error(err instanceof ApiError ? err.message : '上传失败');
          update((prev) => prev.map((f) => (f.uid === uid ? { ...f, status: 'error' as const } : f)));
        }
      }}
      onChange={({ fileList }) => update((prev) => fileList.map((f) => ({ ...f, fileId: prev.find((p) => p.uid === f.uid)?.fileId })))}
    >
      <Button icon={<UploadOutlined />}>上传照片或文件</Button>
    </Upload>
  );
}
