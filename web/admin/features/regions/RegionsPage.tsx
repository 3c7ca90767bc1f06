import { PageContainer } from '@ant-design/pro-components';
import { App, Button, Card, Descriptions, Empty, Form, Input, Modal, Space, Tag, Tree } from 'antd';
import type { TreeDataNode as DataNode } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { REGION_LEVEL_LABELS } from '../../../common/labels.js';
import { ApiError, api, applyFieldErrors } from '../../../common/api.js';
import { useSession } from '../../app/session.js';
import { RegionSelect } from '../../components/RegionSelect.js';

interface RegionDto {
  id: number;
  code: string;
  name: string;
  level: keyof typeof REGION_LEVEL_LABELS;
  path: string;
  codeSource: string;
  childCount?: number;
}

const SOURCE_LABELS: Record<string, string> = { gb2260: 'GB/T 2260', nbs: '统计用区划代码', custom: '自定义' };

export default function RegionsPage() {
  const { me, can } = useSession();
  const { message } = App.useApp();
  const [tree, setTree] = useState<DataNode[]>([]);
  const [selected, setSelected] = useState<RegionDto | null>(null);
  const [dialog, setDialog] = useState<'add' | 'rename' | 'move' | null>(null);
  const [expandedKeys, setExpandedKeys] = useState<React.Key[]>([]);
  const [loadedKeys, setLoadedKeys] = useState<React.Key[]>([]);
  const [form] = Form.useForm();
  const manage = can('region:manage');

  const toNode = (r: RegionDto): DataNode & { data: RegionDto } => ({ key: r.code, title: `${r.name}`, isLeaf: (r.childCount ?? 0) === 0, data: r });

  const fetchChildren = async (code: string) => (await api.get<{ items: RegionDto[] }>('/api/regions', { parent: code })).items.map(toNode);

  /**
   * (Re)loads the tree from the caller's own region, fetching afresh the children of every node in
   * `expand`, so that after a change the levels that were open stay open and show the new state.
   */
  const loadRoot = useCallback(
    async (expand: readonly React.Key[] = []) => {
      if (!me) return;
      const open = new Set(expand);
      const loaded: React.Key[] = [me.region.code];
      const fill = async (nodes: DataNode[]): Promise<DataNode[]> =>
        Promise.all(
          nodes.map(async (n) => {
            if (n.isLeaf || !open.has(n.key)) return n;
            loaded.push(n.key);
            return { ...n, children: await fill(await fetchChildren(String(n.key))) };
          }),
        );
      const root = await api.get<RegionDto>(`/api/regions/${me.region.code}`);
      const children = await fill(await fetchChildren(me.region.code));
      setTree([{ ...toNode({ ...root, childCount: children.length }), children }]);
      setLoadedKeys(loaded);
      setExpandedKeys((keys) => keys.filter((k) => loaded.includes(k)));
    },
    [me],
  );
  useEffect(() => {
    void loadRoot();
  }, [loadRoot]);

  const loadChildren = async (node: DataNode) => {
    const children = await fetchChildren(String(node.key));
    const insert = (list: DataNode[]): DataNode[] =>
      list.map((n) => (n.key === node.key ? { ...n, children } : n.children ? { ...n, children: insert(n.children) } : n));
    setTree((t) => insert(t));
  };

  const submit = async () => {
    const values = await form.validateFields();
    try {
      if (dialog === 'add') await api.post('/api/regions', { parentCode: selected?.code, name: values.name, code: values.code || undefined });
      if (dialog === 'rename') await api.patch(`/api/regions/${selected?.code}`, { name: values.name });
      if (dialog === 'move') await api.post(`/api/regions/${selected?.code}/move`, { newParentCode: values.newParentCode });
      message.success('已保存');
      setDialog(null);
      setSelected(null);
      // Keep the open levels open (and open the parent of a new node) with their children fetched afresh.
      const open = [...expandedKeys, ...(dialog === 'add' && selected ? [selected.code] : []), ...(dialog === 'move' ? [values.newParentCode] : [])];
      setExpandedKeys(open);
      await loadRoot(open);
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(err instanceof ApiError ? err.message : '保存失败');
    }
  };

  return (
    <PageContainer title="行政区划" content="省—市—区县（含功能区）—街道—社区。国家代码来自 GB/T 2260 数据包，功能区、街道、社区可自定义。">
      <div style={{ display: 'grid', gridTemplateColumns: '360px 1fr', gap: 16 }}>
        <Card size="small" title="区划树" style={{ maxHeight: 620, overflow: 'auto' }}>
          <Tree
            treeData={tree}
            loadData={loadChildren}
            expandedKeys={expandedKeys}
            onExpand={(keys) => setExpandedKeys(keys)}
            loadedKeys={loadedKeys}
            onLoad={(keys) => setLoadedKeys(keys)}
            onSelect={(_k, info) => setSelected((info.node as unknown as { data: RegionDto }).data)}
          />
        </Card>
        <Card size="small" title="节点详情">
          {selected ? (
            <>
              <Descriptions column={1} bordered size="small">
                <Descriptions.Item label="名称">{selected.name}</Descriptions.Item>
                <Descriptions.Item label="编码">{selected.code}</Descriptions.Item>
                <Descriptions.Item label="层级">{REGION_LEVEL_LABELS[selected.level]}</Descriptions.Item>
                <Descriptions.Item label="编码来源">
                  <Tag>{SOURCE_LABELS[selected.codeSource] ?? selected.codeSource}</Tag>
                </Descriptions.Item>
                <Descriptions.Item label="路径">{selected.path}</Descriptions.Item>
              </Descriptions>
              {manage && (
                <Space style={{ marginTop: 16 }}>
                  <Button onClick={() => { form.resetFields(); setDialog('add'); }} disabled={selected.level === 'community'}>
                    新增下级
                  </Button>
                  <Button onClick={() => { form.setFieldsValue({ name: selected.name }); setDialog('rename'); }}>重命名</Button>
                  <Button onClick={() => { form.resetFields(); setDialog('move'); }}>移动</Button>
                </Space>
              )}
            </>
          ) : (
            <Empty description="在左侧选择一个区划" />
          )}
        </Card>
      </div>
      <Modal open={dialog !== null} title={{ add: '新增下级区划', rename: '重命名', move: '移动到新的上级' }[dialog ?? 'add']} onOk={submit} onCancel={() => setDialog(null)} destroyOnHidden>
        <Form form={form} layout="vertical">
          {dialog !== 'move' && (
            <Form.Item name="name" label="名称" rules={[{ required: true, message: '请输入名称' }]}>
              <Input maxLength={60} />
            </Form.Item>
          )}
          {dialog === 'add' && (
            <Form.Item name="code" label="编码（可选）" extra="留空将按上级编码自动生成，如 420100-DH-03">
              <Input />
            </Form.Item>
          )}
          {dialog === 'move' && (
            <Form.Item name="newParentCode" label="新的上级" rules={[{ required: true, message: '请选择新的上级' }]}>
              <RegionSelect />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </PageContainer>
  );
}
