import { DownloadOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, App, Button, Card, Descriptions, Input, List, Modal, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, api } from '../../../common/api.js';
import { fmtDateTime } from '../../../common/format.js';
import { STATUS_COLORS, type SelfInspection, act, download, getSelfInspection } from './api.js';

/** One 附件1 form: the company confirms and files it, the district housing department accepts or returns it. */
export default function SelfInspectionDetailPage() {
  const { id } = useParams() as { id: string };
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form, setForm] = useState<SelfInspection | null>(null);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => void getSelfInspection(id).then(setForm), [id]);
  useEffect(load, [load]);
  if (!form) return <Spin />;
  const run = async (action: 'confirm' | 'file' | 'accept' | 'return', body?: unknown) => {
    setBusy(true);
    try {
      setForm(await act(id, action, body));
      message.success({ confirm: '已确认', file: '已报送备案', accept: '已审核通过，问题已转入整改台账', return: '已退回企业' }[action]);
      setReturning(false);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败');
    } finally {
      setBusy(false);
    }
  };
  const can = (a: string) => form.allowedActions.includes(a);
  return (
    <PageContainer
      title={`专项整治自查表：${form.projectName}`}
      tags={<Tag color={STATUS_COLORS[form.status]}>{form.statusLabel}</Tag>}
      onBack={() => navigate(-1)}
      extra={
        <Space wrap>
          {can('edit') && <Button onClick={() => navigate(`/app/company/self-inspections?campaignId=${form.campaignId}&projectId=${form.projectId}`)}>修改</Button>}
          {can('confirm') && (
            <Button type="primary" loading={busy} onClick={() => void run('confirm')}>
              确认（电子盖章）
            </Button>
          )}
          {can('file') && (
            <Button type="primary" loading={busy} onClick={() => void run('file')}>
              报送备案
            </Button>
          )}
          {can('accept') && (
            <Button type="primary" loading={busy} onClick={() => void run('accept')}>
              审核通过
            </Button>
          )}
          {can('return') && (
            <Button danger onClick={() => setReturning(true)}>
              退回修改
            </Button>
          )}
          <Button icon={<DownloadOutlined />} onClick={() => void download(`/api/self-inspections/${id}/export`, `专项整治自查表-${form.projectName}.xlsx`)}>
            导出附件1
          </Button>
        </Space>
      }
    >
      {form.status === 'returned' && form.returnReason && <Alert type="error" showIcon message={`退回理由：${form.returnReason}`} style={{ marginBottom: 16 }} />}
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="专项行动">{form.campaignTitle}</Descriptions.Item>
        <Descriptions.Item label="物业公司名称">{form.enterpriseName}</Descriptions.Item>
        <Descriptions.Item label="填报日期">{form.reportDate}</Descriptions.Item>
        <Descriptions.Item label="企业确认">{form.confirmedByName ? `${form.confirmedByName} ${fmtDateTime(form.confirmedAt)}` : '未确认'}</Descriptions.Item>
      </Descriptions>
      {form.flags.length > 0 && (
        <Card title="核查疑点（建议暗访检查）" style={{ marginBottom: 16 }}>
          <List
            dataSource={form.flags}
            renderItem={(f) => (
              <List.Item
                actions={[
                  f.confirmed ? (
                    <Tag key="c" color="red">已确认虚假自查</Tag>
                  ) : (
                    <Button
                      key="c"
                      size="small"
                      danger
                      onClick={() =>
                        Modal.confirm({
                          title: '确认为虚假自查？',
                          content: '确认后记入企业信用记录（违反承诺）。',
                          onOk: async () => setForm(await api.post<SelfInspection>(`/api/self-inspections/${id}/flags/${f.focusItemId}/confirm`, {})),
                        })
                      }
                    >
                      确认虚假自查
                    </Button>
                  ),
                ]}
              >
                <List.Item.Meta
                  title={f.reason}
                  description={f.sources.map((s) => (
                    <Tag key={s.id}>{s.type === 'problem' ? <Link to={`/app/problems/${s.id}`}>{s.label}</Link> : <Link to={`/app/complaints/${s.id}`}>投诉 {s.date}</Link>}</Tag>
                  ))}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      <List
        grid={{ gutter: 12, xs: 1, md: 2 }}
        dataSource={form.items}
        renderItem={(i) => (
          <List.Item>
            <Card size="small" title={`${i.seq}. ${i.title}`} data-testid={`item-${i.seq}`}>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                {i.text}
              </Typography.Paragraph>
              {i.problem ? (
                <>
                  <div>问题描述：{i.problem}</div>
                  <div>整改责任人：{i.responsiblePerson} {i.contact}</div>
                  <div>整改完成期限：{i.deadline}</div>
                  {i.problemId && <Link to={`/app/problems/${i.problemId}`}>查看台账问题</Link>}
                </>
              ) : (
                <Tag color="green">无</Tag>
              )}
            </Card>
          </List.Item>
        )}
      />
      {form.versions.length > 0 && (
        <Card title="报送记录" size="small">
          <Timeline
            items={form.versions.map((v) => ({
              color: v.outcome === 'accepted' ? 'green' : v.outcome === 'returned' ? 'red' : 'blue',
              children: `第 ${v.version} 次报送 ${fmtDateTime(v.filedAt)}（${v.confirmedByName} 确认）${v.outcome === 'accepted' ? ` · ${v.decidedByName} 审核通过` : v.outcome === 'returned' ? ` · ${v.decidedByName} 退回：${v.returnReason}` : ' · 待审核'}`,
            }))}
          />
        </Card>
      )}
      <Modal title="退回修改" open={returning} onCancel={() => setReturning(false)} onOk={() => void run('return', { reason })} okText="退回" confirmLoading={busy}>
        <Input.TextArea rows={4} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="请写明需企业修改的内容" aria-label="退回理由" />
      </Modal>
    </PageContainer>
  );
}
