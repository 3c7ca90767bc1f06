import { PageContainer } from '@ant-design/pro-components';
import { Alert, App, Button, Descriptions, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { ApiError, api } from '../../../common/api.js';
import { fmtDateTime } from '../../../common/format.js';

interface DrawDetail {
  id: string;
  seed: string;
  algorithm: string;
  weighting: string;
  published: boolean;
  createdAt: string;
  regionCode: string;
  candidateCount: number;
  inspectorPoolCount: number;
  targets: Array<{ projectId: string; projectName: string; enterpriseName: string; inspectorNames: string[] }>;
}

/** A draw with its seed, inputs, algorithm version and result, and the verification button. */
export default function DrawDetailPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const [draw, setDraw] = useState<DrawDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [verified, setVerified] = useState<boolean | null>(null);
  useEffect(() => {
    void api.get<DrawDetail>(`/api/inspection-draws/${id}`).then(setDraw, (e) => setError(e instanceof ApiError ? e.message : '加载失败'));
  }, [id]);
  const verify = async () => {
    try {
      setVerified((await api.post<{ matches: boolean }>(`/api/inspection-draws/${id}/verify`)).matches);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '复核失败');
    }
  };
  if (error) return <Alert type="error" message={error} />;
  if (!draw) return null;
  return (
    <PageContainer title="抽查批次" extra={<Button type="primary" onClick={verify}>复核抽取结果</Button>}>
      {verified !== null && (
        <Alert
          style={{ marginBottom: 16 }}
          type={verified ? 'success' : 'error'}
          message={verified ? '复核一致：按存档的种子、输入和算法版本重新抽取，结果完全相同' : '复核不一致：存档结果与重新抽取的结果不同'}
        />
      )}
      <Descriptions bordered size="small" column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="抽取时间">{fmtDateTime(draw.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="区域">{draw.regionCode}</Descriptions.Item>
        <Descriptions.Item label="随机种子">
          <Typography.Text copyable>{draw.seed}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="算法版本">{draw.algorithm}</Descriptions.Item>
        <Descriptions.Item label="候选项目数">{draw.candidateCount}</Descriptions.Item>
        <Descriptions.Item label="可抽取检查人员">{draw.inspectorPoolCount}</Descriptions.Item>
        <Descriptions.Item label="加权方式">{draw.weighting}</Descriptions.Item>
        <Descriptions.Item label="公开">{draw.published ? '已在门户公开' : '不公开（暗访）'}</Descriptions.Item>
      </Descriptions>
      <Table
        rowKey="projectId"
        pagination={false}
        dataSource={draw.targets}
        columns={[
          { title: '序号', width: 70, render: (_v, _r, i) => i + 1 },
          { title: '物业项目', dataIndex: 'projectName' },
          { title: '物业服务企业', dataIndex: 'enterpriseName' },
          { title: '检查人员', render: (_v, r) => r.inspectorNames.join('、') },
        ]}
      />
    </PageContainer>
  );
}
