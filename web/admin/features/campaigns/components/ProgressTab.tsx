import { Alert, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Progress, Radio, Space, Spin, Table, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { dayjs } from '../../../../common/format.js';
import { useSession } from '../../../app/session.js';
import { type CampaignDetail, type ProgressCell, type ProgressSummary, getProgress, setProgress } from '../api/campaigns.js';
import { useSave, ymd } from './shared.js';

type Row = ProgressSummary['tasks'][number];

function CellTag({ cell }: { cell: ProgressCell | undefined }) {
  if (!cell) return null;
  if (cell.status === 'done')
    return (
      <Tooltip title={[cell.doneOn && `完成于 ${cell.doneOn}`, cell.quantity !== null && `数量 ${cell.quantity}`, cell.note].filter(Boolean).join('；')}>
        <Tag color="green">已完成{cell.quantity !== null ? ` ${cell.quantity}` : ''}</Tag>
      </Tooltip>
    );
  return (
    <Tooltip title={cell.note ?? undefined}>
      <Tag color={cell.overdue ? 'red' : 'default'}>{cell.overdue ? '逾期未完成' : '未完成'}</Tag>
    </Tooltip>
  );
}

/** 任务进度: tasks × regions (the campaign's region and its direct children in the viewer's jurisdiction). */
export function ProgressTab({ campaign }: { campaign: CampaignDetail }) {
  const { can } = useSession();
  const save = useSave();
  const [data, setData] = useState<ProgressSummary | null>(null);
  const [editing, setEditing] = useState<{ task: Row; regionCode: string; regionName: string; cell: ProgressCell } | null>(null);
  const [form] = Form.useForm();
  const load = useCallback(async () => setData(await getProgress(campaign.id)), [campaign.id]);
  useEffect(() => {
    void load();
  }, [load]);
  const editable = can('campaign:manage') && campaign.status !== 'draft';

  const open = (task: Row, regionCode: string, regionName: string) => {
    const cell = task.cells.find((c) => c.regionCode === regionCode) as ProgressCell;
    form.resetFields();
    form.setFieldsValue({ status: 'done', doneOn: cell.doneOn ? dayjs(cell.doneOn) : dayjs(), quantity: cell.quantity, note: cell.note });
    setEditing({ task, regionCode, regionName, cell });
  };
  const submit = async () => {
    if (!editing) return;
    const v = await form.validateFields();
    const body = { status: v.status, doneOn: v.status === 'done' ? ymd(v.doneOn) : null, quantity: v.quantity ?? null, note: v.note ?? null };
    const ok = await save(() => setProgress(campaign.id, editing.task.taskId, editing.regionCode, body), { form });
    if (ok) {
      setEditing(null);
      await load();
    }
  };

  if (!data) return <Spin />;
  if (data.tasks.length === 0) return <Alert type="info" message="本方案尚未设置任务。" />;
  return (
    <>
      <Card size="small" title="各区划完成情况" style={{ marginBottom: 16 }}>
        <Space wrap size="large">
          {data.regions.map((r) => (
            <Space key={r.code} direction="vertical" align="center" size={0}>
              <Progress type="circle" size={72} percent={r.percent} format={() => `${r.done}/${r.total}`} />
              <span>{r.name}</span>
            </Space>
          ))}
        </Space>
      </Card>
      {campaign.status === 'draft' ? <Alert type="warning" style={{ marginBottom: 16 }} message="专项行动尚未启动，启动后方可报送任务进度。" /> : null}
      <Table<Row>
        rowKey="taskId"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={data.tasks}
        columns={[
          { title: '阶段', dataIndex: 'phaseName', width: 110, fixed: 'left' },
          { title: '任务', dataIndex: 'title', width: 200, fixed: 'left' },
          { title: '期限', dataIndex: 'dueOn', width: 100 },
          { title: '完成', width: 80, render: (_v, t) => `${t.done}/${t.total}` },
          ...data.regions.map((r) => ({
            title: r.name,
            key: r.code,
            width: 120,
            render: (_v: unknown, t: Row) => {
              const cell = t.cells.find((c) => c.regionCode === r.code);
              return editable ? (
                <a onClick={() => open(t, r.code, r.name)}>
                  <CellTag cell={cell} />
                </a>
              ) : (
                <CellTag cell={cell} />
              );
            },
          })),
        ]}
      />
      <Modal open={editing !== null} title="报送任务完成情况" onOk={submit} onCancel={() => setEditing(null)} destroyOnHidden>
        {editing ? (
          <>
            <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
              <Descriptions.Item label="任务">{editing.task.title}</Descriptions.Item>
              <Descriptions.Item label="区划">{editing.regionName}</Descriptions.Item>
              <Descriptions.Item label="期限">{editing.task.dueOn}</Descriptions.Item>
              {editing.task.targetCount ? <Descriptions.Item label="要求">至少完成 {editing.task.targetCount} 件</Descriptions.Item> : null}
            </Descriptions>
            <Form form={form} name="progress" layout="vertical">
              <Form.Item name="status" label="状态">
                <Radio.Group
                  options={[
                    { value: 'done', label: '已完成' },
                    { value: 'pending', label: '未完成' },
                  ]}
                />
              </Form.Item>
              <Space>
                <Form.Item name="doneOn" label="完成日期">
                  <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
                </Form.Item>
                <Form.Item name="quantity" label="完成数量">
                  <InputNumber min={0} />
                </Form.Item>
              </Space>
              <Form.Item name="note" label="情况说明">
                <Input.TextArea rows={3} />
              </Form.Item>
            </Form>
          </>
        ) : null}
      </Modal>
    </>
  );
}
