import { RemoteSelect } from '../../../components/RemoteSelect.js';
import { searchProjects } from '../../registry/api/registry.js';

/** Searchable project picker, optionally limited to one enterprise's projects; the value is the project id. */
export function ProjectSelect(props: { id?: string; value?: string | null; onChange?: (v: string | null) => void; enterpriseId?: string | null; initialLabel?: string | null }) {
  return (
    <RemoteSelect
      id={props.id}
      value={props.value}
      onChange={props.onChange}
      initial={props.value && props.initialLabel ? [{ value: props.value, label: props.initialLabel }] : []}
      search={async (q) => (await searchProjects(q, props.enterpriseId ?? undefined)).items.map((p) => ({ value: p.id, label: `${p.name}（${p.regionName}）` }))}
      resetKey={props.enterpriseId}
      placeholder="输入项目名称搜索"
      notFound="未找到项目"
    />
  );
}
