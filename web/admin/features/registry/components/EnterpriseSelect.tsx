import { Select } from 'antd';
import { useState } from 'react';
import { searchEnterprises } from '../api/registry.js';

/** Searchable picker of active enterprises in the caller's view; the value is the enterprise id. */
export function EnterpriseSelect(props: {
  id?: string;
  value?: string | null;
  onChange?: (v: string | null) => void;
  initialLabel?: string | null;
  placeholder?: string;
  style?: React.CSSProperties;
}) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>(
    props.value && props.initialLabel ? [{ value: props.value, label: props.initialLabel }] : [],
  );
  const [loading, setLoading] = useState(false);
  const search = async (q: string) => {
    setLoading(true);
    try {
      const res = await searchEnterprises(q);
      setOptions(res.items.map((e) => ({ value: e.id, label: `${e.name}（${e.creditCode}）` })));
    } finally {
      setLoading(false);
    }
  };
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
      placeholder={props.placeholder ?? '输入企业名称或信用代码搜索'}
      style={{ minWidth: 240, ...props.style }}
      notFoundContent={loading ? '搜索中…' : '未找到企业，请先登记'}
    />
  );
}
