import { PageContainer } from '@ant-design/pro-components';
import { Card, Descriptions, Tag } from 'antd';
import { ROLE_LABELS } from '../../../common/labels.js';
import { useSession } from '../../app/session.js';

export default function HomePage() {
  const { me } = useSession();
  if (!me) return null;
  return (
    <PageContainer title={`您好，${me.user.displayName}`}>
      <Card>
        <Descriptions column={2} bordered size="small">
          <Descriptions.Item label="所在单位">{me.orgUnit?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="管辖范围">
            {me.region.name}（{me.region.code}）
          </Descriptions.Item>
          <Descriptions.Item label="角色" span={2}>
            {me.roles.map((r) => (
              <Tag key={r}>{ROLE_LABELS[r as keyof typeof ROLE_LABELS] ?? r}</Tag>
            ))}
          </Descriptions.Item>
        </Descriptions>
      </Card>
    </PageContainer>
  );
}
