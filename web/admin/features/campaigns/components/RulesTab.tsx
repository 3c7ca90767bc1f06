import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Input, InputNumber, Select, Space, Switch, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  DEFAULT_RULE_ROWS,
  RULE_CONDITION_KINDS,
  RULE_CONDITION_LABELS,
  RULE_SUB_CONDITIONS,
  RULE_SUB_CONDITION_LABELS,
  type RuleSubCondition,
} from '../../../../../core/campaigns.js';
import { ApiError } from '../../../../common/api.js';
import { type CampaignDetail, type ResponsibilityRule, saveRules } from '../api/campaigns.js';
import { DEPARTMENT_OPTIONS, LEAD_OPTIONS, deptLabel, useSave } from './shared.js';

type Row = ResponsibilityRule & { key: string };

const subOptions = (r: Row): { value: string; label: string }[] =>
  r.conditionKind === 'category' && r.category === 5
    ? RULE_SUB_CONDITIONS.category5.map((s) => ({ value: s, label: RULE_SUB_CONDITION_LABELS[s] }))
    : r.conditionKind === 'other'
      ? RULE_SUB_CONDITIONS.other.map((s) => ({ value: s, label: RULE_SUB_CONDITION_LABELS[s] }))
      : [];

let seq = 0;
const withKey = (r: ResponsibilityRule): Row => ({ ...r, key: `r${++seq}` });

/**
 * 责任分工规则: the ordered matrix (SPEC §5). The first enabled rule that matches a complaint
 * decides its lead department; editors reorder, change and save the whole list at once.
 */
export function RulesTab({ campaign, reload }: { campaign: CampaignDetail; reload: () => Promise<void> }) {
  const save = useSave();
  const manage = campaign.canManage;
  const [rows, setRows] = useState<Row[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    setRows(campaign.responsibilityRules.map(withKey));
    setDirty(false);
    setErrors({});
  }, [campaign.responsibilityRules]);

  const change = (i: number, patch: Partial<ResponsibilityRule>) => {
    setRows((prev) => prev.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    setDirty(true);
  };
  const move = (i: number, d: -1 | 1) => {
    setRows((prev) => {
      const next = [...prev];
      [next[i], next[i + d]] = [next[i + d], next[i]];
      return next;
    });
    setDirty(true);
  };
  const submit = async () => {
    setErrors({});
    const body = rows.map(({ key: _k, id: _i, priority: _p, ...r }) => r);
    const ok = await save(async () => {
      try {
        await saveRules(campaign.id, body);
      } catch (err) {
        if (err instanceof ApiError) setErrors(err.fields);
        throw err;
      }
    });
    if (ok) await reload();
  };
  const errorOf = (i: number) =>
    Object.entries(errors)
      .filter(([k]) => k.startsWith(`rules.${i}.`))
      .map(([, v]) => v)
      .join('；');

  const columns = [
    { title: '顺序', width: 60, render: (_v: unknown, _r: Row, i: number) => i + 1 },
    {
      title: '说明',
      width: 300,
      render: (_v: unknown, r: Row, i: number) => (
        <>
          {manage ? <Input.TextArea autoSize value={r.description ?? ''} onChange={(e) => change(i, { description: e.target.value || null })} /> : r.description}
          {errorOf(i) ? <Typography.Text type="danger">{errorOf(i)}</Typography.Text> : null}
        </>
      ),
    },
    {
      title: '条件',
      width: 230,
      render: (_v: unknown, r: Row, i: number) =>
        manage ? (
          <Select
            style={{ width: 220 }}
            value={r.conditionKind}
            options={RULE_CONDITION_KINDS.map((k) => ({ value: k, label: RULE_CONDITION_LABELS[k] }))}
            onChange={(v) => change(i, { conditionKind: v, category: v === 'category' ? (r.category ?? 1) : null, subCondition: null })}
          />
        ) : (
          RULE_CONDITION_LABELS[r.conditionKind as keyof typeof RULE_CONDITION_LABELS] ?? r.conditionKind
        ),
    },
    {
      title: '类别',
      width: 90,
      render: (_v: unknown, r: Row, i: number) =>
        r.conditionKind !== 'category' ? '—' : manage ? <InputNumber min={1} max={20} value={r.category ?? undefined} onChange={(v) => change(i, { category: v ?? null, subCondition: null })} /> : `第${r.category}类`,
    },
    {
      title: '细分',
      width: 270,
      render: (_v: unknown, r: Row, i: number) => {
        const options = subOptions(r);
        if (!options.length) return '—';
        return manage ? (
          <Select allowClear style={{ width: 260 }} value={r.subCondition ?? undefined} options={options} onChange={(v) => change(i, { subCondition: v ?? null })} placeholder="全部" />
        ) : r.subCondition ? (
          RULE_SUB_CONDITION_LABELS[r.subCondition as RuleSubCondition]
        ) : (
          '全部'
        );
      },
    },
    {
      title: '牵头部门',
      width: 190,
      render: (_v: unknown, r: Row, i: number) =>
        manage ? <Select style={{ width: 180 }} value={r.leadDepartmentType} options={LEAD_OPTIONS} onChange={(v) => change(i, { leadDepartmentType: v })} /> : deptLabel(r.leadDepartmentType),
    },
    {
      title: '协办部门',
      width: 260,
      render: (_v: unknown, r: Row, i: number) =>
        manage ? (
          <Select mode="multiple" style={{ width: 250 }} value={r.coDepartmentTypes} options={DEPARTMENT_OPTIONS} onChange={(v) => change(i, { coDepartmentTypes: v })} />
        ) : (
          r.coDepartmentTypes.map(deptLabel).join('、') || '—'
        ),
    },
    {
      title: '启用',
      width: 70,
      render: (_v: unknown, r: Row, i: number) => <Switch size="small" checked={r.enabled} disabled={!manage} onChange={(v) => change(i, { enabled: v })} />,
    },
    ...(manage
      ? [
          {
            title: '',
            width: 110,
            render: (_v: unknown, _r: Row, i: number) => (
              <Space>
                <Button size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} />
                <Button size="small" icon={<ArrowDownOutlined />} disabled={i === rows.length - 1} onClick={() => move(i, 1)} />
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => {
                    setRows((prev) => prev.filter((_x, j) => j !== i));
                    setDirty(true);
                  }}
                />
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="按顺序匹配：第一条命中的规则决定牵头部门。暴力威胁、信用惩戒诉求、业委会违规三条优先于按类别分派；专项整治范围外的事项可不派部门。"
      />
      <Table<Row> rowKey="key" size="small" pagination={false} dataSource={rows} columns={columns} scroll={{ x: 'max-content' }} />
      {manage ? (
        <Space style={{ marginTop: 16 }}>
          <Button
            icon={<PlusOutlined />}
            onClick={() => {
              setRows((prev) => [...prev, withKey({ conditionKind: 'category', category: 1, subCondition: null, leadDepartmentType: 'housing', coDepartmentTypes: [], description: null, enabled: true })]);
              setDirty(true);
            }}
          >
            新增规则
          </Button>
          <Button
            onClick={() => {
              setRows(DEFAULT_RULE_ROWS.map((r) => withKey({ ...r, coDepartmentTypes: [...r.coDepartmentTypes] })));
              setDirty(true);
            }}
          >
            恢复默认责任矩阵
          </Button>
          <Button type="primary" disabled={!dirty} onClick={() => void submit()}>
            保存规则
          </Button>
        </Space>
      ) : null}
    </>
  );
}
