import { PageContainer } from '@ant-design/pro-components';
import { Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { RecordsTable } from './RecordsPage.js';

/** 我的检查: the visits an inspector made or took part in, and the way to record a new one. */
export default function MySchedulePage() {
  const navigate = useNavigate();
  return (
    <PageContainer
      title="我的检查"
      extra={
        <Button type="primary" onClick={() => navigate('/app/inspections/record')}>
          现场检查登记
        </Button>
      }
    >
      <RecordsTable mine />
    </PageContainer>
  );
}
