import { Alert, Button, Form, InputNumber, Space, Spin, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { fmtDateTime } from '../../../../common/format.js';
import { useSave } from '../../campaigns/components/shared.js';
import { CREDIT_EVENT_LABELS, CREDIT_EVENT_TYPES, type CreditRule, getCreditRule, putCreditRule } from '../api.js';

const GRADE_ORDER = ['AAA', 'AA', 'A', 'B'] as const;

/** 评分规则: base score, points and validity per event type, grade thresholds (credit:manage edits). */
export function CreditRuleEditor({ editable }: { editable: boolean }) {
  const [form] = Form.useForm();
  const save = useSave();
  const [loaded, setLoaded] = useState<(CreditRule & { updatedAt?: string | null; isDefault?: boolean }) | null>(null);
  useEffect(() => {
    void getCreditRule().then((r) => {
      setLoaded(r);
      form.setFieldsValue({
        base: r.base,
        items: Object.fromEntries(CREDIT_EVENT_TYPES.map((t) => [t, r.items[t] ?? { points: 0, validityMonths: 12 }])),
        grades: Object.fromEntries(GRADE_ORDER.map((g) => [g, r.grades.find((x) => x.grade === g)?.minScore])),
      });
    });
  }, [form]);
  if (!loaded) return <Spin />;
  const submit = async () => {
    // A cleared cell shows its error under the input; nothing is sent.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const rule: CreditRule = {
      base: v.base,
      items: v.items,
      grades: GRADE_ORDER.map((g) => ({ grade: g, minScore: v.grades[g] })),
    };
    await save(() => putCreditRule(rule), { form, success: '评分规则已保存，此后记录的事件按新规则计分' });
  };
  return (
    <Form form={form} name="creditRule" disabled={!editable}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="信用分 = 基础分 + 有效期内各信用事件分值之和（异议成立的事件不计）。每个事件记录时按当时规则确定分值和有效期，修改规则不影响已记录的事件。"
      />
      <Space align="start" wrap>
        <Form.Item name="base" label="基础分" rules={[{ required: true, message: '请填写基础分' }]}>
          <InputNumber min={0} max={1000} />
        </Form.Item>
        {GRADE_ORDER.map((g) => (
          <Form.Item key={g} name={['grades', g]} label={`${g} 级不低于`} rules={[{ required: true, message: '请填写门槛' }]}>
            <InputNumber min={0} max={2000} />
          </Form.Item>
        ))}
        <Typography.Text type="secondary" style={{ lineHeight: '32px' }}>
          低于 B 级门槛为 C 级
        </Typography.Text>
      </Space>
      <Table
        rowKey="type"
        size="small"
        pagination={false}
        dataSource={CREDIT_EVENT_TYPES.map((type) => ({ type }))}
        columns={[
          { title: '事件类型', dataIndex: 'type', render: (t: (typeof CREDIT_EVENT_TYPES)[number]) => CREDIT_EVENT_LABELS[t] },
          {
            title: '分值（负数为扣分）',
            render: (_v, r) => (
              <Form.Item name={['items', r.type, 'points']} style={{ margin: 0 }} rules={[{ required: true, message: '请填写分值' }]}>
                <InputNumber min={-1000} max={1000} aria-label={`${CREDIT_EVENT_LABELS[r.type]}分值`} />
              </Form.Item>
            ),
          },
          {
            title: '有效期（月）',
            render: (_v, r) => (
              <Form.Item name={['items', r.type, 'validityMonths']} style={{ margin: 0 }} rules={[{ required: true, message: '请填写有效期' }]}>
                <InputNumber min={1} max={120} aria-label={`${CREDIT_EVENT_LABELS[r.type]}有效期`} />
              </Form.Item>
            ),
          },
        ]}
      />
      {editable && (
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" onClick={() => void submit()}>
            保存规则
          </Button>
          {loaded.updatedAt && <Typography.Text type="secondary">上次修改 {fmtDateTime(loaded.updatedAt)}</Typography.Text>}
        </Space>
      )}
    </Form>
  );
}
