import { RemoteSelect, type RemoteOption } from '../../../components/RemoteSelect.js';
import { searchProjects } from '../../registry/api/registry.js';
import { searchComplaints, searchOrgUnits } from '../api/complaints.js';

/** Project picker (name or address) over the caller's jurisdiction; value = project id. */
export function ProjectSelect(props: { id?: string; value?: string | null; onChange?: (v: string | null) => void; initialLabel?: string | null; placeholder?: string }) {
  return (
    <RemoteSelect
      id={props.id}
      value={props.value}
      onChange={props.onChange}
      initial={props.value && props.initialLabel ? [{ value: props.value, label: props.initialLabel }] : []}
      search={async (q) => (await searchProjects(q)).items.map((p) => ({ value: p.id, label: `${p.name}（${p.regionName}）` }))}
      placeholder={props.placeholder ?? '输入小区名称或地址搜索'}
      notFound="未找到项目"
    />
  );
}

/** Org-unit picker (single or multiple) over the caller's region; value = unit id(s). */
export function OrgUnitSelect(props: {
  id?: string;
  mode?: 'multiple';
  value?: string | string[] | null;
  onChange?: (v: string | string[] | null) => void;
  initial?: RemoteOption[];
  placeholder?: string;
}) {
  const common = {
    id: props.id,
    initial: props.initial,
    searchOnMount: true,
    search: async (q: string) => (await searchOrgUnits(q)).items.map((u) => ({ value: u.id, label: `${u.name}（${u.regionName}）` })),
    placeholder: props.placeholder ?? '输入单位名称搜索',
    notFound: '未找到单位',
  };
  return props.mode === 'multiple' ? (
    <RemoteSelect {...common} mode="multiple" value={props.value as string[] | null} onChange={props.onChange} />
  ) : (
    <RemoteSelect {...common} value={props.value as string | null} onChange={props.onChange} />
  );
}

/** Picks another open lead (merge target); value = lead id. */
export function ComplaintSelect(props: { id?: string; value?: string; onChange?: (v: string | undefined) => void; excludeId?: string; initial?: RemoteOption[] }) {
  return (
    <RemoteSelect
      id={props.id}
      value={props.value}
      onChange={(v) => props.onChange?.(v ?? undefined)}
      initial={props.initial}
      search={async (q) =>
        (await searchComplaints(q)).items
          .filter((c) => c.id !== props.excludeId && !['closed', 'merged'].includes(c.status))
          .map((c) => ({ value: c.id, label: `${c.trackingCode} ${c.description.slice(0, 30)}` }))
      }
      placeholder="输入查询码或内容搜索"
      notFound="未找到可合并的线索"
    />
  );
}
