import { App, Col, Form, Input, InputNumber, Modal, Row, Switch } from 'antd';
import { useEffect } from 'react';
import { ApiError, applyFieldErrors } from '../../../../common/api.js';
import { RegionSelect } from '../../../components/RegionSelect.js';
import { createProject, updateProject } from '../api/registry.js';
import type { Project } from '../api/types.js';
import { EnterpriseSelect } from './EnterpriseSelect.js';

/** Create or edit a project (residential community); server field errors appear beside inputs. */
export function ProjectFormModal(props: { open: boolean; initial?: Project | null; presetEnterprise?: { id: string; name: string } | null; onClose: () => void; onSaved: (p: Project) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const editing = !!props.initial;

  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    if (props.initial) form.setFieldsValue(props.initial);
    else if (props.presetEnterprise) form.setFieldsValue({ enterpriseId: props.presetEnterprise.id });
  }, [props.open, props.initial, props.presetEnterprise, form]);

  const save = async () => {
    const values = await form.validateFields();
    const body = { ...values, enterpriseId: values.enterpriseId ?? null, lat: values.lat ?? null, lng: values.lng ?? null };
    try {
      const saved = editing ? await updateProject(props.initial!.id, body) : await createProject(body);
      message.success('已保存');
      props.onSaved(saved);
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(err instanceof ApiError ? err.message : '保存失败');
    }
  };

  return (
    <Modal open={props.open} title={editing ? '编辑项目' : '登记物业项目'} onOk={() => void save()} onCancel={props.onClose} okText="保存" destroyOnHidden width={640}>
      <Form form={form} layout="vertical" initialValues={{ hasOwnersCommittee: false }}>
        <Form.Item name="name" label="项目（小区）名称" rules={[{ required: true, message: '请填写项目名称' }, { min: 2, message: '至少 2 个字' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="address" label="地址" rules={[{ required: true, message: '请填写地址' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="regionCode" label="所属区划" rules={[{ required: true, message: '请选择所属区划' }]} extra="尽量选到社区">
          <RegionSelect />
        </Form.Item>
        <Form.Item name="enterpriseId" label="物业服务企业" extra="留空表示无物业服务企业（非专业化管理）">
          <EnterpriseSelect initialLabel={props.initial?.enterpriseName ?? props.presetEnterprise?.name ?? null} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="households" label="户数">
              <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="buildingArea" label="建筑面积（㎡）">
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="hasOwnersCommittee" label="已成立业委会" valuePropName="checked">
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="lng" label="经度（选填）">
              <InputNumber min={73.5} max={135.1} step={0.0001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="lat" label="纬度（选填）">
              <InputNumber min={3.8} max={53.6} step={0.0001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
