import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { searchProjects } from '../../registry/api/registry.js';

/** Searchable project picker, optionally limited to one enterprise's projects; the value is the project id. */
export function ProjectSelect(props: { id?: string; value?: string | null; onChange?: (v: string | null) => void; enterpriseId?: string | null; initialLabel?: string | null }) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>(props.value && props.initialLabel ? [{ value: props.value, label: props.initialLabel }] : []);
  const [loading, setLoading] = useState(false);
  const search = async (q: string) => {
    setLoading(true);
    try {
      const res = await searchProjects(q, props.enterpriseId ?? undefined);
      setOptions(res.items.map((p) => ({ value: p.id, label: `${p.name}（${p.regionName}）` })));
    } finally {
      setLoading(false);
    }
  };
  const lastEnterprise = useRef(props.enterpriseId);
  useEffect(() => {
    if (lastEnterprise.current === props.enterpriseId) return;
    lastEnterprise.current = props.enterpriseId;
    setOptions([]);
  }, [props.enterpriseId]);
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
      placeholder="输入项目名称搜索"
      style={{ minWidth: 240 }}
      notFoundContent={loading ? '搜索中…' : '未找到项目'}
    />
  );
}
