import { Alert, App, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { ENTERPRISE_STATUSES, ENTERPRISE_STATUS_LABELS } from '../../../../../core/registry.js';
import { isChecksumOnlyFailure, validateUscc } from '../../../../../core/uscc.js';
import { ApiError, applyFieldErrors } from '../../../../common/api.js';
import { useSession } from '../../../app/session.js';
import { RegionSelect } from '../../../components/RegionSelect.js';
import { createEnterprise, updateEnterprise } from '../api/registry.js';
import type { Enterprise } from '../api/types.js';

/**
 * Create or edit an enterprise. The credit code is checked as the user types with the same
 * GB 32100 rule the server applies (core/uscc.ts); a code failing only the check character can
 * be confirmed by a user holding enterprise:confirm_checksum, which the server records.
 */
export function EnterpriseFormModal(props: { open: boolean; initial?: Enterprise | null; onClose: () => void; onSaved: (e: Enterprise) => void }) {
  const { message } = App.useApp();
  const { can } = useSession();
  const [form] = Form.useForm();
  const code: string = Form.useWatch('creditCode', form) ?? '';
  const check = code ? validateUscc(code) : null;
  const checksumOnly = !!check && isChecksumOnlyFailure(check);
  const mayConfirm = can('enterprise:confirm_checksum');
  const editing = !!props.initial;

  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    if (props.initial) form.setFieldsValue({ ...props.initial, confirmChecksum: false });
  }, [props.open, props.initial, form]);

  const save = async () => {
    const values = await form.validateFields();
    const body = { ...values, confirmChecksum: checksumOnly ? !!values.confirmChecksum : undefined };
    if (editing && body.creditCode === props.initial?.creditCode) delete body.creditCode;
    try {
      const saved = editing ? await updateEnterprise(props.initial!.id, body) : await createEnterprise(body);
      message.success('已保存');
      props.onSaved(saved);
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(err instanceof ApiError ? err.message : '保存失败');
    }
  };

  return (
    <Modal open={props.open} title={editing ? '编辑企业' : '登记物业服务企业'} onOk={() => void save()} onCancel={props.onClose} okText="保存" destroyOnHidden width={620}>
      <Form form={form} layout="vertical" initialValues={{ status: 'active' }}>
        <Form.Item
          name="creditCode"
          label="统一社会信用代码"
          validateTrigger={['onBlur', 'onChange']}
          rules={[
            { required: true, message: '请填写统一社会信用代码' },
            {
              validator: async (_r, v: string) => {
                if (!v) return;
                const r = validateUscc(v);
                if (r.ok) return;
                if (isChecksumOnlyFailure(r) && mayConfirm && form.getFieldValue('confirmChecksum')) return;
                throw new Error(r.message ?? '统一社会信用代码不正确');
              },
            },
          ]}
          extra={check?.ok ? '格式与校验位正确' : '18 位，字母不含 I、O、S、V、Z'}
        >
          <Input maxLength={24} placeholder="如 91420100MA4K7QX8P5" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        {checksumOnly && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message={`校验位不符：按国家标准第 18 位应为 ${check?.expectedCheckChar}`}
            description={
              mayConfirm ? (
                <Form.Item name="confirmChecksum" valuePropName="checked" style={{ margin: 0 }}>
                  <Checkbox onChange={() => void form.validateFields(['creditCode'])}>我已核对营业执照原件，代码与执照一致，确认登记（将记录确认人和时间）</Checkbox>
                </Form.Item>
              ) : (
                '少数真实代码存在校验位不符的情况。如与营业执照一致，请联系部门负责人或牵头部门人工确认。'
              )
            }
          />
        )}
        <Form.Item name="name" label="企业名称" rules={[{ required: true, message: '请填写企业名称' }, { min: 2, message: '企业名称至少 2 个字' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="regionCode" label="注册地" rules={[{ required: true, message: '请选择注册地区划' }]}>
          <RegionSelect />
        </Form.Item>
        <Form.Item name="legalRepresentative" label="法定代表人">
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="address" label="地址">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="contactName" label="联系人">
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="contactPhone" label="联系电话">
          <Input placeholder="手机或座机，如 027-87654321" />
        </Form.Item>
        <Form.Item name="qualification" label="资质等级">
          <Input maxLength={60} />
        </Form.Item>
        {editing && (
          <Form.Item name="status" label="经营状态">
            <Select options={ENTERPRISE_STATUSES.map((s) => ({ value: s, label: ENTERPRISE_STATUS_LABELS[s] }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
