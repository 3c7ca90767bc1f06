import { PageContainer } from '@ant-design/pro-components';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { getEnterprise } from '../registry/api/registry.js';
import { EnterpriseCreditView } from './components/EnterpriseCreditView.js';

export default function EnterpriseCreditPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    void getEnterprise(id).then(
      (e) => setName(e.name),
      () => setName(null),
    );
  }, [id]);
  return (
    <PageContainer title={name ? `${name} · 信用` : '企业信用'} onBack={() => navigate(-1)}>
      <EnterpriseCreditView enterpriseId={id} />
    </PageContainer>
  );
}
