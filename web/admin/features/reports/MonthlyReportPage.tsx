import { PageContainer } from '@ant-design/pro-components';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, api } from '../../../common/api.js';
import { useSession } from '../../app/session.js';
import { RegionSelect } from '../../components/RegionSelect.js';
import { getMonthly, type MonthlyReport, type ReportRow, saveMonthly, transitionMonthly } from './api.js';

const defaultMonth = () => dayjs().subtract(1, 'month').format('YYYY-MM');

function Figure({ row, k }: { row: ReportRow; k: 'month' | 'cumulative' }) {
  const navigate = useNavigate();
  if (!row.available) return <Typography.Text type="secondary">{row.note ?? '尚无数据来源'}</Typography.Text>;
  const link = k === 'cumulative' ? row.link.replace('span=month', 'span=cumulative') : row.link;
  return <Typography.Link onClick={() => navigate(link)}>{row[k]}</Typography.Link>;
}

/** 月度工作汇总（附件2）: figures with drill-down, case texts, submit / return / accept, export. */
export default function MonthlyReportPage() {
  const { me, can } = useSession();
  const { message } = App.useApp();
  const [search, setSearch] = useSearchParams();
  const region = search.get('region') ?? me?.region.code ?? '';
  const month = search.get('month') ?? defaultMonth();
  const [data, setData] = useState<MonthlyReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const load = useCallback(() => {
    setError(null);
    getMonthly(region, month).then(
      (r) => {
        setData(r);
        form.setFieldsValue({ typicalCases: r.typicalCases, experience: r.experience, compiler: r.compiler, contactPhone: r.contactPhone, comment: '' });
      },
      (err) => setError(err instanceof ApiError ? err.message : '加载失败'),
    );
  }, [region, month, form]);
  useEffect(load, [load]);

  const act = async (action: 'save' | 'submit' | 'return' | 'accept') => {
    const v = form.getFieldsValue();
    const body = { region, month, ...v };
    try {
      const r = action === 'save' ? await saveMonthly({ region, month, typicalCases: v.typicalCases, experience: v.experience, compiler: v.compiler, contactPhone: v.contactPhone }) : await transitionMonthly(action, body);
      setData(r);
      message.success('已保存');
    } catch (err) {
      message.error(err instanceof ApiError ? err.message : '操作失败');
    }
  };
  const ownRegion = data && me?.region.code === data.region;
  const columns = [
    { title: '序号', dataIndex: 'no', width: 60 },
    { title: '内容', dataIndex: 'label', render: (v: string, r: ReportRow) => (r.available && r.note ? `${v}（${r.note}）` : v) },
    { title: '本月', width: 110, render: (_: unknown, r: ReportRow) => <Figure row={r} k="month" /> },
    { title: '累积', width: 110, render: (_: unknown, r: ReportRow) => <Figure row={r} k="cumulative" /> },
  ];
  return (
    <PageContainer
      title="月度工作汇总表（附件2）"
      extra={
        <Space>
          <RegionSelect value={region} onChange={(c) => setSearch({ region: c ?? '', month })} allowClear={false} />
          <DatePicker picker="month" value={dayjs(`${month}-01`)} allowClear={false} onChange={(d) => d && setSearch({ region, month: d.format('YYYY-MM') })} />
          <Button onClick={() => api.download('/api/reports/monthly/export', { region, month })}>导出 Excel</Button>
        </Space>
      }
    >
      {error && <Alert type="error" message={error} />}
      {data && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" bordered column={4}>
            <Descriptions.Item label="区划">{data.regionName}</Descriptions.Item>
            <Descriptions.Item label="月份">{data.month}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <Tag color={data.status === 'accepted' ? 'green' : data.status === 'returned' ? 'red' : data.status === 'submitted' ? 'blue' : undefined}>{data.statusLabel}</Tag>
              {data.version ? `第 ${data.version} 版` : ''}
            </Descriptions.Item>
            <Descriptions.Item label="报送期限">{data.dueOn} 前</Descriptions.Item>
          </Descriptions>
          {data.frozen && <Alert type="info" message="已报送的月报数据已冻结：之后登记的记录计入以后月份的数字，不改变本表。点击数字可查看当前记录。" />}
          {data.reviewComment && <Alert type="warning" message={`审核意见：${data.reviewComment}`} />}
          <Card size="small" title="汇总数据（点击数字查看背后的记录）">
            <Table rowKey="no" size="small" pagination={false} dataSource={data.rows} columns={columns} />
          </Card>
          {data.subRegions.length > 0 && (
            <Card size="small" title="分区汇总（合计 = 各分区之和）">
              <Table
                rowKey="no"
                size="small"
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={data.rows}
                columns={[
                  { title: '序号', dataIndex: 'no', fixed: 'left', width: 50 },
                  ...data.subRegions.map((s) => ({
                    title: `${s.regionName}${s.status ? `（${s.status === 'accepted' ? '已通过' : s.status === 'submitted' ? '已报' : s.status === 'returned' ? '退回' : '填报中'}）` : ''}`,
                    render: (_: unknown, r: ReportRow) => {
                      const row = s.rows.find((x) => x.no === r.no);
                      return row ? <Figure row={row} k="month" /> : null;
                    },
                  })),
                  { title: '合计', render: (_: unknown, r: ReportRow) => <Figure row={r} k="month" /> },
                ]}
              />
            </Card>
          )}
          <Card size="small" title="典型案例和经验做法">
            <Form form={form} layout="vertical" disabled={data.frozen}>
              <Space>
                <Form.Item name="compiler" label="汇总人">
                  <Input maxLength={50} />
                </Form.Item>
                <Form.Item name="contactPhone" label="联系方式">
                  <Input maxLength={30} />
                </Form.Item>
              </Space>
              <Form.Item name="typicalCases" label="典型案例和事例">
                <Input.TextArea rows={4} maxLength={20000} />
              </Form.Item>
              <Form.Item name="experience" label="专项整治经验做法">
                <Input.TextArea rows={4} maxLength={20000} />
              </Form.Item>
            </Form>
            <Form form={form} layout="vertical">
              {!ownRegion && data.status === 'submitted' && (
                <Form.Item name="comment" label="审核意见">
                  <Input.TextArea rows={2} maxLength={2000} />
                </Form.Item>
              )}
            </Form>
            <Space>
              {can('report:submit') && !data.frozen && <Button onClick={() => act('save')}>保存</Button>}
              {can('report:submit') && !data.frozen && (
                <Button type="primary" onClick={() => act('submit')}>
                  报送
                </Button>
              )}
              {can('report:review') && !ownRegion && data.status === 'submitted' && (
                <>
                  <Button danger onClick={() => act('return')}>
                    退回
                  </Button>
                  <Button type="primary" onClick={() => act('accept')}>
                    审核通过
                  </Button>
                </>
              )}
            </Space>
          </Card>
        </Space>
      )}
    </PageContainer>
  );
}
