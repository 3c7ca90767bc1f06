import { Result, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';

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
