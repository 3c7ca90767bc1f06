import { EyeOutlined, PhoneOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { RECALL_RESULT_LABELS } from '../../../../../core/complaints/labels.js';
import { type ComplaintDetail, type RecallResult, recordRecall, revealContact } from '../api/complaints.js';
import { SATISFACTION_LABELS, useRun } from './shared.js';

const RESULT_HELP: Record<RecallResult, string> = {
  confirmed: '投诉人确认问题已解决、答复属实，满意度与记录相符或基本相符。',
  not_reached: '多次拨打未接通或号码无效；不改变线索状态。',
  contradicted: '投诉人表示未答复、不满意或问题仍然存在：线索将退回主办单位重办，并重新计算办理期限。',
};

export interface RecallTarget {
  id: string;
  trackingCode: string;
  description: string;
  /** The satisfaction recorded at closure. */
  satisfaction: string | null;
}

/**
 * 抽查回访: the supervisor reveals the complainant's phone (with a logged reason, the ordinary
 * reveal flow), calls them, and records what they said. "与记录不符" sends the lead back for rework.
 */
export function RecallModal({ target, onClose, onDone }: { target: RecallTarget | null; onClose: () => void; onDone: (d: ComplaintDetail) => void }) {
  const run = useRun();
  const [form] = Form.useForm();
  const [revealForm] = Form.useForm();
  const [contact, setContact] = useState<{ contactName: string | null; contactPhone: string | null } | null>(null);
  const [saving, setSaving] = useState(false);
  const result = Form.useWatch('result', form) as RecallResult | undefined;

  useEffect(() => {
    setContact(null);
    form.resetFields();
    revealForm.resetFields();
  }, [target?.id, form, revealForm]);

  if (!target) return null;
  const recorded = target.satisfaction ? (SATISFACTION_LABELS[target.satisfaction as keyof typeof SATISFACTION_LABELS] ?? target.satisfaction) : '未登记';

  return (
    <Modal
      open
      title={`抽查回访 ${target.trackingCode}`}
      okText="登记抽查结果"
      cancelText="取消"
      width={640}
      destroyOnHidden
      confirmLoading={saving}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        setSaving(true);
        const d = await run(() => recordRecall(target.id, { result: v.result, satisfaction: v.result === 'not_reached' ? null : (v.satisfaction ?? null), note: v.note }), {
          form,
          success: v.result === 'contradicted' ? '已登记，线索已退回重办' : '已登记抽查结果',
        });
        setSaving(false);
        if (d) onDone(d);
      }}
    >
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="诉求">{target.description}</Descriptions.Item>
        <Descriptions.Item label="办结时登记的满意度">{recorded}</Descriptions.Item>
      </Descriptions>
      {contact ? (
        <Alert
          type="info"
          showIcon
          icon={<PhoneOutlined />}
          style={{ marginBottom: 12 }}
          message={
            <Space>
              <span>{contact.contactName ?? '（未留姓名）'}</span>
              {contact.contactPhone ? <a href={`tel:${contact.contactPhone}`}>{contact.contactPhone}</a> : '（未留电话）'}
              <Typography.Text type="secondary">（本次查看已记录）</Typography.Text>
            </Space>
          }
        />
      ) : (
        <Form form={revealForm} layout="inline" name="recallReveal" style={{ marginBottom: 12 }}>
          <Form.Item
            name="reason"
            style={{ flex: 1 }}
            initialValue="回访抽查，电话核实办理结果和满意度"
            rules={[{ required: true, message: '请填写查看理由' }, { min: 5, message: '查看理由至少 5 个字' }]}
          >
            <Input placeholder="查看联系方式的理由" />
          </Form.Item>
          <Form.Item>
            <Button
              icon={<EyeOutlined />}
              onClick={async () => {
                const v = await revealForm.validateFields();
                const r = await run(() => revealContact(target.id, v.reason), { form: revealForm });
                if (r) setContact(r);
              }}
            >
              查看联系方式
            </Button>
          </Form.Item>
        </Form>
      )}
      <Form form={form} layout="vertical" name="recall">
        <Form.Item name="result" label="抽查结果" rules={[{ required: true, message: '请选择抽查结果' }]} extra={result ? RESULT_HELP[result] : undefined}>
          <Radio.Group optionType="button" options={Object.entries(RECALL_RESULT_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        {result && result !== 'not_reached' && (
          <Form.Item name="satisfaction" label="投诉人表达的满意度">
            <Radio.Group
              options={(['satisfied', 'basically_satisfied', 'dissatisfied'] as const).map((value) => ({
                value,
                label: SATISFACTION_LABELS[value],
                disabled: result === 'confirmed' && value === 'dissatisfied',
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="note" label="回访情况" rules={[{ required: true, message: '请填写回访情况' }, { min: 2, message: '请具体填写回访情况' }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder="如 投诉人表示杂物已清理，消防通道畅通" />
        </Form.Item>
      </Form>
      {result === 'contradicted' && <Alert type="warning" showIcon message="登记后线索将重新打开，由主办单位重办，重办次数加一。" />}
    </Modal>
  );
}
