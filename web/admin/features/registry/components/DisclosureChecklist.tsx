import { CheckCircleOutlined, DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Image, Input, Modal, Popconfirm, Space, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import { useState } from 'react';
import { DISCLOSURE_ITEM_INFO, DISCLOSURE_STATUS_LABELS, type DisclosureItem, type DisclosureStatus } from '../../../../../core/registry.js';
import { ApiError } from '../../../../common/api.js';
import { dayjs, fmtDate, fmtDateTime } from '../../../../common/format.js';
import { useSession } from '../../../app/session.js';
import { evidenceUrl, removeEvidence, setDisclosure, uploadEvidence } from '../api/registry.js';
import type { Disclosure } from '../api/types.js';

export const DISCLOSURE_STATUS_COLORS: Record<DisclosureStatus, string> = { missing: 'red', posted: 'blue', verified: 'green' };

/**
 * The S3 §二.5 checklist of one project: each required item with its status, posting date and
 * photo evidence. Companies report postings (evidence first); staff can also verify.
 */
export function DisclosureChecklist(props: { projectId: string; items: Disclosure[]; onChanged: () => void }) {
  const { message } = App.useApp();
  const { me, can } = useSession();
  const mayManage = can('disclosure:manage');
  const isCompany = !!me?.enterpriseId;
  const [posting, setPosting] = useState<{ item: Disclosure; status: DisclosureStatus } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [form] = Form.useForm();

  const fail = (err: unknown) => message.error(err instanceof ApiError ? Object.values(err.fields)[0] ?? err.message : '操作失败');

  const submitStatus = async () => {
    if (!posting) return;
    const values = await form.validateFields();
    try {
      const res = await setDisclosure(props.projectId, posting.item.item, {
        status: posting.status,
        postedOn: values.postedOn ? values.postedOn.format('YYYY-MM-DD') : null,
        note: values.note ?? null,
      });
      message.success(res.fullyDisclosedSince ? `已保存。该项目自 ${res.fullyDisclosedSince} 起全部公示` : '已保存');
      setPosting(null);
      props.onChanged();
    } catch (err) {
      fail(err);
    }
  };

  const markMissing = async (d: Disclosure) => {
    try {
      await setDisclosure(props.projectId, d.item, { status: 'missing' });
      message.success('已标记为未公示');
      props.onChanged();
    } catch (err) {
      fail(err);
    }
  };

  const upload = async (item: DisclosureItem, file: File) => {
    setBusy(item);
    try {
      await uploadEvidence(props.projectId, item, [file]);
      message.success('佐证已上传');
      props.onChanged();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(null);
    }
  };

  const openStatus = (d: Disclosure, status: DisclosureStatus) => {
    form.setFieldsValue({ postedOn: d.postedOn ? dayjs(d.postedOn) : dayjs(), note: d.note ?? undefined });
    setPosting({ item: d, status });
  };

  return (
    <>
      <Table<Disclosure>
        rowKey="item"
        size="middle"
        pagination={false}
        dataSource={props.items}
        columns={[
          {
            title: '公示事项',
            dataIndex: 'label',
            render: (_v, d) => (
              <Space>
                {d.label}
                {DISCLOSURE_ITEM_INFO[d.item].pricing && (
                  <Tooltip title="属明码标价事项，未公示由市场监管部门牵头查处">
                    <Tag>价格</Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          { title: '状态', dataIndex: 'status', width: 100, render: (_v, d) => <Tag color={DISCLOSURE_STATUS_COLORS[d.status]}>{DISCLOSURE_STATUS_LABELS[d.status]}</Tag> },
          { title: '公示日期', dataIndex: 'postedOn', width: 120, render: (_v, d) => fmtDate(d.postedOn) },
          {
            title: '佐证',
            dataIndex: 'evidence',
            render: (_v, d) => (
              <Space wrap size={4}>
                <Image.PreviewGroup>
                  {d.evidence
                    .filter((f) => f.mime.startsWith('image/'))
                    .map((f) => (
                      <Image key={f.id} width={40} height={40} style={{ objectFit: 'cover' }} src={evidenceUrl(props.projectId, d.item, f.id)} alt={f.name} />
                    ))}
                </Image.PreviewGroup>
                {d.evidence
                  .filter((f) => !f.mime.startsWith('image/'))
                  .map((f) => (
                    <Typography.Link key={f.id} href={evidenceUrl(props.projectId, d.item, f.id)} target="_blank">
                      <PaperClipOutlined /> {f.name}
                    </Typography.Link>
                  ))}
                {mayManage &&
                  d.evidence.map((f) => (
                    <Popconfirm key={`rm-${f.id}`} title={`从佐证中移除「${f.name}」？`} onConfirm={() => void removeEvidence(props.projectId, d.item, f.id).then(props.onChanged, fail)}>
                      <Button size="small" type="text" icon={<DeleteOutlined />} title={`移除 ${f.name}`} />
                    </Popconfirm>
                  ))}
                {mayManage && (
                  <Upload accept="image/*,.pdf" showUploadList={false} beforeUpload={(file) => {
                      void upload(d.item, file);
                      return false;
                    }}>
                    <Button size="small" icon={<UploadOutlined />} loading={busy === d.item}>
                      上传
                    </Button>
                  </Upload>
                )}
              </Space>
            ),
          },
          {
            title: '核实',
            dataIndex: 'verifiedBy',
            width: 150,
            render: (_v, d) => (d.verifiedBy ? <Tooltip title={fmtDateTime(d.verifiedAt)}>{d.verifiedBy}</Tooltip> : '—'),
          },
          {
            title: '操作',
            width: 220,
            render: (_v, d) =>
              mayManage ? (
                <Space size={4}>
                  {d.status === 'missing' && (
                    <Button size="small" onClick={() => openStatus(d, 'posted')} disabled={isCompany && d.evidence.length === 0} title={isCompany && d.evidence.length === 0 ? '请先上传公示照片' : undefined}>
                      已公示
                    </Button>
                  )}
                  {!isCompany && d.status !== 'verified' && (
                    <Button size="small" type="primary" ghost icon={<CheckCircleOutlined />} onClick={() => openStatus(d, 'verified')}>
                      核实
                    </Button>
                  )}
                  {d.status !== 'missing' && (
                    <Popconfirm title="标记为未公示？该项目将不再计为全部公示。" onConfirm={() => void markMissing(d)}>
                      <Button size="small" danger>
                        未公示
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ) : null,
          },
        ]}
      />
      <Modal
        open={posting !== null}
        title={posting ? `${posting.item.label}：标记为${DISCLOSURE_STATUS_LABELS[posting.status]}` : ''}
        onOk={() => void submitStatus()}
        onCancel={() => setPosting(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="postedOn" label="现场张贴日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="note" label="备注">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
