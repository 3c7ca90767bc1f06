import { Button, Progress, Result, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ImportJob } from '../features/registry/api/types.js';

/** The steps every xlsx import page shows (see useImportRun for the cycle behind them). */

const PHASE_LABELS: Record<ImportJob['status'], string> = { reading: '读取并检查中', validating: '检查中', writing: '写入中', done: '完成', failed: '失败' };

/** While the server reads, checks or writes: the phase and rows done, from the polled import job. */
export function ImportProgress({ progress }: { progress: ImportJob | null }) {
  return (
    <div style={{ marginTop: 16 }}>
      <Typography.Text>{progress ? `${PHASE_LABELS[progress.status]}：已处理 ${progress.processed.toLocaleString('zh-CN')} 行` : '正在上传…'}</Typography.Text>
      <Progress percent={progress?.total ? Math.round((progress.processed / progress.total) * 100) : 0} status="active" showInfo={!!progress?.total} />
    </div>
  );
}

/** Under the check results: start over, or confirm — only a clean file can be imported. */
export function ImportConfirmBar(props: { ok: boolean; running: 'check' | 'import' | null; onReset: () => void; onConfirm: () => void }) {
  return (
    <Space>
      <Button onClick={props.onReset} disabled={props.running !== null}>
        重新选择文件
      </Button>
      <Button type="primary" disabled={!props.ok || props.running !== null} loading={props.running === 'import'} onClick={props.onConfirm}>
        确认导入
      </Button>
    </Space>
  );
}

/**
 * The last step of an xlsx import: what was written, and the file's fingerprint. `fileKept`
 * says whether the server kept the uploaded file (registry imports) or, because it holds
 * residents' personal data, only its fingerprint (12345 work orders).
 */
export function ImportDone(props: { result: { total: number; created: number; updated: number; fileSha256: string }; fileKept: boolean; extra: ReactNode[] }) {
  const { result } = props;
  return (
    <Result
      status="success"
      title="导入完成"
      subTitle={
        <>
          共 {result.total} 行：新增 <Tag color="green">{result.created}</Tag>更新 <Tag color="blue">{result.updated}</Tag>
          <br />
          文件指纹 SHA-256：<Typography.Text code copyable>{result.fileSha256.slice(0, 16)}…</Typography.Text>
          {props.fileKept ? '（原文件已留存备查，并记入审计日志）' : '（原文件含个人信息，不留存；指纹已记入审计日志）'}
        </>
      }
      extra={props.extra}
    />
  );
}
