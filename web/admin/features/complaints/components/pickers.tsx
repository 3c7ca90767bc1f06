import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { searchProjects } from '../../registry/api/registry.js';
import { searchComplaints, searchOrgUnits } from '../api/complaints.js';

type Opt = { value: string; label: string };

function useSearch(fn: (q: string) => Promise<Opt[]>, initial: Opt[]) {
  const [options, setOptions] = useState<Opt[]>(initial);
  const [loading, setLoading] = useState(false);
  const search = async (q: string) => {
    setLoading(true);
    try {
      const found = await fn(q);
      // Keep the labels of preselected values visible.
      setOptions([...initial.filter((i) => !found.some((f) => f.value === i.value)), ...found]);
    } finally {
      setLoading(false);
    }
  };
  return { options, loading, search };
}

/** Project picker (name or address) over the caller's jurisdiction; value = project id. */
export function ProjectSelect(props: { id?: string; value?: string | null; onChange?: (v: string | null) => void; initialLabel?: string | null; placeholder?: string }) {
  const initial = props.value && props.initialLabel ? [{ value: props.value, label: props.initialLabel }] : [];
  const { options, loading, search } = useSearch(async (q) => (await searchProjects(q)).items.map((p) => ({ value: p.id, label: `${p.name}（${p.regionName}）` })), initial);
  return (
    <Select
      id={props.id}
      showSearch
      allowClear
      filterOption={false}
      loading={loading}
      onSearch={(q) => void search(q)}
      onFocus={() => options.length <= 1 && void search('')}
      options={options}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
      placeholder={props.placeholder ?? '输入小区名称或地址搜索'}
      notFoundContent={loading ? '搜索中…' : '未找到项目'}
    />
  );
}

/** Org-unit picker (single or multiple) over the caller's region; value = unit id(s). */
export function OrgUnitSelect(props: {
  id?: string;
  mode?: 'multiple';
  value?: string | string[] | null;
  onChange?: (v: string | string[] | null) => void;
  initial?: Opt[];
  placeholder?: string;
}) {
  const { options, loading, search } = useSearch(
    async (q) => (await searchOrgUnits(q)).items.map((u) => ({ value: u.id, label: `${u.name}（${u.regionName}）` })),
    props.initial ?? [],
  );
  useEffect(() => {
    void search('');
  }, []);
  return (
    <Select
      id={props.id}
      mode={props.mode}
      showSearch
      allowClear
      filterOption={false}
      loading={loading}
      onSearch={(q) => void search(q)}
      options={options}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
      placeholder={props.placeholder ?? '输入单位名称搜索'}
      notFoundContent={loading ? '搜索中…' : '未找到单位'}
    />
  );
}

/** Picks another open lead (merge target); value = lead id. */
export function ComplaintSelect(props: { id?: string; value?: string; onChange?: (v: string | undefined) => void; excludeId?: string; initial?: Opt[] }) {
  const { options, loading, search } = useSearch(
    async (q) =>
      (await searchComplaints(q)).items
        .filter((c) => c.id !== props.excludeId && !['closed', 'merged'].includes(c.status))
        .map((c) => ({ value: c.id, label: `${c.trackingCode} ${c.description.slice(0, 30)}` })),
    props.initial ?? [],
  );
  return (
    <Select
      id={props.id}
      showSearch
      allowClear
      filterOption={false}
      loading={loading}
      onSearch={(q) => void search(q)}
      onFocus={() => options.length <= 1 && void search('')}
      options={options}
      value={props.value}
      onChange={(v) => props.onChange?.(v)}
      placeholder="输入查询码或内容搜索"
      notFoundContent={loading ? '搜索中…' : '未找到可合并的线索'}
    />
  );
}
