import { DownloadOutlined } from '@ant-design/icons';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { Button, Card, DatePicker, Form, Input, Radio, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { tableRequest } from '../../../common/api.js';
import { fmtDate } from '../../../common/format.js';
import { useNavigate } from 'react-router-dom';
import { chinaToday } from '../../../common/format.js';
import { useSession } from '../../app/session.js';
import { BLACKLIST_PENDING_LABELS, type BlacklistRow, type CompanyCreditRow, GRADE_COLORS, downloadCreditExport } from './api.js';
import { CreditRuleEditor } from './components/CreditRuleEditor.js';
import { EnterpriseCreditView } from './components/EnterpriseCreditView.js';

function CreditExport() {
  const [form] = Form.useForm();
  const run = async () => {
    const v = await form.validateFields();
    downloadCreditExport({ from: v.range[0].format('YYYY-MM-DD'), to: v.range[1].format('YYYY-MM-DD'), format: v.format });
  };
  return (
    <Form form={form} name="creditExport" layout="inline" initialValues={{ format: 'csv', range: [chinaToday().startOf('year'), chinaToday()] }}>
      <Form.Item name="range" label="信用事件发生日期" rules={[{ required: true, message: '请选择日期范围' }]}>
        <DatePicker.RangePicker placeholder={['开始日期', '结束日期']} />
      </Form.Item>
      <Form.Item name="format" label="格式">
        <Radio.Group
          options={[
            { value: 'csv', label: 'CSV' },
            { value: 'json', label: 'JSON' },
          ]}
        />
      </Form.Item>
      <Button type="primary" icon={<DownloadOutlined />} onClick={() => void run()}>
        导出
      </Button>
    </Form>
  );
}

function BlacklistTable({ params, onOpen }: { params: Record<string, string>; onOpen: (r: BlacklistRow) => void }) {
  return (
    <ProTable<BlacklistRow>
      rowKey="id"
      search={false}
      options={false}
      params={params}
      request={(p) => tableRequest<BlacklistRow>('/api/blacklist', p)}
      pagination={{ defaultPageSize: 20 }}
      onRow={(r) => ({ onClick: () => onOpen(r), style: { cursor: 'pointer' } })}
      columns={[
        { title: '企业', dataIndex: 'enterpriseName', render: (_d, r) => <Typography.Link>{r.enterpriseName}</Typography.Link> },
        { title: '统一社会信用代码', dataIndex: 'creditCode', width: 200 },
        { title: '列入原因', dataIndex: 'reason', ellipsis: true },
        { title: '期间', width: 220, render: (_d, r) => `${r.from} 至 ${r.until ?? '信用修复前'}` },
        {
          title: '状态',
          width: 220,
          render: (_d, r) => (
            <>
              {r.annulledAt ? (
                <Tag color="green">已撤销（异议成立）</Tag>
              ) : r.repairedAt ? (
                <Tag color="green">已修复 {fmtDate(r.repairedAt)}</Tag>
              ) : r.active === false ? (
                <Tag>{r.status === 'scheduled' ? '未生效' : '已到期'}</Tag>
              ) : (
                <Tag color="red">生效中</Tag>
              )}
              {r.pendingApplication && <Tag color="orange">{BLACKLIST_PENDING_LABELS[r.pendingApplication]}</Tag>}
            </>
          ),
        },
      ]}
    />
  );
}

/** Every company in the jurisdiction by grade (worst first); a search puts exact and penalised matches first. */
function CompanyCreditTable({ onOpen }: { onOpen: (id: string) => void }) {
  const [q, setQ] = useState('');
  return (
    <>
      <Typography.Paragraph type="secondary">
        辖区内物业服务企业按信用等级由低到高排列，同等级按信用分由低到高；搜索企业名称、简称或统一社会信用代码时，名称完全匹配和有扣分、在黑名单中的企业排在前面。
      </Typography.Paragraph>
      <Input.Search
        id="credit-enterprise-search"
        aria-label="搜索企业"
        placeholder="企业名称、简称或统一社会信用代码"
        allowClear
        enterButton="搜索"
        style={{ width: 420, marginBottom: 16 }}
        onSearch={(v) => setQ(v.trim())}
      />
      <ProTable<CompanyCreditRow>
        rowKey="id"
        search={false}
        options={false}
        params={q ? { q } : {}}
        request={(p) => tableRequest<CompanyCreditRow>('/api/credit/enterprises', p)}
        pagination={{ defaultPageSize: 20 }}
        onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '企业', dataIndex: 'name', render: (_d, r) => <Typography.Link>{r.name}</Typography.Link> },
          { title: '统一社会信用代码', dataIndex: 'creditCode', width: 200 },
          { title: '信用等级', dataIndex: 'grade', width: 100, render: (_d, r) => <Tag color={GRADE_COLORS[r.grade]}>{r.grade}</Tag> },
          { title: '信用分', dataIndex: 'score', width: 90 },
          { title: '有效扣分事件', dataIndex: 'deductions', width: 120 },
          { title: '黑名单', width: 100, render: (_d, r) => (r.blacklisted ? <Tag color="red">生效中</Tag> : '—') },
        ]}
      />
    </>
  );
}

/** 信用管理 (staff) / 本企业信用 (enterprise users). */
export default function CreditPage() {
  const { me, can } = useSession();
  const navigate = useNavigate();
  if (me?.enterpriseId)
    return (
      <PageContainer
        title="本企业信用"
        content="信用事件按评分规则计分；对认定有异议的扣分事件或黑名单记录，可以提出异议，由主管部门复核；被列入黑名单后完成整改的，可以申请信用修复。"
      >
        <EnterpriseCreditView enterpriseId={me.enterpriseId} />
      </PageContainer>
    );
  return (
    <PageContainer title="信用管理" content="物业服务企业信用评价、黑名单与信用修复，信用数据按统一社会信用代码报送市信用信息平台。">
      <Tabs
        items={[
          {
            key: 'lookup',
            label: '企业信用',
            children: (
              <Card>
                <CompanyCreditTable onOpen={(id) => navigate(`/app/credit/enterprises/${id}`)} />
              </Card>
            ),
          },
          {
            key: 'blacklist',
            label: '黑名单',
            children: <BlacklistTable params={{ active: 'true' }} onOpen={(r) => navigate(`/app/credit/enterprises/${r.enterpriseId}`)} />,
          },
          can('credit:manage') && {
            key: 'pending',
            label: '异议与修复申请',
            children: (
              <>
                <Typography.Paragraph type="secondary">企业对黑名单记录提出的异议和信用修复申请，待处理的在此列出；点击进入企业信用页处理。</Typography.Paragraph>
                <BlacklistTable params={{ pending: 'true' }} onOpen={(r) => navigate(`/app/credit/enterprises/${r.enterpriseId}`)} />
              </>
            ),
          },
          { key: 'rules', label: '评分规则', children: <CreditRuleEditor editable={can('credit:manage')} /> },
          can('credit:manage') && {
            key: 'export',
            label: '信用数据导出',
            children: (
              <Card>
                <Typography.Paragraph type="secondary">
                  按信用事件发生日期导出（以统一社会信用代码为主键），供报送市信用信息共享平台；字段说明见 docs/credit-export.md。
                </Typography.Paragraph>
                <CreditExport />
              </Card>
            ),
          },
        ].filter((x) => !!x)}
      />
    </PageContainer>
  );
}
