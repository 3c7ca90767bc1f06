import { Button, Card, DatePicker, Empty, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Steps, Table, Typography } from 'antd';
import { useState } from 'react';
import { dayjs } from '../../../../common/format.js';
import { type CampaignDetail, type CampaignPhase, type CampaignTask, addPhase, addTask, deletePhase, deleteTask, updatePhase, updateTask } from '../api/campaigns.js';
import { DEPARTMENT_OPTIONS, deptLabel, useSave, ymd } from './shared.js';

/** Index of the phase `today` falls in (or the last one already begun); -1 before the first. */
function currentPhaseIndex(phases: CampaignPhase[], today: string): number {
  let current = -1;
  phases.forEach((p, i) => {
    if ((p.startsOn ?? '0000-00-00') <= today) current = i;
  });
  return current;
}

const period = (p: CampaignPhase) => `${p.startsOn ?? '…'} 至 ${p.endsOn}`;

/** 工作步骤: the phases as a timeline with their tasks; editable by the campaign's managers. */
export function PhasesTab({ campaign, reload }: { campaign: CampaignDetail; reload: () => Promise<void> }) {
  const save = useSave();
  const [phaseForm] = Form.useForm();
  const [taskForm] = Form.useForm();
  const [editingPhase, setEditingPhase] = useState<CampaignPhase | 'new' | null>(null);
  const [editingTask, setEditingTask] = useState<{ phaseId: string; task: CampaignTask | null } | null>(null);
  const manage = campaign.canManage;
  const today = dayjs().format('YYYY-MM-DD');
  const current = currentPhaseIndex(campaign.phases, today);

  const openPhase = (p: CampaignPhase | 'new') => {
    phaseForm.resetFields();
    if (p !== 'new') phaseForm.setFieldsValue({ ...p, startsOn: p.startsOn ? dayjs(p.startsOn) : null, endsOn: dayjs(p.endsOn) });
    setEditingPhase(p);
  };
  const submitPhase = async () => {
    const v = await phaseForm.validateFields();
    const body = { ...v, startsOn: ymd(v.startsOn), endsOn: ymd(v.endsOn) };
    const ok = await save(() => (editingPhase === 'new' ? addPhase(campaign.id, body) : updatePhase(campaign.id, (editingPhase as CampaignPhase).id, body)), { form: phaseForm });
    if (ok) {
      setEditingPhase(null);
      await reload();
    }
  };
  const openTask = (phaseId: string, task: CampaignTask | null) => {
    taskForm.resetFields();
    if (task) taskForm.setFieldsValue({ ...task, dueOn: task.dueOn ? dayjs(task.dueOn) : null });
    setEditingTask({ phaseId, task });
  };
  const submitTask = async () => {
    if (!editingTask) return;
    const v = await taskForm.validateFields();
    const body = { ...v, dueOn: ymd(v.dueOn) };
    const ok = await save(
      () => (editingTask.task ? updateTask(campaign.id, editingTask.task.id, { ...body, phaseId: v.phaseId ?? editingTask.phaseId }) : addTask(campaign.id, editingTask.phaseId, body)),
      { form: taskForm },
    );
    if (ok) {
      setEditingTask(null);
      await reload();
    }
  };

  return (
    <>
      {campaign.phases.length ? (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Steps
            current={current}
            items={campaign.phases.map((p, i) => ({
              title: p.name,
              description: period(p),
              status: i < current || (i === current && p.endsOn < today) ? 'finish' : i === current ? 'process' : 'wait',
            }))}
          />
        </Card>
      ) : (
        <Empty description="尚未设置工作步骤" />
      )}
      {manage ? (
        <Button style={{ marginBottom: 16 }} onClick={() => openPhase('new')}>
          新增阶段
        </Button>
      ) : null}
      {campaign.phases.map((p) => (
        <Card
          key={p.id}
          size="small"
          style={{ marginBottom: 16 }}
          title={
            <Space>
              <span>{p.name}</span>
              <Typography.Text type="secondary">{period(p)}</Typography.Text>
            </Space>
          }
          extra={
            manage ? (
              <Space>
                <a onClick={() => openTask(p.id, null)}>新增任务</a>
                <a onClick={() => openPhase(p)}>编辑阶段</a>
                <Popconfirm title="删除该阶段？（须先删除其任务）" onConfirm={async () => (await save(() => deletePhase(campaign.id, p.id), { success: '已删除' })) && reload()}>
                  <a>删除</a>
                </Popconfirm>
              </Space>
            ) : null
          }
        >
          {p.description ? <Typography.Paragraph type="secondary">{p.description}</Typography.Paragraph> : null}
          <Table<CampaignTask>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={p.tasks}
            columns={[
              { title: '任务', dataIndex: 'title', width: 180 },
              { title: '内容', dataIndex: 'description', render: (v: string | null) => <Typography.Paragraph style={{ margin: 0 }}>{v ?? '—'}</Typography.Paragraph> },
              {
                title: '责任',
                width: 200,
                render: (_v, t) => t.responsibleOrgUnitName ?? t.responsibleNote ?? deptLabel(t.responsibleDepartmentType),
              },
              { title: '完成期限', dataIndex: 'effectiveDueOn', width: 110 },
              { title: '目标', dataIndex: 'targetCount', width: 80, render: (v: number | null) => (v ? `≥ ${v} 件` : '—') },
              ...(manage
                ? [
                    {
                      title: '操作',
                      width: 100,
                      render: (_v: unknown, t: CampaignTask) => (
                        <Space>
                          <a onClick={() => openTask(p.id, t)}>编辑</a>
                          <Popconfirm title="删除该任务？" onConfirm={async () => (await save(() => deleteTask(campaign.id, t.id), { success: '已删除' })) && reload()}>
                            <a>删除</a>
                          </Popconfirm>
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      ))}

      <Modal open={editingPhase !== null} title={editingPhase === 'new' ? '新增阶段' : '编辑阶段'} onOk={submitPhase} onCancel={() => setEditingPhase(null)} destroyOnHidden>
        <Form form={phaseForm} name="phase" layout="vertical">
          <Form.Item name="name" label="阶段名称" rules={[{ required: true, message: '请填写阶段名称' }]}>
            <Input placeholder="如 集中整治阶段" />
          </Form.Item>
          <Space>
            <Form.Item name="seq" label="序号">
              <InputNumber min={1} max={50} />
            </Form.Item>
            <Form.Item name="startsOn" label="开始日期" extra="可不填（如“9月7日前”）">
              <DatePicker />
            </Form.Item>
            <Form.Item name="endsOn" label="结束日期" rules={[{ required: true, message: '请选择结束日期' }]}>
              <DatePicker />
            </Form.Item>
          </Space>
          <Form.Item name="description" label="说明">
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal open={editingTask !== null} title={editingTask?.task ? '编辑任务' : '新增任务'} onOk={submitTask} onCancel={() => setEditingTask(null)} destroyOnHidden width={640}>
        <Form form={taskForm} name="task" layout="vertical">
          <Form.Item name="title" label="任务名称" rules={[{ required: true, message: '请填写任务名称' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label="任务内容">
            <Input.TextArea rows={4} />
          </Form.Item>
          <Space wrap>
            {editingTask?.task ? (
              <Form.Item name="phaseId" label="所属阶段" initialValue={editingTask.phaseId}>
                <Select style={{ width: 160 }} options={campaign.phases.map((p) => ({ value: p.id, label: p.name }))} />
              </Form.Item>
            ) : null}
            <Form.Item name="dueOn" label="完成期限" extra="不填则为阶段结束日">
              <DatePicker />
            </Form.Item>
            <Form.Item name="responsibleDepartmentType" label="责任部门">
              <Select allowClear style={{ width: 180 }} options={DEPARTMENT_OPTIONS} />
            </Form.Item>
            <Form.Item name="targetCount" label="每个区划至少完成（件）">
              <InputNumber min={1} />
            </Form.Item>
          </Space>
          <Form.Item name="responsibleNote" label="责任单位（原文表述）">
            <Input placeholder="如 各有关单位、部门" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
