import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';

export type RemoteOption = { value: string; label: string };

/**
 * A Select whose options come from a server search as the user types (the server filters and
 * limits; nothing is filtered in the browser). Labels of preselected values stay visible.
 * `resetKey`: when it changes (e.g. the enterprise a project must belong to), old results are dropped.
 * Custom form control: passes `id` through so a Form.Item label targets it.
 */
export function RemoteSelect<M extends 'multiple' | undefined = undefined>(props: {
  id?: string;
  mode?: M;
  value?: (M extends 'multiple' ? string[] : string) | null;
  onChange?: (v: (M extends 'multiple' ? string[] : string) | null) => void;
  search: (q: string) => Promise<RemoteOption[]>;
  initial?: RemoteOption[];
  placeholder: string;
  notFound: string;
  /** Search once when mounted (short lists such as units); otherwise on first focus. */
  searchOnMount?: boolean;
  resetKey?: unknown;
  style?: React.CSSProperties;
}) {
  const initial = props.initial ?? [];
  const [options, setOptions] = useState<RemoteOption[]>(initial);
  const [loading, setLoading] = useState(false);
  const search = async (q: string) => {
    setLoading(true);
    try {
      const found = await props.search(q);
      setOptions([...initial.filter((i) => !found.some((f) => f.value === i.value)), ...found]);
    } finally {
      setLoading(false);
    }
  };
  const lastReset = useRef(props.resetKey);
  useEffect(() => {
    if (lastReset.current === props.resetKey) return;
    lastReset.current = props.resetKey;
    setOptions([]);
  }, [props.resetKey]);
  useEffect(() => {
    if (props.searchOnMount) void search('');
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
      onFocus={() => options.length <= 1 && void search('')}
      options={options}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.((v ?? null) as never)}
      placeholder={props.placeholder}
      style={{ minWidth: 240, ...props.style }}
      notFoundContent={loading ? '搜索中…' : props.notFound}
    />
  );
}
