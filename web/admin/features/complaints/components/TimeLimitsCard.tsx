import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, InputNumber, Popconfirm, Select, Space, Spin, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { TIME_LIMIT_FIELDS, TIME_LIMIT_RANGES, type TimeLimitField } from '../../../../../core/complaints/time-limit-ranges.js';
import { ApiError } from '../../../../common/api.js';
import { type CampaignTimeLimits, type TimeLimitRow, getTimeLimits, saveTimeLimits } from '../api/config.js';
import { DEPT_OPTIONS, deptLabel } from './shared.js';

type Row = TimeLimitRow & { key: string };

const DEPARTMENT_CHOICES = [{ value: '*', label: '全部部门' }, ...DEPT_OPTIONS];
const departmentName = (d: string) => (d === '*' ? '全部部门' : deptLabel(d));
const SHORT_LABELS: Record<TimeLimitField, string> = {
  signDays: '签收（工作日）',
  closeDays: '办结答复（工作日）',
  followUpDays: '回访（工作日）',
  urgentSignHours: '紧急签收（小时）',
  urgentActHours: '紧急处置（小时）',
};

let seq = 0;
const withKey = (r: TimeLimitRow): Row => ({ ...r, key: `t${++seq}` });

/**
 * 线索办理时限 of a campaign: one row for all departments ('*') and optional rows per lead
 * department; an empty cell inherits the '*' row, then the default (sign 1, reply 15, follow-up
 * 5 working days; urgent sign 2 h, act 24 h). Saved as a whole (PUT). Mounted on the campaign page.
 */
export function TimeLimitsCard({ campaignId }: { campaignId: string }) {
  const { message } = App.useApp();
  const [data, setData] = useState<CampaignTimeLimits | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [loadError, setLoadError] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);

  const show = useCallback((d: CampaignTimeLimits) => {
    setData(d);
    setRows(d.rows.map(withKey));
    setErrors({});
    setDirty(false);
  }, []);
  useEffect(() => {
    getTimeLimits(campaignId).then(show, (err) => setLoadError(err instanceof ApiError ? err.message : '加载失败'));
  }, [campaignId, show]);

  if (loadError) return <Alert type="error" showIcon message={loadError} />;
  if (!data) return <Spin />;
  const manage = data.canManage;

  const change = (i: number, patch: Partial<TimeLimitRow>) => {
    setRows((prev) => prev.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    setDirty(true);
  };
  const used = new Set(rows.map((r) => r.leadDepartment));
  const addRow = () => {
    const next = DEPARTMENT_CHOICES.find((c) => !used.has(c.value));
    if (!next) return;
    setRows((prev) => [...prev, withKey({ leadDepartment: next.value, signDays: null, closeDays: null, followUpDays: null, urgentSignHours: null, urgentActHours: null })]);
    setDirty(true);
  };
  const save = async (list: Row[]) => {
    setSaving(true);
    setErrors({});
    try {
      show(await saveTimeLimits(campaignId, list.map(({ key: _k, ...r }) => r)));
      message.success('办理时限已保存，此后派单的线索按新时限计算');
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fields);
      message.error(err instanceof ApiError ? err.message : '保存失败');
    } finally {
      setSaving(false);
    }
  };
  const allRow = rows.find((r) => r.leadDepartment === '*');
  const inherited = (r: Row, f: TimeLimitField) => (r.leadDepartment !== '*' ? allRow?.[f] : null) ?? data.defaults[f];
  const errorOf = (i: number, f: string) => errors[`limits.${i}.${f}`];
  const rowErrors = (i: number) =>
    Object.entries(errors)
      .filter(([k]) => k.startsWith(`limits.${i}.`))
      .map(([, v]) => v);

  const columns: ColumnsType<Row> = [
    {
      title: '牵头部门',
      width: 170,
      render: (_v, r, i) =>
        manage ? (
          <Select
            size="small"
            style={{ width: 150 }}
            status={errorOf(i, 'leadDepartment') ? 'error' : undefined}
            value={r.leadDepartment}
            options={DEPARTMENT_CHOICES.map((c) => ({ ...c, disabled: c.value !== r.leadDepartment && used.has(c.value) }))}
            onChange={(v) => change(i, { leadDepartment: v })}
          />
        ) : (
          departmentName(r.leadDepartment)
        ),
    },
    ...TIME_LIMIT_FIELDS.map((f) => ({
      title: SHORT_LABELS[f],
      width: 130,
      render: (_v: unknown, r: Row, i: number) =>
        manage ? (
          <InputNumber
            size="small"
            min={TIME_LIMIT_RANGES[f].min}
            max={TIME_LIMIT_RANGES[f].max}
            precision={0}
            status={errorOf(i, f) ? 'error' : undefined}
            placeholder={`默认 ${inherited(r, f)}`}
            value={r[f]}
            onChange={(v) => change(i, { [f]: typeof v === 'number' ? v : null })}
            aria-label={`${departmentName(r.leadDepartment)}${TIME_LIMIT_RANGES[f].label}`}
          />
        ) : (
          (r[f] ?? <Typography.Text type="secondary">{inherited(r, f)}</Typography.Text>)
        ),
    })),
    ...(manage
      ? [
          {
            title: '',
            width: 50,
            render: (_v: unknown, _r: Row, i: number) => (
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label="删除该行"
                onClick={() => {
                  setRows((prev) => prev.filter((_x, j) => j !== i));
                  setDirty(true);
                }}
              />
            ),
          },
        ]
      : []),
  ];

  const effectiveColumns: ColumnsType<CampaignTimeLimits['effective'][number]> = [
    { title: '牵头部门', dataIndex: 'leadDepartment', width: 170, render: (d: string) => (d === '*' ? '其他（未单独设置的部门）' : deptLabel(d)) },
    ...TIME_LIMIT_FIELDS.map((f) => ({ title: SHORT_LABELS[f], dataIndex: f, width: 130 })),
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        自派单起按工作日计算（派单当日不计入），退单改派不重新计时；紧急线索（正在发生的损害）按小时计算。可为“全部部门”设置一行，并按牵头部门单独设置；
        留空的时限沿用“全部部门”一行，再沿用默认值（签收 {data.defaults.signDays}、办结答复 {data.defaults.closeDays}、回访 {data.defaults.followUpDays} 个工作日；紧急签收{' '}
        {data.defaults.urgentSignHours} 小时、处置 {data.defaults.urgentActHours} 小时）。修改只影响此后计算的期限，已派单线索的期限不变。
      </Typography.Paragraph>
      {data.usesDefaults && !dirty ? <Alert type="info" showIcon message="本专项行动未单独设置办理时限，全部按默认时限执行。" /> : null}
      {rows.length ? (
        <Table<Row> size="small" rowKey="key" pagination={false} dataSource={rows} columns={columns} scroll={{ x: 900 }} />
      ) : null}
      {rows.map((_r, i) =>
        rowErrors(i).length ? <Alert key={_r.key} type="error" showIcon message={`第 ${i + 1} 行：${rowErrors(i).join('；')}`} /> : null,
      )}
      {manage ? (
        <Space wrap>
          <Button icon={<PlusOutlined />} onClick={addRow} disabled={used.size >= DEPARTMENT_CHOICES.length}>
            添加一行
          </Button>
          <Button type="primary" loading={saving} disabled={!dirty} onClick={() => save(rows)}>
            保存办理时限
          </Button>
          {!data.usesDefaults ? (
            <Popconfirm title="删除本专项行动的全部自定义时限，恢复默认？" onConfirm={() => save([])}>
              <Button danger>恢复默认</Button>
            </Popconfirm>
          ) : null}
          {dirty ? <Typography.Text type="warning">有未保存的修改</Typography.Text> : null}
        </Space>
      ) : (
        <Typography.Text type="secondary">只有本级统筹部门可以修改办理时限。</Typography.Text>
      )}
      <div>
        <Typography.Title level={5}>实际执行的时限</Typography.Title>
        <Table size="small" rowKey="leadDepartment" pagination={false} dataSource={data.effective} columns={effectiveColumns} scroll={{ x: 900 }} />
      </div>
    </Space>
  );
}
