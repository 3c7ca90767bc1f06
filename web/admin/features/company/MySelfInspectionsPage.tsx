import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, App, Button, Card, Empty, Form, Input, List, Radio, Space, Spin, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, api, applyFieldErrors } from '../../../common/api.js';
import { type Assignment, SELF_INSPECTION_STATUS_LABELS, STATUS_COLORS, type SelfInspection, download } from '../self-inspections/api.js';

interface Row {
  found: 'none' | 'problem';
  problem?: string;
  responsiblePerson?: string;
  contact?: string;
  deadline?: string;
}

/** 我的自查表 (company account, phone-friendly): every project × campaign to fill, and the form itself. */
export default function MySelfInspectionsPage() {
  const [params, setParams] = useSearchParams();
  const [items, setItems] = useState<Assignment[] | null>(null);
  useEffect(() => void api.get<{ items: Assignment[] }>('/api/self-inspections/assignments').then((r) => setItems(r.items)), []);
  if (!items) return <Spin />;
  const current = items.find((a) => a.campaignId === params.get('campaignId') && a.projectId === params.get('projectId'));
  if (current) return <FillForm assignment={current} onBack={() => setParams({})} />;
  return (
    <PageContainer title="我的自查表" content="按专项行动要求，逐个项目对照六类整治重点开展自查，填写后确认并报区房管部门备案。">
      <List
        locale={{ emptyText: <Empty description="暂无需要填报的自查表" /> }}
        dataSource={items}
        renderItem={(a) => (
          <List.Item>
            <Card
              size="small"
              style={{ width: '100%' }}
              title={a.projectName}
              extra={<Tag color={a.status ? STATUS_COLORS[a.status] : 'orange'}>{a.status ? SELF_INSPECTION_STATUS_LABELS[a.status] : '未填报'}</Tag>}
            >
              <div>{a.campaignTitle}</div>
              {a.dueOn && <div>报送期限：{a.dueOn}</div>}
              {a.returnReason && a.status === 'returned' && <Alert type="error" message={`退回理由：${a.returnReason}`} style={{ margin: '8px 0' }} />}
              <Space wrap style={{ marginTop: 8 }}>
                {(!a.status || a.status === 'draft' || a.status === 'confirmed' || a.status === 'returned') && (
                  <Button type="primary" onClick={() => setParams({ campaignId: a.campaignId, projectId: a.projectId })}>
                    {a.status ? '修改' : '填报'}
                  </Button>
                )}
                {a.formId && <ViewButton id={a.formId} />}
              </Space>
            </Card>
          </List.Item>
        )}
      />
    </PageContainer>
  );
}

function ViewButton({ id }: { id: string }) {
  const navigate = useNavigate();
  return <Button onClick={() => navigate(`/app/self-inspections/${id}`)}>查看 / 确认报送</Button>;
}

function FillForm({ assignment: a, onBack }: { assignment: Assignment; onBack: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  // Untyped: field paths come from the server as rows.N.field.
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const rows: Row[] = Form.useWatch("rows", form) ?? [];
  useEffect(() => {
    const init = async () => {
      const existing = a.formId ? await api.get<SelfInspection>(`/api/self-inspections/${a.formId}`) : null;
      form.setFieldsValue({
        rows: a.focusItems.map((f) => {
          const it = existing?.items.find((i) => i.focusItemId === f.id);
          return it?.problem
            ? { found: 'problem', problem: it.problem, responsiblePerson: it.responsiblePerson ?? '', contact: it.contact ?? '', deadline: it.deadline ?? '' }
            : { found: 'none' };
        }),
      });
    };
    void init();
  }, [a, form]);
  const submit = async () => {
    const values = form.getFieldsValue();
    setBusy(true);
    setErrors([]);
    try {
      const body = {
        campaignId: a.campaignId,
        projectId: a.projectId,
        items: a.focusItems.map((f, i) => {
          const r = values.rows?.[i] ?? { found: 'none' };
          return r.found === 'problem'
            ? { focusItemId: f.id, problem: r.problem ?? '', responsiblePerson: r.responsiblePerson || null, contact: r.contact || null, deadline: r.deadline || null }
            : { focusItemId: f.id, problem: null };
        }),
      };
      const saved = await api.post<{ id: string }>('/api/self-inspections', body);
      message.success('已保存，请核对后确认并报送');
      navigate(`/app/self-inspections/${saved.id}`);
    } catch (e) {
      if (e instanceof ApiError) {
        applyFieldErrors(form, new ApiError(e.status, e.code, e.message, Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k.replace(/^items\./, 'rows.'), v]))));
        setErrors(Object.values(e.fields).length ? Object.values(e.fields) : [e.message]);
      }
    } finally {
      setBusy(false);
    }
  };
  const upload = async (file: File) => {
    const fd = new FormData();
    fd.append('file', file);
    try {
      const saved = await api.upload<{ id: string }>('/api/self-inspections/import', fd, { campaignId: a.campaignId, projectId: a.projectId });
      message.success('已导入，请核对后确认并报送');
      navigate(`/app/self-inspections/${saved.id}`);
    } catch (e) {
      const rowsErr = (e instanceof ApiError ? (e.details?.rows as { message: string }[] | undefined) : undefined) ?? [];
      setErrors(rowsErr.length ? rowsErr.map((r) => r.message) : [e instanceof Error ? e.message : '导入失败']);
    }
    return false;
  };
  return (
    <PageContainer title={`填报自查表：${a.projectName}`} onBack={onBack} content={a.campaignTitle}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button icon={<DownloadOutlined />} onClick={() => void download(`/api/self-inspections/template?campaignId=${a.campaignId}&projectId=${a.projectId}`, `专项整治自查表-${a.projectName}.xlsx`)}>
          下载空白附件1
        </Button>
        <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => void upload(f) as unknown as boolean}>
          <Button icon={<UploadOutlined />}>上传填好的附件1</Button>
        </Upload>
      </Space>
      {errors.length > 0 && <Alert type="error" showIcon message="请修改以下内容" description={<ul style={{ margin: 0 }}>{errors.map((m) => <li key={m}>{m}</li>)}</ul>} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        {a.focusItems.map((f, i) => (
          <Card key={f.id} size="small" style={{ marginBottom: 12 }} title={`${f.seq}. ${f.title}`} data-testid={`fill-${f.seq}`}>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {f.text}
            </Typography.Paragraph>
            <Form.Item name={['rows', i, 'found']} initialValue="none">
              <Radio.Group optionType="button" options={[{ value: 'none', label: '无问题' }, { value: 'problem', label: '发现问题' }]} />
            </Form.Item>
            {rows[i]?.found === 'problem' && (
              <>
                <Form.Item name={['rows', i, 'problem']} label="问题描述">
                  <Input.TextArea rows={2} />
                </Form.Item>
                <Form.Item name={['rows', i, 'responsiblePerson']} label="整改责任人">
                  <Input />
                </Form.Item>
                <Form.Item name={['rows', i, 'contact']} label="联系方式">
                  <Input inputMode="tel" />
                </Form.Item>
                <Form.Item name={['rows', i, 'deadline']} label="整改完成期限">
                  <Input type="date" />
                </Form.Item>
              </>
            )}
          </Card>
        ))}
        <Button type="primary" block size="large" loading={busy} onClick={() => void submit()}>
          保存自查表
        </Button>
      </Form>
    </PageContainer>
  );
}
