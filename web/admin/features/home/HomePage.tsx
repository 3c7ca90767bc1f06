import { PageContainer } from '@ant-design/pro-components';
import { Alert, Card, Col, Descriptions, Row, Statistic, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Permission } from '../../../../core/roles.js';
import { nextYearCalendarWarning } from '../../../../core/working-days.js';
import { type Page, api } from '../../../common/api.js';
import { dayjs } from '../../../common/format.js';
import { ROLE_LABELS } from '../../../common/labels.js';
import { useSession } from '../../app/session.js';
import { listYears } from '../calendar/api/calendar.js';

/** One count on the workbench: what it counts (a list query), who sees it, where a click leads. */
interface Tile {
  key: string;
  title: string;
  permission: Permission;
  url: string;
  query: Record<string, string>;
  to: string;
  /** Shown in red when not zero. */
  alarm?: boolean;
}

const TILES: Tile[] = [
  { key: 'to_dispatch', title: '待派单线索', permission: 'complaint:dispatch', url: '/api/complaints', query: { box: 'to_dispatch' }, to: '/app/complaints?box=to_dispatch' },
  { key: 'to_sign', title: '待签收线索', permission: 'complaint:handle', url: '/api/complaints', query: { box: 'to_sign' }, to: '/app/complaints?box=to_sign' },
  {
    key: 'reply_pending',
    title: '待审核答复',
    permission: 'complaint:approve',
    url: '/api/complaints',
    query: { box: 'mine_unit', status: 'reply_pending' },
    to: '/app/complaints?box=mine_unit&status=reply_pending',
  },
  { key: 'in_progress', title: '办理中线索', permission: 'complaint:handle', url: '/api/complaints', query: { box: 'in_progress' }, to: '/app/complaints?box=in_progress' },
  { key: 'due_soon', title: '即将超期', permission: 'complaint:read', url: '/api/complaints', query: { box: 'due_soon' }, to: '/app/complaints?box=due_soon', alarm: true },
  { key: 'overdue', title: '已超期线索', permission: 'complaint:read', url: '/api/complaints', query: { box: 'overdue' }, to: '/app/complaints?box=overdue', alarm: true },
  { key: 'escalated', title: '超期升级', permission: 'complaint:supervise', url: '/api/complaints', query: { box: 'escalated' }, to: '/app/complaints?box=escalated', alarm: true },
  { key: 'problems_overdue', title: '逾期未整改问题', permission: 'problem:read', url: '/api/problems', query: { overdue: 'true' }, to: '/app/problems', alarm: true },
  { key: 'problems_submitted', title: '待回头看复核', permission: 'problem:review', url: '/api/problems', query: { status: 'submitted' }, to: '/app/problems' },
];

/** 工作台: who I am, what waits for me (counted by the same list queries the inboxes use), calendar warnings. */
export default function HomePage() {
  const { me, can } = useSession();
  const [counts, setCounts] = useState<Record<string, number | null>>({});
  const [calendarWarning, setCalendarWarning] = useState<string | null>(null);
  const [enterpriseName, setEnterpriseName] = useState<string | null>(null);
  const tiles = TILES.filter((t) => can(t.permission));

  useEffect(() => {
    for (const t of tiles) {
      api.get<Page<unknown>>(t.url, { ...t.query, pageSize: 1 }).then(
        (p) => setCounts((c) => ({ ...c, [t.key]: p.total })),
        () => setCounts((c) => ({ ...c, [t.key]: null })),
      );
    }
    if (me?.enterpriseId) api.get<{ name: string }>(`/api/enterprises/${me.enterpriseId}`).then((e) => setEnterpriseName(e.name), () => undefined);
    if (can('reference:manage') || can('complaint:dispatch')) {
      listYears().then((r) => setCalendarWarning(nextYearCalendarWarning(dayjs().format('YYYY-MM-DD'), r.items.map((y) => y.year))), () => undefined);
    }
  }, [me?.user.id]);

  if (!me) return null;
  return (
    <PageContainer title={`您好，${me.user.displayName}`}>
      {calendarWarning && <Alert type="warning" showIcon message={calendarWarning} style={{ marginBottom: 16 }} />}
      {tiles.length > 0 && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          {tiles.map((t) => {
            const n = counts[t.key];
            return (
              <Col key={t.key} xs={12} md={8} xl={6}>
                <Link to={t.to} style={{ display: 'block' }} aria-label={`${t.title}：${n ?? ''}`}>
                  <Card hoverable size="small">
                    <Statistic
                      title={t.title}
                      value={n === undefined ? '…' : n === null ? '—' : n}
                      valueStyle={t.alarm && n ? { color: '#cf1322' } : undefined}
                    />
                  </Card>
                </Link>
              </Col>
            );
          })}
        </Row>
      )}
      <Card>
        <Descriptions column={2} bordered size="small">
          {me.enterpriseId ? (
            <Descriptions.Item label="所属企业">{enterpriseName ?? '…'}</Descriptions.Item>
          ) : (
            <Descriptions.Item label="所在单位">{me.orgUnit?.name ?? '—'}</Descriptions.Item>
          )}
          <Descriptions.Item label="管辖范围">
            {me.region.name}（{me.region.code}）
          </Descriptions.Item>
          <Descriptions.Item label="角色" span={2}>
            {me.roles.map((r) => (
              <Tag key={r}>{ROLE_LABELS[r as keyof typeof ROLE_LABELS] ?? r}</Tag>
            ))}
          </Descriptions.Item>
        </Descriptions>
      </Card>
    </PageContainer>
  );
}
