import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Descriptions, Form, Select, Space, Steps, Table, Tag, Upload } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { HOTLINE_FIELDS } from '../../../../core/intake/hotline12345.js';
import { fmtDateTime } from '../../../common/format.js';
import { ImportConfirmBar, ImportDone, ImportProgress } from '../../components/ImportSteps.js';
import { ImportIssuesTable } from '../../components/ImportIssuesTable.js';
import { useImportRun } from '../../components/useImportRun.js';
import { type ComplaintImportResult, downloadImportTemplate, runComplaintImport } from './api/complaints.js';

type Row = ComplaintImportResult['preview'][number];

/**
 * 12345 工单导入: upload an export → the server checks every row without writing (errors listed with
 * the Excel row number) → confirm. Re-importing the same orders updates them (keyed on 办件编号).
 * Standard exports are recognised by their headers; other layouts are mapped by hand.
 */
export default function ComplaintImportPage() {
  const navigate = useNavigate();
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const mappingRef = useRef(mapping);
  const [showMapping, setShowMapping] = useState(false);
  const [mappingForm] = Form.useForm();
  const { file, setFile, preview, result, running, progress, run, reset: resetRun, step } = useImportRun((f, dryRun, id) =>
    runComplaintImport(f, dryRun, id, mappingRef.current),
  );
  const applyMapping = (m: Record<string, string>) => {
    mappingRef.current = m;
    setMapping(m);
  };

  const reset = () => {
    resetRun();
    applyMapping({});
    setShowMapping(false);
    mappingForm.resetFields();
  };

  /** Headers of the file the user can map: those recognised plus those ignored. */
  const headers = preview ? [...new Set([...Object.values(preview.recognised), ...preview.ignoredColumns])] : [];
  const missingRequired = preview ? HOTLINE_FIELDS.filter((f) => f.required && !preview.recognised[f.key]) : [];

  return (
    <PageContainer
      title="12345 工单导入"
      content="上传 12345 热线系统导出的工单 Excel（.xlsx）。系统先逐行检查并列出问题（行号即 Excel 行号），确认后才写入；按办件编号去重，重复导入只更新、不重复登记。"
      onBack={() => navigate('/app/complaints')}
    >
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Button icon={<DownloadOutlined />} onClick={downloadImportTemplate}>
            下载导入模板
          </Button>
        </Space>
        <Steps current={step} items={[{ title: '选择文件并检查' }, { title: '核对检查结果' }, { title: '导入完成' }]} style={{ marginBottom: 24 }} />

        {step === 0 && (
          <>
            <Upload.Dragger
              accept=".xlsx"
              maxCount={1}
              beforeUpload={(f) => {
                setFile(f);
                return false;
              }}
              onRemove={() => setFile(null)}
              fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
              disabled={running !== null}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">点击或拖入 12345 工单 Excel 文件（.xlsx）</p>
              <p className="ant-upload-hint">自动识别常见导出列（{HOTLINE_FIELDS.map((f) => f.header).join('、')} 及其常见别名）；其他格式可在检查后手工对应列名。</p>
            </Upload.Dragger>
            <Button type="primary" style={{ marginTop: 16 }} disabled={!file} loading={running === 'check'} onClick={() => void run(true)}>
              检查文件
            </Button>
          </>
        )}

        {running && <ImportProgress progress={progress} />}

        {step === 1 && preview && (
          <>
            <Descriptions bordered size="small" column={{ xs: 1, md: 5 }} style={{ marginBottom: 16 }}>
              <Descriptions.Item label="文件">{file?.name}</Descriptions.Item>
              <Descriptions.Item label="数据行">{preview.total}</Descriptions.Item>
              <Descriptions.Item label="将新增">{preview.ok ? preview.created : '—'}</Descriptions.Item>
              <Descriptions.Item label="将更新">{preview.ok ? preview.updated : '—'}</Descriptions.Item>
              <Descriptions.Item label="文件内重复编号">{preview.duplicates}</Descriptions.Item>
            </Descriptions>
            {preview.ok ? (
              <Alert
                type="success"
                showIcon
                style={{ marginBottom: 16 }}
                message={`检查通过：共 ${preview.total} 行，将新增 ${preview.created} 条、更新 ${preview.updated} 条${preview.duplicates ? `；${preview.duplicates} 行办件编号在文件中重复，以最后一行为准` : ''}。确认后一次性写入。`}
              />
            ) : (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 16 }}
                message={`发现 ${preview.errorCount} 处问题，整份文件不会写入。请在 Excel 中按下表修改后重新上传${missingRequired.length ? '，或在下方手工对应列名' : ''}。`}
                description={preview.errorsTruncated ? `仅列出前 ${preview.errors.length} 处。` : undefined}
              />
            )}
            <Descriptions size="small" column={1} style={{ marginBottom: 8 }}>
              <Descriptions.Item label="已识别的列">
                <Space size={[4, 4]} wrap>
                  {HOTLINE_FIELDS.filter((f) => preview.recognised[f.key]).map((f) => (
                    <Tag key={f.key} color="green">
                      {f.header}
                      {preview.recognised[f.key] !== f.header ? ` ← ${preview.recognised[f.key]}` : ''}
                    </Tag>
                  ))}
                  {missingRequired.map((f) => (
                    <Tag key={f.key} color="red">
                      缺少 {f.header}
                    </Tag>
                  ))}
                </Space>
              </Descriptions.Item>
              {preview.ignoredColumns.length > 0 && <Descriptions.Item label="未识别、已忽略的列">{preview.ignoredColumns.join('、')}</Descriptions.Item>}
            </Descriptions>
            {(missingRequired.length > 0 || preview.ignoredColumns.length > 0) && !showMapping && (
              <Button style={{ marginBottom: 16 }} onClick={() => setShowMapping(true)}>
                手工对应列名
              </Button>
            )}
            {showMapping && (
              <Card size="small" title="列名对应（文件不是标准 12345 导出格式时填写）" style={{ marginBottom: 16 }}>
                <Form
                  form={mappingForm}
                  layout="inline"
                  initialValues={preview.recognised}
                  onFinish={(v: Record<string, string | undefined>) => {
                    const m = Object.fromEntries(Object.entries(v).filter(([, h]) => !!h)) as Record<string, string>;
                    applyMapping(m);
                    void run(true);
                  }}
                >
                  {HOTLINE_FIELDS.map((f) => (
                    <Form.Item key={f.key} name={f.key} label={f.header} rules={f.required ? [{ required: true, message: '必填' }] : []} style={{ marginBottom: 8 }}>
                      <Select allowClear style={{ width: 160 }} options={headers.map((h) => ({ value: h, label: h }))} placeholder="不导入" />
                    </Form.Item>
                  ))}
                  <Button htmlType="submit" type="primary" loading={running === 'check'}>
                    按对应关系重新检查
                  </Button>
                </Form>
              </Card>
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
            {preview.errors.length > 0 && <ImportIssuesTable issues={preview.errors} style={{ marginBottom: 16 }} />}
            {preview.preview.length > 0 && (
              <Table<Row>
                rowKey="row"
                size="small"
                title={() => '导入预览'}
                dataSource={preview.preview}
                pagination={{ pageSize: 10 }}
                scroll={{ x: true }}
                style={{ marginBottom: 16 }}
                columns={[
                  { title: '行号', dataIndex: 'row', width: 70 },
                  { title: '办件编号', dataIndex: 'externalRef', width: 160 },
                  { title: '处理', dataIndex: 'action', width: 70, render: (v: Row['action']) => (v === 'create' ? <Tag color="green">新增</Tag> : <Tag color="blue">更新</Tag>) },
                  { title: '诉求内容', dataIndex: 'description', ellipsis: true },
                  { title: '小区', dataIndex: 'projectName', width: 140, render: (v) => v ?? '—' },
                  { title: '诉求人', dataIndex: 'contactName', width: 90, render: (v) => v ?? '—' },
                  { title: '电话', dataIndex: 'contactPhone', width: 130, render: (v) => v ?? '—' },
                  { title: '受理时间', dataIndex: 'receivedAt', width: 140, render: (v) => fmtDateTime(v) },
                  { title: '办件状态', dataIndex: 'upstreamStatus', width: 90, render: (v) => v ?? '—' },
                ]}
              />
            )}
            <ImportConfirmBar ok={preview.ok} running={running} onReset={reset} onConfirm={() => void run(false)} />
          </>
        )}

        {step === 2 && result && (
          <ImportDone
            result={result}
            fileKept={false}
            extra={[
              <Button key="list" type="primary" onClick={() => navigate('/app/complaints?box=to_dispatch')}>
                去派单
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
