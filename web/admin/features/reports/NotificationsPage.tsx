import { PageContainer } from '@ant-design/pro-components';
import { App, Button, Checkbox, DatePicker, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiError, api } from '../../../common/api.js';
import { useSession } from '../../app/session.js';
import { RegionSelect } from '../../components/RegionSelect.js';

interface Issued {
  id: string;
  title: string;
  documentNumber: string;
  periodFrom: string;
  periodTo: string;
  isPublic: boolean;
  regionName: string;
  issuedAt: string;
}

/** 通报: draft (editable .docx) and issue (numbered, frozen, sent to the units; optionally public). */
export default function NotificationsPage() {
  const { me, can } = useSession();
  const { message } = App.useApp();
  const [region, setRegion] = useState<string | undefined>(me?.region.code);
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('month'), dayjs()]);
  const [isPublic, setPublic] = useState(false);
  const [items, setItems] = useState<Issued[]>([]);
  const load = () => api.get<{ items: Issued[] }>('/api/notifications').then((r) => setItems(r.items));
  useEffect(() => {
    load();
  }, []);
  const body = { regionCode: region, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const draft = async () => {
    const res = await fetch('/api/notifications/draft', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!res.ok) return message.error('生成失败');
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = '通报（草稿）.docx';
    a.click();
    URL.revokeObjectURL(url);
  };
  const issue = async () => {
    try {
      const r = await api.post<{ documentNumber: string }>('/api/notifications', { ...body, isPublic });
      message.success(`已印发：${r.documentNumber}`);
      load();
    } catch (err) {
      message.error(err instanceof ApiError ? err.message : '印发失败');
    }
  };
  return (
    <PageContainer title="工作进展通报" content="按期间和区划自动汇总各地阶段任务、拉网检查、线索办结与超期、满意度、退单、热线抽查和点名问题，生成公文格式的 Word 草稿；印发后编号并冻结。">
      <Space style={{ marginBottom: 16 }} wrap>
        <RegionSelect value={region} onChange={setRegion} allowClear={false} />
        <DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
        <Button onClick={draft}>生成草稿（Word）</Button>
        {can('report:review') && (
          <>
            <Checkbox checked={isPublic} onChange={(e) => setPublic(e.target.checked)}>
              在门户公开
            </Checkbox>
            <Button type="primary" onClick={issue}>
              印发
            </Button>
          </>
        )}
      </Space>
      <Table
        rowKey="id"
        size="small"
        dataSource={items}
        columns={[
          { title: '文号', dataIndex: 'documentNumber', width: 260 },
          { title: '标题', dataIndex: 'title' },
          { title: '期间', render: (_, r) => `${r.periodFrom} 至 ${r.periodTo}`, width: 220 },
          { title: '公开', dataIndex: 'isPublic', width: 70, render: (v) => (v ? '是' : '否') },
          { title: '', width: 100, render: (_, r) => <Button size="small" onClick={() => api.download(`/api/notifications/${r.id}/docx`)}>下载</Button> },
        ]}
      />
    </PageContainer>
  );
}
