import { type ActionType, PageContainer, ProTable } from '@ant-design/pro-components';
import { App, Button, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Modal, Select, Space, Tag, Timeline, Tooltip, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ACT_LEVELS, ACT_LEVEL_LABELS, CONFIDENCE_LABELS, CONFIDENCE_LEVELS } from '../../../../core/legal.js';
import { DEPARTMENT_TYPES } from '../../../../core/org.js';
import { ApiError, applyFieldErrors, tableRequest } from '../../../common/api.js';
import { dayjs } from '../../../common/format.js';
import { FOCUS_CATEGORY_OPTIONS } from '../../../common/labels.js';
import { DEPARTMENT_TYPE_LABELS } from '../../../common/labels.js';
import { useSession } from '../../app/session.js';
import { type LegalAct, type Provision, type ProvisionDetail, createAct, createProvision, getProvision, listActs, updateProvision } from './api/legal.js';
import { ConfidenceTag, DepartmentTag } from './components.js';

const CATEGORY_OPTIONS = FOCUS_CATEGORY_OPTIONS.filter((o) => o.value !== 0);
const DEPARTMENT_OPTIONS = DEPARTMENT_TYPES.map((d) => ({ value: d, label: DEPARTMENT_TYPE_LABELS[d] }));

function fmtYuan(v: number): string {
  return v >= 10000 ? `${v / 10000}万元` : `${v}元`;
}

/** "1万元～5万元", "5000元以下", "200元以上", or null when the article fixes no amount. */
function fineRange(min: number | null, max: number | null): string | null {
  if (min !== null && max !== null) return `${fmtYuan(min)}～${fmtYuan(max)}`;
  if (max !== null) return `${fmtYuan(max)}以下`;
  if (min !== null) return `${fmtYuan(min)}以上`;
  return null;
}

/** 法律依据库: filter by focus category, enforcing department and the date the act was committed. */
export default function LegalPage() {
  const { can } = useSession();
  const admin = can('reference:manage');
  const ref = useRef<ActionType>(null);
  const [acts, setActs] = useState<LegalAct[]>([]);
  const [viewing, setViewing] = useState<ProvisionDetail | null>(null);
  const [editing, setEditing] = useState<Provision | 'new' | null>(null);
  const [addingAct, setAddingAct] = useState(false);
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [actForm] = Form.useForm();

  const loadActs = () => listActs().then((r) => setActs(r.items));
  useEffect(() => {
    void loadActs();
  }, []);

  const open = async (id: number) => setViewing(await getProvision(id));
  const startEdit = (p: Provision | 'new') => {
    form.resetFields();
    if (p !== 'new') form.setFieldsValue({ ...p, effectiveFrom: dayjs(p.effectiveFrom), effectiveTo: p.effectiveTo ? dayjs(p.effectiveTo) : null });
    setEditing(p);
  };
  const save = async () => {
    const v = await form.validateFields();
    const body = {
      ...v,
      effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
      effectiveTo: v.effectiveTo ? v.effectiveTo.format('YYYY-MM-DD') : null,
      focusCategories: v.focusCategories ?? [],
    };
    try {
      if (editing === 'new') await createProvision(body);
      else if (editing) await updateProvision(editing.id, body);
      message.success('已保存');
      setEditing(null);
      ref.current?.reload();
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(err instanceof ApiError ? err.message : '保存失败');
    }
  };
  const saveAct = async () => {
    const v = await actForm.validateFields();
    try {
      await createAct(v);
      message.success('已新增法规');
      setAddingAct(false);
      await loadActs();
    } catch (err) {
      if (!applyFieldErrors(actForm, err)) message.error(err instanceof ApiError ? err.message : '保存失败');
    }
  };

  return (
    <PageContainer title="法律依据库" content="整治重点、执法文书引用的法律条款。标为“部分核实”“未核实”的条款须先核对官方文本再引用。按“违法行为发生日”筛选，可得到当时有效的版本（如治安管理处罚法2012年文本第42条与2025年修订第50条）。">
      <ProTable<Provision>
        rowKey="id"
        actionRef={ref}
        request={(params) => tableRequest<Provision>('/api/legal-provisions', params)}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        pagination={{ defaultPageSize: 20 }}
        scroll={{ x: 1500 }}
        toolBarRender={() =>
          admin
            ? [
                <Button key="act" onClick={() => { actForm.resetFields(); setAddingAct(true); }}>新增法规</Button>,
                <Button key="new" type="primary" onClick={() => startEdit('new')}>新增条款</Button>,
              ]
            : []
        }
        columns={[
          { title: '关键词', dataIndex: 'q', hideInTable: true },
          { title: '整治重点', dataIndex: 'category', hideInTable: true, valueType: 'select', fieldProps: { options: CATEGORY_OPTIONS } },
          {
            title: '执法部门',
            dataIndex: 'department',
            hideInTable: true,
            valueType: 'select',
            fieldProps: { options: [...DEPARTMENT_OPTIONS, { value: 'none', label: '法院/其他' }] },
          },
          { title: '违法行为发生日', dataIndex: 'inForceOn', hideInTable: true, valueType: 'date', search: { transform: (v) => ({ inForceOn: dayjs(v).format('YYYY-MM-DD') }) } },
          { title: '核实程度', dataIndex: 'confidence', hideInTable: true, valueType: 'select', fieldProps: { options: CONFIDENCE_LEVELS.map((c) => ({ value: c, label: `${c} ${CONFIDENCE_LABELS[c]}` })) } },
          { title: '法规', dataIndex: 'actId', hideInTable: true, valueType: 'select', fieldProps: { options: acts.map((a) => ({ value: a.id, label: a.shortName })), showSearch: true, optionFilterProp: 'label' } },
          {
            title: '条款',
            dataIndex: 'citation',
            search: false,
            width: 240,
            render: (_d, r) => (
              <Space direction="vertical" size={0}>
                <a onClick={() => void open(r.id)}>{r.citation}</a>
                {r.versionLabel ? <Typography.Text type="secondary">{r.versionLabel}</Typography.Text> : null}
              </Space>
            ),
          },
          { title: '要旨', dataIndex: 'summary', search: false, ellipsis: true, width: 320 },
          {
            title: '罚则',
            dataIndex: 'penaltyRange',
            search: false,
            width: 200,
            render: (_d, r) =>
              r.penaltyRange ? (
                <Tooltip title={r.penaltyRange}>
                  <span>{fineRange(r.penaltyMin, r.penaltyMax) ?? (r.penaltyRange.length > 16 ? `${r.penaltyRange.slice(0, 16)}…` : r.penaltyRange)}</span>
                </Tooltip>
              ) : (
                '—'
              ),
          },
          { title: '执法部门', dataIndex: 'enforcingDepartmentType', search: false, width: 110, render: (_d, r) => <DepartmentTag value={r.enforcingDepartmentType} /> },
          { title: '有效期', search: false, width: 190, render: (_d, r) => `${r.effectiveFrom} 起${r.effectiveTo ? `，至 ${r.effectiveTo}` : ''}` },
          { title: '整治重点', dataIndex: 'focusCategories', search: false, width: 100, render: (_d, r) => r.focusCategories.map((c) => <Tag key={c}>{c}</Tag>) },
          { title: '核实', dataIndex: 'confidence', search: false, width: 90, render: (_d, r) => <ConfidenceTag value={r.confidence} /> },
          {
            title: '操作',
            valueType: 'option',
            width: 100,
            render: (_d, r) => [
              <a key="view" onClick={() => void open(r.id)}>查看</a>,
              admin ? <a key="edit" onClick={() => startEdit(r)}>编辑</a> : null,
            ],
          },
        ]}
      />

      <Drawer open={viewing !== null} width={640} title={viewing?.citation} onClose={() => setViewing(null)}>
        {viewing ? (
          <>
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label="法规">《{viewing.actTitle}》（{ACT_LEVEL_LABELS[viewing.actLevel as keyof typeof ACT_LEVEL_LABELS] ?? viewing.actLevel}，{viewing.actIssuer}）</Descriptions.Item>
              <Descriptions.Item label="条款">{viewing.article}{viewing.versionLabel ? `（${viewing.versionLabel}）` : ''}</Descriptions.Item>
              <Descriptions.Item label="要旨">{viewing.summary}</Descriptions.Item>
              <Descriptions.Item label="罚则">{viewing.penaltyRange ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="执法部门">
                <DepartmentTag value={viewing.enforcingDepartmentType} /> {viewing.enforcer}
              </Descriptions.Item>
              <Descriptions.Item label="有效期">{viewing.effectiveFrom} 起{viewing.effectiveTo ? `，至 ${viewing.effectiveTo}` : '，现行有效'}</Descriptions.Item>
              <Descriptions.Item label="核实程度">
                <ConfidenceTag value={viewing.confidence} /> {CONFIDENCE_LABELS[viewing.confidence]}
              </Descriptions.Item>
              <Descriptions.Item label="来源">{viewing.sourceUrl ? <Typography.Link href={viewing.sourceUrl} target="_blank" rel="noopener noreferrer">{viewing.sourceUrl}</Typography.Link> : '—'}</Descriptions.Item>
              <Descriptions.Item label="备注">{viewing.note ?? '—'}</Descriptions.Item>
            </Descriptions>
            {viewing.versions.length > 1 ? (
              <>
                <Typography.Title level={5} style={{ marginTop: 24 }}>
                  版本沿革
                </Typography.Title>
                <Timeline
                  items={viewing.versions.map((v) => ({
                    color: v.id === viewing.id ? 'blue' : 'gray',
                    children: (
                      <a onClick={() => void open(v.id)}>
                        {v.citation}（{v.versionLabel ?? '—'}）：{v.effectiveFrom} 起{v.effectiveTo ? ` 至 ${v.effectiveTo}` : '，现行'}
                      </a>
                    ),
                  }))}
                />
              </>
            ) : null}
          </>
        ) : null}
      </Drawer>

      <Modal open={editing !== null} title={editing === 'new' ? '新增条款' : '编辑条款'} onOk={save} onCancel={() => setEditing(null)} destroyOnHidden width={720}>
        <Form form={form} name="provision" layout="vertical" initialValues={{ confidence: '❓', focusCategories: [] }}>
          <Space.Compact block>
            <Form.Item name="actId" label="所属法规" rules={[{ required: true, message: '请选择法规' }]} style={{ width: '60%' }}>
              <Select showSearch optionFilterProp="label" options={acts.map((a) => ({ value: a.id, label: `${a.shortName}（${ACT_LEVEL_LABELS[a.level as keyof typeof ACT_LEVEL_LABELS] ?? a.level}）` }))} />
            </Form.Item>
            <Form.Item name="article" label="条款" rules={[{ required: true, message: '请填写条款' }]} style={{ width: '40%' }}>
              <Input placeholder="如 第50条第1款" />
            </Form.Item>
          </Space.Compact>
          <Form.Item name="versionLabel" label="文本版本">
            <Input placeholder="如 2025年修订" />
          </Form.Item>
          <Form.Item name="summary" label="条文要旨" rules={[{ required: true, message: '请填写要旨' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="penaltyRange" label="罚则">
            <Input.TextArea rows={2} />
          </Form.Item>
          <Space>
            <Form.Item name="penaltyMin" label="罚款下限（元）">
              <InputNumber min={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="penaltyMax" label="罚款上限（元）">
              <InputNumber min={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="enforcingDepartmentType" label="执法部门类型">
              <Select allowClear style={{ width: 180 }} options={DEPARTMENT_OPTIONS} placeholder="法院/其他" />
            </Form.Item>
          </Space>
          <Form.Item name="enforcer" label="执法机关（原文表述）">
            <Input placeholder="如 县级以上地方人民政府房地产行政主管部门" />
          </Form.Item>
          <Space>
            <Form.Item name="effectiveFrom" label="施行日期" rules={[{ required: true, message: '请选择施行日期' }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="effectiveTo" label="失效日期">
              <DatePicker />
            </Form.Item>
            <Form.Item name="supersedesId" label="取代的旧版本条款编号" extra="保存后旧条款自动失效于本条施行前一日">
              <InputNumber min={1} style={{ width: 160 }} />
            </Form.Item>
          </Space>
          <Form.Item name="focusCategories" label="适用整治重点">
            <Select mode="multiple" options={CATEGORY_OPTIONS} />
          </Form.Item>
          <Space>
            <Form.Item name="confidence" label="核实程度" rules={[{ required: true }]}>
              <Select style={{ width: 260 }} options={CONFIDENCE_LEVELS.map((c) => ({ value: c, label: `${c} ${CONFIDENCE_LABELS[c]}` }))} />
            </Form.Item>
            <Form.Item name="sourceUrl" label="来源网址">
              <Input style={{ width: 380 }} placeholder="https://" />
            </Form.Item>
          </Space>
          <Form.Item name="note" label="备注">
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal open={addingAct} title="新增法规" onOk={saveAct} onCancel={() => setAddingAct(false)} destroyOnHidden>
        <Form form={actForm} name="legalAct" layout="vertical">
          <Form.Item name="title" label="全称（不含书名号）" rules={[{ required: true, message: '请填写全称' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="shortName" label="简称" rules={[{ required: true, message: '请填写简称' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="issuer" label="制定机关" rules={[{ required: true, message: '请填写制定机关' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="level" label="效力层级" rules={[{ required: true, message: '请选择效力层级' }]}>
            <Select options={ACT_LEVELS.map((l) => ({ value: l, label: ACT_LEVEL_LABELS[l] }))} />
          </Form.Item>
          <Form.Item name="regionCode" label="适用区划代码" extra="地方性法规、地方政府规章填写，如 420000；全国性的留空">
            <Input />
          </Form.Item>
          <Form.Item name="note" label="备注">
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
