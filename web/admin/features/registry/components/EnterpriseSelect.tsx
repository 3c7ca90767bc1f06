import { RemoteSelect } from '../../../components/RemoteSelect.js';
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
  return (
    <RemoteSelect
      id={props.id}
      value={props.value}
      onChange={props.onChange}
      initial={props.value && props.initialLabel ? [{ value: props.value, label: props.initialLabel }] : []}
      search={async (q) => (await searchEnterprises(q)).items.map((e) => ({ value: e.id, label: `${e.name}（${e.creditCode}）` }))}
      placeholder={props.placeholder ?? '输入企业名称或信用代码搜索'}
      notFound="未找到企业，请先登记"
      style={props.style}
    />
  );
}
