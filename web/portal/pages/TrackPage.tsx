import { Alert, App, Button, Card, Descriptions, Form, Input, Radio, Result, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiError, api, applyFieldErrors } from '../../common/api.js';
import { fmtDateTime } from '../../common/format.js';

interface Tracking {
  trackingCode: string;
  status: string;
  statusLabel: string;
  receivedAt: string;
  category: number;
  categoryLabel: string;
  timeline: Array<{ at: string; text: string }>;
  reply: { text: string; at: string | null } | null;
  canRate: boolean;
  satisfaction: string | null;
  handlingUnit: string | null;
  replyDueBy: string | null;
  staffFollowUp: { satisfaction: string; satisfactionLabel: string; at: string | null } | null;
}

const SATISFACTION: Record<string, string> = { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' };
// Solid colours (white text) for AA contrast.
const STATUS_COLOR: Record<string, string> = { closed: '#15803d', replied: '#1d4ed8', merged: '#4b5563' };

const normalise = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();

function RatingForm({ code, onDone }: { code: string; onDone: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const satisfaction = Form.useWatch('satisfaction', form);
  return (
    <Card size="small" title="请评价办理结果" style={{ marginTop: 12 }}>
      <Form
        form={form}
        name="rating"
        layout="vertical"
        onFinish={async (v) => {
          setSaving(true);
          try {
            await api.post(`/api/public/complaints/${encodeURIComponent(code)}/rating`, { satisfaction: v.satisfaction, comment: v.comment?.trim() || undefined });
            message.success('感谢您的评价');
            onDone();
          } catch (err) {
            if (!applyFieldErrors(form, err)) message.error(err instanceof ApiError ? err.message : '提交失败，请重试');
          } finally {
            setSaving(false);
          }
        }}
      >
        <Form.Item name="satisfaction" label="您对办理结果是否满意" rules={[{ required: true, message: '请选择' }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={Object.entries(SATISFACTION).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item
          name="comment"
          label={satisfaction === 'dissatisfied' ? '哪里不满意（选填）' : '意见建议（选填）'}
          extra={satisfaction === 'dissatisfied' ? '选择“不满意”后，主管部门将重新办理。' : undefined}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} block>
          提交评价
        </Button>
      </Form>
    </Card>
  );
}

/** Public tracking by code: status, plain-language timeline, the reply and the satisfaction form. */
export default function TrackPage() {
  const [search, setSearch] = useSearchParams();
  const code = normalise(search.get('code') ?? '');
  const [input, setInput] = useState(code);
  const [data, setData] = useState<Tracking | null>(null);
  const [state, setState] = useState<'idle' | 'loading' | 'notfound' | 'badlength' | 'error'>('idle');
  const [errorText, setErrorText] = useState('');

  const load = useCallback(async (c: string) => {
    if (!c) return;
    if (c.length !== 10) {
      setData(null);
      return setState('badlength');
    }
    setState('loading');
    try {
      setData(await api.get<Tracking>(`/api/public/complaints/${encodeURIComponent(c)}`));
      setState('idle');
    } catch (err) {
      setData(null);
      if (err instanceof ApiError && (err.status === 404 || err.status === 422 || err.status === 400)) setState('notfound');
      else {
        setErrorText(err instanceof ApiError ? err.message : '查询失败，请检查网络后重试');
        setState('error');
      }
    }
  }, []);

  useEffect(() => {
    setInput(code);
    void load(code);
  }, [code, load]);

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        投诉进度查询
      </Typography.Title>
      <Card size="small" styles={{ body: { padding: 12 } }}>
        <Form
          layout="vertical"
          name="track"
          onFinish={() => {
            const c = normalise(input);
            if (c === code) void load(c);
            else setSearch({ code: c });
          }}
        >
          <Form.Item label="查询码" htmlFor="trackingCode" extra="提交投诉后页面显示的 10 位查询码，不区分大小写。" style={{ marginBottom: 12 }}>
            <Input
              id="trackingCode"
              value={input}
              onChange={(e) => setInput(e.target.value)}
              placeholder="如 TS7K3M9QXP"
              maxLength={20}
              autoCapitalize="characters"
              autoComplete="off"
              style={{ fontFamily: 'monospace', fontSize: 18, letterSpacing: 2 }}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block disabled={!input.trim()} loading={state === 'loading'}>
            查询
          </Button>
        </Form>
      </Card>

      {state === 'loading' && !data && <Spin style={{ display: 'block', margin: 24 }} />}
      {state === 'badlength' && <Alert type="warning" showIcon style={{ marginTop: 12 }} message="查询码为 10 位，请核对后重新输入" />}
      {state === 'notfound' && <Result status="warning" title="未找到该查询码，请核对后重试" subTitle="查询码由 10 位字母和数字组成，请注意区分数字 0/1 与字母。" />}
      {state === 'error' && <Alert type="error" showIcon message={errorText} style={{ marginTop: 12 }} />}

      {data && (
        <div style={{ marginTop: 12 }}>
          <Card size="small">
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              <Typography.Text type="secondary">当前状态</Typography.Text>
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="tracking-status">
                <Tag color={STATUS_COLOR[data.status] ?? '#1d4ed8'} style={{ fontSize: 18, padding: '4px 10px' }}>
                  {data.statusLabel}
                </Tag>
              </Typography.Title>
            </Space>
            <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
              <Descriptions.Item label="查询码">
                <Typography.Text style={{ fontFamily: 'monospace' }}>{data.trackingCode}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label="提交时间">{fmtDateTime(data.receivedAt)}</Descriptions.Item>
              <Descriptions.Item label="问题类别">{data.categoryLabel}</Descriptions.Item>
              <Descriptions.Item label="承办单位">{data.handlingUnit ?? '正在确定承办单位'}</Descriptions.Item>
              {data.replyDueBy && <Descriptions.Item label="答复期限">{data.replyDueBy} 前答复您</Descriptions.Item>}
              {data.staffFollowUp && (
                <Descriptions.Item label="电话回访结果">
                  {data.staffFollowUp.satisfactionLabel}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    （工作人员记录{data.staffFollowUp.at ? `，${fmtDateTime(data.staffFollowUp.at)}` : ''}）
                  </Typography.Text>
                </Descriptions.Item>
              )}
              {data.satisfaction && !data.staffFollowUp && <Descriptions.Item label="您的评价">{SATISFACTION[data.satisfaction] ?? data.satisfaction}</Descriptions.Item>}
            </Descriptions>
          </Card>

          {data.reply && (
            <Card size="small" title="办理答复" style={{ marginTop: 12 }}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15, marginBottom: 4 }}>{data.reply.text}</Typography.Paragraph>
              {data.reply.at && <Typography.Text type="secondary">{fmtDateTime(data.reply.at)}</Typography.Text>}
            </Card>
          )}

          {data.canRate && data.staffFollowUp && (
            <Alert type="info" showIcon style={{ marginTop: 12 }} message="工作人员已电话回访并记录了上面的结果；如与您的意见不同，请在下面亲自评价，以您的评价为准。" />
          )}
          {data.canRate && <RatingForm code={data.trackingCode} onDone={() => void load(data.trackingCode)} />}

          <Card size="small" title="办理过程" style={{ marginTop: 12 }}>
            <Timeline
              items={[...data.timeline].reverse().map((t, i) => ({
                key: i,
                color: i === 0 ? 'red' : 'gray',
                children: (
                  <>
                    <div>{t.text}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {fmtDateTime(t.at)}
                    </Typography.Text>
                  </>
                ),
              }))}
            />
          </Card>
        </div>
      )}
    </>
  );
}
