import { Alert, DatePicker, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useState } from 'react';
import { FileIdsUpload } from '../../../components/FileIdsUpload.js';
import { useSave, ymd } from '../../campaigns/components/shared.js';
import { ACTION_LABELS, type ProblemDetail, problemAction, uploadProblemFile } from '../api.js';

/**
 * One modal for every lifecycle action of a problem; the fields depend on the action.
 * Only actions listed in the problem's allowedActions are ever offered.
 */
export function ProblemActionModal({ problem, action, onClose, onDone }: { problem: ProblemDetail; action: string | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const save = useSave();
  const [busy, setBusy] = useState(false);
  if (!action) return null;
  const pendingExtension = problem.extensions?.find((e) => e.status === 'pending');
  const pendingObjection = problem.objections?.find((o) => o.status === 'pending');
  const submit = async () => {
    const v = await form.validateFields();
    const body: Record<string, unknown> = { ...v };
    if ('deadline' in v) body.deadline = ymd(v.deadline);
    if (action === 'extension_decision') body.extensionId = pendingExtension?.id;
    if (action === 'objection_decision') body.objectionId = pendingObjection?.id;
    if (action === 'submit' || action === 'objection') body.fileIds = v.fileIds ?? [];
    setBusy(true);
    const ok = await save(() => problemAction(problem.id, action, body), { form, success: `${ACTION_LABELS[action] ?? '操作'}已完成` });
    setBusy(false);
    if (ok) {
      onClose();
      onDone();
    }
  };
  const note = (label = '说明', required = false) => (
    <Form.Item name={action === 'rework' ? 'reason' : 'note'} label={label} rules={required ? [{ required: true, message: `请填写${label}` }] : []}>
      <Input.TextArea rows={3} maxLength={2000} />
    </Form.Item>
  );
  let body: React.ReactNode = null;
  switch (action) {
    case 'start':
      body = note('整改安排（可选）');
      break;
    case 'submit':
      body = (
        <>
          <Form.Item name="text" label="整改情况" rules={[{ required: true, message: '请说明整改完成情况' }]}>
            <Input.TextArea rows={5} maxLength={4000} showCount placeholder="已采取的整改措施、完成时间、效果等" />
          </Form.Item>
          <Form.Item name="fileIds" label="佐证材料（照片、文件）">
            <FileIdsUpload upload={(file) => uploadProblemFile(problem.id, file)} />
          </Form.Item>
        </>
      );
      break;
    case 'review':
      body = (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} message="回头看复查须由报送人以外的工作人员进行；复查通过后方可销号，不通过则退回返工。" />
          <Form.Item name="method" label="复查方式" rules={[{ required: true, message: '请选择复查方式' }]}>
            <Radio.Group
              options={[
                { value: 'on_site', label: '现场复查' },
                { value: 'documents', label: '资料复查' },
              ]}
            />
          </Form.Item>
          <Form.Item name="result" label="复查结果" rules={[{ required: true, message: '请选择复查结果' }]}>
            <Radio.Group
              options={[
                { value: 'pass', label: '通过' },
                { value: 'fail', label: '不通过' },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.result !== b.result}>
            {({ getFieldValue }) =>
              getFieldValue('result') === 'fail' ? (
                <Form.Item name="deadline" label="新的整改时限（不填则沿用原时限）">
                  <DatePicker />
                </Form.Item>
              ) : null
            }
          </Form.Item>
          {note('复查意见')}
        </>
      );
      break;
    case 'close':
      body = note('销号说明（可选）');
      break;
    case 'rework':
      body = (
        <>
          {note('返工原因', true)}
          <Form.Item name="deadline" label="新的整改时限（不填则沿用原时限）">
            <DatePicker />
          </Form.Item>
        </>
      );
      break;
    case 'extension_request':
      body = (
        <>
          <Form.Item name="days" label="延期天数（工作日）" rules={[{ required: true, message: '请填写延期天数' }]}>
            <InputNumber min={1} max={60} />
          </Form.Item>
          <Form.Item name="reason" label="延期理由" rules={[{ required: true, message: '请填写延期理由' }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </>
      );
      break;
    case 'extension_decision':
      body = (
        <>
          {pendingExtension && (
            <Alert
              style={{ marginBottom: 16 }}
              message={`${pendingExtension.requestedByName} 申请延期 ${pendingExtension.days} 个工作日（至 ${pendingExtension.requestedDeadline}）`}
              description={pendingExtension.reason}
            />
          )}
          <Form.Item name="approve" label="审批意见" rules={[{ required: true, message: '请选择是否批准' }]}>
            <Radio.Group
              options={[
                { value: true, label: '批准延期' },
                { value: false, label: '不予批准' },
              ]}
            />
          </Form.Item>
          {note()}
        </>
      );
      break;
    case 'supervise':
      body = (
        <>
          <Form.Item name="deadline" label="督办期限" rules={[{ required: true, message: '请选择督办期限' }]}>
            <DatePicker />
          </Form.Item>
          {note('督办要求')}
        </>
      );
      break;
    case 'objection':
      body = (
        <>
          <Form.Item name="reason" label="异议理由" rules={[{ required: true, message: '请填写异议理由' }]}>
            <Input.TextArea rows={4} maxLength={2000} placeholder="请说明对该问题认定有异议的事实和理由" />
          </Form.Item>
          <Form.Item name="fileIds" label="证明材料（可选）">
            <FileIdsUpload upload={(file) => uploadProblemFile(problem.id, file)} />
          </Form.Item>
        </>
      );
      break;
    case 'objection_decision':
      body = (
        <>
          {pendingObjection && <Alert style={{ marginBottom: 16 }} message={`${pendingObjection.raisedByName} 提出异议`} description={pendingObjection.reason} />}
          <Form.Item name="uphold" label="处理结果" rules={[{ required: true, message: '请选择处理结果' }]}>
            <Radio.Group
              options={[
                { value: true, label: '异议成立（撤销问题）' },
                { value: false, label: '异议不成立' },
              ]}
            />
          </Form.Item>
          {note('处理意见')}
        </>
      );
      break;
    default:
      body = note();
  }
  return (
    <Modal open title={ACTION_LABELS[action] ?? action} onOk={submit} onCancel={onClose} destroyOnHidden okText="提交" confirmLoading={busy} width={620}>
      <Form form={form} layout="vertical" name={`problem-${action}`}>
        {body}
      </Form>
    </Modal>
  );
}
