import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { type ActionType, PageContainer, ProTable } from '@ant-design/pro-components';
import { Alert, Button, Select, Tag, Typography } from 'antd';
import { useRef } from 'react';
import type { Permission } from '../../../../core/roles.js';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { tableRequest } from '../../../common/api.js';
import { fmtDateTime } from '../../../common/format.js';
import { useSession } from '../../app/session.js';
import { RegionSelect } from '../../components/RegionSelect.js';
import type { Box, ComplaintListItem } from './api/complaints.js';
import { CATEGORY_OPTIONS, CHANNEL_LABELS, STATUS_LABELS, SlaTags, StatusTag, categoryLabel, deptLabel, timeLeft } from './components/shared.js';

const BOXES: Array<{ key: Box | 'all'; label: string; permission?: Permission | Permission[] }> = [
  { key: 'to_dispatch', label: '待派单', permission: 'complaint:dispatch' },
  { key: 'unlocated', label: '待确定属地', permission: 'complaint:dispatch' },
  { key: 'to_sign', label: '待签收' },
  { key: 'in_progress', label: '办理中' },
  { key: 'due_soon', label: '即将超期' },
  { key: 'overdue', label: '已超期' },
  { key: 'escalated', label: '超期升级', permission: ['complaint:supervise', 'complaint:dispatch'] },
  { key: 'supervised', label: '挂牌督办' },
  { key: 'mine_unit', label: '本单位线索', permission: 'complaint:approve' },
  { key: 'all', label: '全部' },
];

/**
 * 线索收件箱: the leads of the user's unit (and, for coordinators, the whole jurisdiction),
 * by tab. Server-side filters and pagination; overdue leads are red, due-soon orange.
 */
export default function InboxPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  // Supervisors start on the leads escalated to them; coordinators on what awaits dispatch.
  const defaultBox: Box = can('complaint:dispatch') ? 'to_dispatch' : can('complaint:supervise') ? 'escalated' : 'to_sign';
  // A drill-down link (dashboard, reports) carries its filters and shows every box.
  const drill = ['region', 'overdue', 'category', 'status'].some((k) => search.has(k));
  const box = (search.get('box') as Box | 'all' | null) ?? (drill ? 'all' : defaultBox);
  const ref = useRef<ActionType>(null);

  return (
    <PageContainer title="线索收件箱" content="各渠道收到的投诉举报线索。时限按工作日计算，自派单起算，退单不停止计时。">
      {drill && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="按统计图表下钻的筛选结果（区划、超期、类别等条件已带入）"
          action={
            <Button size="small" onClick={() => setSearch({ box: defaultBox })}>
              清除筛选
            </Button>
          }
        />
      )}
      {(search.get('enterpriseId') || search.get('projectId')) && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={search.get('enterpriseId') ? '仅显示所选企业的线索' : '仅显示所选项目的线索'}
          action={
            <Button size="small" onClick={() => setSearch({ box: box })}>
              显示全部
            </Button>
          }
        />
      )}
      {box === 'escalated' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="超期升级：已超过当前办理期限、系统已升级至监督部门督办且仍未处理的线索。线索处理到下一环节或办结后自动移出。"
        />
      )}
      <ProTable<ComplaintListItem>
        rowKey="id"
        actionRef={ref}
        params={{
          box: box === 'all' ? undefined : box,
          enterpriseId: search.get('enterpriseId') ?? undefined,
          projectId: search.get('projectId') ?? undefined,
          region: search.get('region') ?? undefined,
          overdue: search.get('overdue') ?? undefined,
          category: search.get('category') ?? undefined,
          status: search.get('status') ?? undefined,
        }}
        request={(params) => tableRequest<ComplaintListItem>('/api/complaints', params)}
        search={{ labelWidth: 'auto', defaultCollapsed: true }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        // Fits a 1440 px screen beside the menu without cutting columns; narrower screens scroll.
        scroll={{ x: 1300 }}
        onRow={(r) => ({ onClick: () => navigate(`/app/complaints/${r.id}`), style: { cursor: 'pointer' } })}
        toolbar={{
          menu: {
            type: 'tab',
            activeKey: box,
            items: BOXES.filter((b) => can(b.permission)).map((b) => ({ key: b.key, label: b.label })),
            onChange: (k) => {
              const next = new URLSearchParams(search);
              next.set('box', String(k));
              setSearch(next);
            },
          },
        }}
        toolBarRender={() => [
          can('complaint:create') && (
            <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => navigate('/app/complaints/new')}>
              登记线索
            </Button>
          ),
          can('complaint:import') && (
            <Button key="import" icon={<ImportOutlined />} onClick={() => navigate('/app/complaints/import')}>
              导入 12345 工单
            </Button>
          ),
        ]}
        columns={[
          { title: '关键词', dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: '查询码、内容、项目或企业' } },
          {
            title: '状态',
            dataIndex: 'status',
            hideInTable: true,
            valueType: 'select',
            valueEnum: Object.fromEntries(Object.entries(STATUS_LABELS).map(([k, v]) => [k, { text: v }])),
          },
          {
            title: '问题类别',
            dataIndex: 'category',
            hideInTable: true,
            renderFormItem: () => <Select allowClear options={CATEGORY_OPTIONS} placeholder="全部类别" popupMatchSelectWidth={false} />,
          },
          { title: '所属区划', dataIndex: 'region', hideInTable: true, renderFormItem: () => <RegionSelect /> },
          {
            title: '来源渠道',
            dataIndex: 'channel',
            hideInTable: true,
            valueType: 'select',
            valueEnum: Object.fromEntries(Object.entries(CHANNEL_LABELS).map(([k, v]) => [k, { text: v }])),
          },
          {
            title: '查询码',
            dataIndex: 'trackingCode',
            search: false,
            width: 130,
            fixed: 'left',
            render: (_d, r) => <Typography.Link style={{ fontFamily: 'monospace' }}>{r.trackingCode}</Typography.Link>,
          },
          {
            title: '诉求内容',
            dataIndex: 'description',
            search: false,
            ellipsis: true,
            width: 220,
            render: (_d, r) => (
              <>
                <SlaTags item={r} /> {r.description}
              </>
            ),
          },
          { title: '状态', dataIndex: 'statusLabel', search: false, width: 120, render: (_d, r) => <StatusTag status={r.status} label={r.statusLabel} /> },
          {
            title: '当前期限',
            dataIndex: 'currentDueAt',
            search: false,
            width: 150,
            render: (_d, r) => {
              const due = r.currentDueAt ?? r.dueAt;
              return due && !['closed', 'merged'].includes(r.status) ? (
                <Typography.Text type={r.overdue ? 'danger' : r.dueSoon ? 'warning' : undefined}>
                  {fmtDateTime(due)}
                  {r.deadlinesProvisional ? (
                    <Tag color="gold" style={{ marginLeft: 4 }} title="跨入尚未录入法定节假日安排的年份，暂按法定规则（不含调休）计算；录入后自动重新计算">
                      暂定
                    </Tag>
                  ) : null}
                  <br />
                  {timeLeft(due)}
                </Typography.Text>
              ) : (
                '—'
              );
            },
          },
          ...(box === 'escalated'
            ? [
                {
                  title: '升级时间',
                  dataIndex: 'lastEscalatedAt',
                  search: false as const,
                  width: 140,
                  render: (_d: unknown, r: ComplaintListItem) => (r.lastEscalatedAt ? fmtDateTime(r.lastEscalatedAt) : '—'),
                },
              ]
            : []),
          { title: '类别', dataIndex: 'categoryLabel', search: false, width: 120, render: (_d, r) => categoryLabel(r.category) },
          { title: '项目 / 企业', dataIndex: 'projectName', search: false, width: 180, ellipsis: true, render: (_d, r) => [r.projectName, r.enterpriseName].filter(Boolean).join(' / ') || '—' },
          { title: '主办', dataIndex: 'leadOrgUnitName', search: false, width: 150, ellipsis: true, render: (_d, r) => r.leadOrgUnitName ?? deptLabel(r.leadDepartment) },
          { title: '渠道', dataIndex: 'channelLabel', search: false, width: 90, render: (_d, r) => CHANNEL_LABELS[r.channel] ?? r.channel },
          { title: '收到时间', dataIndex: 'receivedAt', search: false, width: 140, render: (_d, r) => fmtDateTime(r.receivedAt) },
        ]}
      />
    </PageContainer>
  );
}
