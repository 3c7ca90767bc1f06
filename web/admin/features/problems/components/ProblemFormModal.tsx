import { Alert, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import { useNavigate } from 'react-router-dom';
import { RegionSelect } from '../../../components/RegionSelect.js';
import { useSave, ymd } from '../../campaigns/components/shared.js';
import { EnterpriseSelect } from '../../registry/components/EnterpriseSelect.js';
import { FOCUS_CATEGORY_OPTIONS as CATEGORY_OPTIONS } from '../../../../common/labels.js';
import { PROBLEM_SOURCE_LABELS, STAFF_CREATABLE_SOURCES, createProblem } from '../api.js';
import { ProjectSelect } from './ProjectSelect.js';

/** 新建问题: staff register a problem from any source (complaints with a rectification order arrive automatically). */
export function ProblemFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const save = useSave();
  const enterpriseId = Form.useWatch('enterpriseId', form) as string | null | undefined;
  const submit = async () => {
    const v = await form.validateFields();
    let created: { id: string; code: string; repeatOffence: boolean } | null = null;
    const ok = await save(
      async () => {
        created = await createProblem({ ...v, deadline: ymd(v.deadline), measures: v.measures || null, responsiblePerson: v.responsiblePerson || null });
      },
      { form, success: '问题已登记' },
    );
    if (ok && created) {
      onClose();
      navigate(`/app/problems/${(created as { id: string }).id}`);
    }
  };
  return (
    <Modal open={open} title="新建问题" onOk={submit} onCancel={onClose} width={720} destroyOnHidden okText="登记">
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message="投诉举报中作出“责令整改”处理的，系统自动进入问题台账；问题描述中不得填写投诉人姓名、电话、门牌号等个人信息。" />
      <Form form={form} name="newProblem" layout="vertical" initialValues={{ source: 'inspection' }}>
        <Space align="start" wrap>
          <Form.Item name="source" label="问题来源" rules={[{ required: true, message: '请选择问题来源' }]}>
            <Select style={{ width: 160 }} options={STAFF_CREATABLE_SOURCES.map((s) => ({ value: s, label: PROBLEM_SOURCE_LABELS[s] }))} />
          </Form.Item>
          <Form.Item name="category" label="问题类别" rules={[{ required: true, message: '请选择问题类别' }]}>
            <Select style={{ width: 260 }} options={CATEGORY_OPTIONS} />
          </Form.Item>
          <Form.Item name="regionCode" label="所属区划" tooltip="不选则取项目所在区划，无项目时取本单位区划">
            <RegionSelect />
          </Form.Item>
        </Space>
        <Form.Item name="title" label="问题标题" rules={[{ required: true, message: '请填写问题标题' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Space align="start" wrap>
          <Form.Item name="enterpriseId" label="物业服务企业">
            <EnterpriseSelect />
          </Form.Item>
          <Form.Item name="projectId" label="物业项目">
            <ProjectSelect enterpriseId={enterpriseId} />
          </Form.Item>
        </Space>
        <Form.Item name="description" label="问题描述" rules={[{ required: true, message: '请填写问题描述' }]}>
          <Input.TextArea rows={4} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item name="measures" label="整改措施">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Space align="start" wrap>
          <Form.Item name="responsiblePerson" label="责任人">
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="deadline" label="整改时限" rules={[{ required: true, message: '请选择整改时限' }]}>
            <DatePicker />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
