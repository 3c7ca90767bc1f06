import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Descriptions, Segmented, Space, Steps, Upload } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useSession } from '../../app/session.js';
import { ImportConfirmBar, ImportDone, ImportProgress } from '../../components/ImportSteps.js';
import { ImportIssuesTable } from '../../components/ImportIssuesTable.js';
import { useImportRun } from '../../components/useImportRun.js';
import { type ImportKind, downloadExport, downloadTemplate, runImport } from './api/registry.js';
import type { ImportIssue, } from './api/types.js';

const KIND_LABELS: Record<ImportKind, string> = { enterprises: '物业服务企业', projects: '物业项目' };

/**
 * Upload → preview of every row/cell problem (dry run) → confirm (only when clean) → result.
 * While the server works, the page polls the import job for progress. Nothing is written until
 * the user confirms a clean file; the server re-checks the whole file at confirmation.
 */
export default function ImportPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const kind: ImportKind = search.get('kind') === 'enterprises' ? 'enterprises' : 'projects';
  const mayImport = can(kind === 'enterprises' ? 'enterprise:manage' : 'project:manage');
  const { file, setFile, preview, setPreview, result, running, progress, run, reset, step } = useImportRun((f, dryRun, id) => runImport(kind, f, dryRun, id));
  const issues: ImportIssue[] = preview?.errors ?? [];

  return (
    <PageContainer
      title="台账批量导入"
      content="按模板整理 Excel（.xlsx）后上传：系统先逐行检查，列出每个有问题的单元格；文件完全无误并经您确认后才写入，任何一处错误都不会写入。重复导入同一文件只会更新，不会产生重复记录。"
    >
      <Card style={{ marginBottom: 16 }}>
        <Space wrap style={{ marginBottom: 16 }}>
          <Segmented
            value={kind}
            options={(['enterprises', 'projects'] as ImportKind[]).map((k) => ({ value: k, label: KIND_LABELS[k] }))}
            onChange={(v) => {
              setSearch({ kind: String(v) });
              reset();
            }}
            disabled={running !== null}
          />
          <Button icon={<DownloadOutlined />} onClick={() => downloadTemplate(kind)}>
            下载{KIND_LABELS[kind]}导入模板
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => downloadExport(kind)}>
            导出现有{KIND_LABELS[kind]}
          </Button>
        </Space>
        <Steps current={step} items={[{ title: '选择文件并检查' }, { title: '核对检查结果' }, { title: '导入完成' }]} style={{ marginBottom: 24 }} />
        {!mayImport && <Alert type="info" showIcon message="您没有导入权限，可以下载模板和导出数据。" />}

        {mayImport && step === 0 && (
          <>
            <Upload.Dragger
              accept=".xlsx"
              maxCount={1}
              beforeUpload={(f) => {
                setFile(f);
                setPreview(null);
                return false;
              }}
              onRemove={() => setFile(null)}
              fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
              disabled={running !== null}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">点击或拖入 {KIND_LABELS[kind]} Excel 文件（.xlsx）</p>
              <p className="ant-upload-hint">列名须与模板一致，顺序不限；第 1 行为表头。</p>
            </Upload.Dragger>
            <Button type="primary" style={{ marginTop: 16 }} disabled={!file} loading={running === 'check'} onClick={() => void run(true)}>
              检查文件
            </Button>
          </>
        )}

        {running && <ImportProgress progress={progress} />}

        {step === 1 && preview && (
          <>
            <Descriptions bordered size="small" column={4} style={{ marginBottom: 16 }}>
              <Descriptions.Item label="文件">{file?.name}</Descriptions.Item>
              <Descriptions.Item label="数据行">{preview.total}</Descriptions.Item>
              <Descriptions.Item label="将新增">{preview.ok ? preview.created : '—'}</Descriptions.Item>
              <Descriptions.Item label="将更新">{preview.ok ? preview.updated : '—'}</Descriptions.Item>
            </Descriptions>
            {preview.ok ? (
              <Alert type="success" showIcon message={`检查通过：共 ${preview.total} 行，将新增 ${preview.created} 条、更新 ${preview.updated} 条。确认后一次性写入。`} style={{ marginBottom: 16 }} />
            ) : (
              <Alert
                type="error"
                showIcon
                message={`发现 ${preview.errorCount} 处问题，整份文件不会写入。请在 Excel 中按下表逐一修改后重新上传。`}
                description={preview.errorsTruncated ? `仅列出前 ${preview.errors.length} 处。` : undefined}
                style={{ marginBottom: 16 }}
              />
            )}
            {preview.ignoredColumns.length > 0 && (
              <Alert type="info" showIcon style={{ marginBottom: 16 }} message={`以下列不属于模板，已忽略：${preview.ignoredColumns.join('、')}`} />
            )}
            {preview.warnings.length > 0 && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                message={`${preview.warnings.length} 条提醒（不影响导入）`}
                description={preview.warnings.slice(0, 5).map((w) => `第 ${w.row} 行「${w.column}」：${w.message}`).join('；')}
              />
            )}
            {issues.length > 0 && <ImportIssuesTable issues={issues} style={{ marginBottom: 16 }} />}
            <ImportConfirmBar ok={preview.ok} running={running} onReset={reset} onConfirm={() => void run(false)} />
          </>
        )}

        {step === 2 && result && (
          <ImportDone
            result={result}
            fileKept={true}
            extra={[
              <Button key="list" type="primary" onClick={() => navigate(kind === 'enterprises' ? '/app/enterprises' : '/app/projects')}>
                查看{KIND_LABELS[kind]}
              </Button>,
              <Button key="again" onClick={reset}>
                继续导入
              </Button>,
            ]}
          />
        )}
      </Card>
    </PageContainer>
  );
}
