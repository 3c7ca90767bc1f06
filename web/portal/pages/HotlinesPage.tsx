import { List, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../common/api.js';
import { ORG_UNIT_TYPE_LABELS } from '../../common/labels.js';

interface Hotline {
  regionName: string;
  type: keyof typeof ORG_UNIT_TYPE_LABELS;
  name: string;
  hotline: string | null;
  address: string | null;
  hours?: string;
  responsibleUnit?: string;
}

export default function HotlinesPage() {
  const [items, setItems] = useState<Hotline[] | null>(null);
  useEffect(() => {
    void api.get<{ items: Hotline[] }>('/api/public/hotlines', { region: '420100' }).then((r) => setItems(r.items));
  }, []);
  return (
    <>
      <Typography.Title level={4}>各部门物业投诉举报电话</Typography.Title>
      <List
        loading={items === null}
        dataSource={items ?? []}
        renderItem={(h) => (
          <List.Item>
            <List.Item.Meta title={h.name} description={<><Tag>{h.regionName}</Tag>{ORG_UNIT_TYPE_LABELS[h.type]}{h.hours && <div>接听时间：{h.hours}</div>}</>} />
            {h.hotline && <a href={`tel:${h.hotline}`}>{h.hotline}</a>}
          </List.Item>
        )}
      />
    </>
  );
}
