import { TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../common/api.js';
import { useSession } from '../app/session.js';

interface RegionDto {
  id: number;
  code: string;
  name: string;
  level: string;
  parentId: number | null;
  childCount?: number;
}
interface Node {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
}

/**
 * Region picker over the caller's jurisdiction: starts at the user's own region and loads
 * children on demand. The value is the region code.
 */
export function RegionSelect(props: { id?: string; value?: string; onChange?: (code: string | undefined) => void; placeholder?: string; allowClear?: boolean; style?: React.CSSProperties }) {
  const { me } = useSession();
  const [nodes, setNodes] = useState<Node[]>([]);
  useEffect(() => {
    if (!me) return;
    void api.get<{ items: RegionDto[] }>('/api/regions', { parent: me.region.code }).then((res) =>
      setNodes([
        { id: me.region.code, pId: null, value: me.region.code, title: me.region.name, isLeaf: false },
        ...res.items.map((r) => ({ id: r.code, pId: me.region.code, value: r.code, title: r.name, isLeaf: (r.childCount ?? 0) === 0 })),
      ]),
    );
  }, [me]);
  const loadData = async (node: { value?: string | number }) => {
    const code = String(node.value);
    if (nodes.some((n) => n.pId === code)) return;
    const res = await api.get<{ items: RegionDto[] }>('/api/regions', { parent: code });
    setNodes((prev) => [...prev, ...res.items.map((r) => ({ id: r.code, pId: code, value: r.code, title: r.name, isLeaf: (r.childCount ?? 0) === 0 }))]);
  };
  return (
    <TreeSelect
      id={props.id}
      treeDataSimpleMode
      treeData={nodes}
      loadData={loadData}
      value={props.value}
      onChange={(v) => props.onChange?.(v as string | undefined)}
      placeholder={props.placeholder ?? '选择区划'}
      allowClear={props.allowClear ?? true}
      showSearch
      treeNodeFilterProp="title"
      style={{ minWidth: 220, ...props.style }}
      popupMatchSelectWidth={false}
    />
  );
}
