import { ModalForm, PageContainer, ProFormDatePicker, ProFormDigit, ProFormSelect, ProFormText, ProFormTextArea, ProTable } from '@ant-design/pro-components';
import { App, Button, Form, Tabs } from 'antd';
import { useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { DEED_TYPE_LABELS, DEED_TYPES } from '../../../../core/reports/outcomes.js';
import { ApiError, api, tableRequest } from '../../../common/api.js';
import { useSession } from '../../app/session.js';
import { RegionSelect } from '../../components/RegionSelect.js';
import { ProjectSelect } from '../complaints/components/pickers.js';

type Tab = 'deeds' | 'models' | 'publicity' | 'institutional';
const TABS: Array<{ key: Tab; label: string; url: string }> = [
  { key: 'deeds', label: '为群众办实事', url: '/api/deeds' },
  { key: 'models', label: '“美好家园”选树', url: '/api/model-projects' },
  { key: 'publicity', label: '普法宣传', url: '/api/publicity-events' },
  { key: 'institutional', label: '制度机制成果', url: '/api/institutional-outcomes' },
];

const COLUMNS: Record<Tab, Array<{ title: string; dataIndex: string; width?: number; render?: (v: unknown) => string }>> = {
  deeds: [
    { title: '日期', dataIndex: 'date', width: 110 },
    { title: '项目', dataIndex: 'projectName', width: 200 },
    { title: '类型', dataIndex: 'type', width: 140, render: (v) => DEED_TYPE_LABELS[v as keyof typeof DEED_TYPE_LABELS] ?? String(v) },
    { title: '内容', dataIndex: 'description' },
    { title: '区划', dataIndex: 'regionName', width: 160 },
  ],
  models: [
    { title: '选树日期', dataIndex: 'date', width: 110 },
    { title: '项目', dataIndex: 'projectName', width: 220 },
    { title: '选树理由', dataIndex: 'reasons' },
    { title: '区划', dataIndex: 'regionName', width: 160 },
  ],
  publicity: [
    { title: '日期', dataIndex: 'date', width: 110 },
    { title: '活动', dataIndex: 'title' },
    { title: '地点', dataIndex: 'place', width: 180 },
    { title: '宣传册（份）', dataIndex: 'brochures', width: 110 },
    { title: '受众（人）', dataIndex: 'audience', width: 100 },
    { title: '区划', dataIndex: 'regionName', width: 160 },
  ],
  institutional: [
    { title: '出台日期', dataIndex: 'date', width: 110 },
    { title: '制度名称', dataIndex: 'title' },
    { title: '说明', dataIndex: 'note' },
    { title: '区划', dataIndex: 'regionName', width: 160 },
  ],
};

/** 成果登记: the outcome records the monthly form counts (rows 10, 13, 14) and the 制度机制 of the summary phase. */
export default function OutcomesPage() {
  const { can, me } = useSession();
  const { message } = App.useApp();
  const [search, setSearch] = useSearchParams();
  const tab = (search.get('tab') as Tab | null) ?? 'deeds';
  const current = TABS.find((t) => t.key === tab) ?? TABS[0];
  const ref = useRef<{ reload: () => void }>(null);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const submit = async (v: Record<string, unknown>) => {
    const body = { ...v, date: typeof v.date === 'string' ? v.date : (v.date as { format: (f: string) => string })?.format('YYYY-MM-DD') };
    try {
      await api.post(current.url, body);
      message.success('已登记');
      ref.current?.reload();
      return true;
    } catch (err) {
      message.error(err instanceof ApiError ? err.message : '登记失败');
      return false;
    }
  };
  return (
    <PageContainer title="成果登记" content="为群众办实事、“美好家园”选树、普法宣传和制度机制成果。月度汇总表第10、13、14行由这些记录自动统计。">
      <Tabs activeKey={tab} onChange={(k) => setSearch({ tab: k })} items={TABS.map((t) => ({ key: t.key, label: t.label }))} />
      <ProTable
        key={tab}
        rowKey="id"
        actionRef={ref as never}
        request={(p) => tableRequest(current.url, { ...p, region: search.get('region') ?? p.region, from: search.get('from') ?? undefined, to: search.get('to') ?? undefined })}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20 }}
        toolBarRender={() =>
          can('outcome:manage')
            ? [
                <Button key="new" type="primary" onClick={() => setOpen(true)}>
                  登记
                </Button>,
              ]
            : []
        }
        columns={[{ title: '区划', dataIndex: 'region', hideInTable: true, renderFormItem: () => <RegionSelect /> }, ...COLUMNS[tab].map((c) => ({ ...c, search: false as const, render: c.render ? (_: unknown, r: Record<string, unknown>) => c.render?.(r[c.dataIndex]) : undefined }))]}
      />
      <ModalForm title={`登记${current.label}`} open={open} form={form} onOpenChange={setOpen} modalProps={{ destroyOnHidden: true }} onFinish={submit} initialValues={{ regionCode: me?.region.code }}>
        {(tab === 'deeds' || tab === 'models') && (
          <Form.Item name="projectId" label="物业项目" rules={[{ required: true, message: '请选择物业项目' }]}>
            <ProjectSelect placeholder="输入项目名称搜索" />
          </Form.Item>
        )}
        {(tab === 'publicity' || tab === 'institutional') && (
          <Form.Item name="regionCode" label="区划" rules={[{ required: true, message: '请选择区划' }]}>
            <RegionSelect />
          </Form.Item>
        )}
        {tab === 'deeds' && <ProFormSelect name="type" label="实事类型" rules={[{ required: true }]} options={DEED_TYPES.map((t) => ({ value: t, label: DEED_TYPE_LABELS[t] }))} />}
        {tab === 'deeds' && <ProFormTextArea name="description" label="实事内容" rules={[{ required: true }]} />}
        {tab === 'models' && <ProFormTextArea name="reasons" label="选树理由" rules={[{ required: true }]} />}
        {(tab === 'publicity' || tab === 'institutional') && <ProFormText name="title" label={tab === 'publicity' ? '活动名称' : '制度名称'} rules={[{ required: true }]} />}
        {tab === 'publicity' && <ProFormText name="place" label="地点" />}
        {tab === 'publicity' && <ProFormDigit name="brochures" label="发放宣传册（份）" min={0} rules={[{ required: true }]} />}
        {tab === 'publicity' && <ProFormDigit name="audience" label="受众（人）" min={0} />}
        {tab === 'institutional' && <ProFormTextArea name="note" label="说明" />}
        <ProFormDatePicker name="date" label="日期" rules={[{ required: true }]} />
      </ModalForm>
    </PageContainer>
  );
}
