import { Alert, Button, Descriptions, Form, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, api } from '../../common/api.js';

interface PublicCredit {
  name: string;
  creditCode: string;
  grade: string;
  score?: number;
  blacklisted: boolean;
  blacklist?: { reason: string; listedFrom: string; listedUntil: string | null }[];
  asOf?: string;
}

const GRADE_COLORS: Record<string, string> = { AAA: 'green', AA: 'cyan', A: 'blue', B: 'orange', C: 'red' };

/** 企业信用查询: public lookup of a property company's credit grade by its unified social credit code. */
export default function CreditLookupPage() {
  const [result, setResult] = useState<PublicCredit | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const lookup = async (v: { code: string }) => {
    setLoading(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api.get<PublicCredit>('/api/public/credit', { code: v.code.trim().toUpperCase() }));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '查询失败，请稍后再试');
    } finally {
      setLoading(false);
    }
  };
  return (
    <>
      <Typography.Title level={4}>物业企业信用查询</Typography.Title>
      <Form layout="inline" name="creditLookup" onFinish={lookup} style={{ marginBottom: 16 }}>
        <Form.Item name="code" label="统一社会信用代码" rules={[{ required: true, message: '请输入 18 位统一社会信用代码' }, { pattern: /^[0-9A-Za-z]{18}$/, message: '统一社会信用代码为 18 位数字或字母' }]}>
          <Input style={{ width: 260 }} maxLength={18} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={loading}>
          查询
        </Button>
      </Form>
      {error && <Alert type="warning" showIcon message={error} />}
      {result && (
        <Descriptions bordered column={1} size="small">
          <Descriptions.Item label="企业名称">{result.name}</Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码">{result.creditCode}</Descriptions.Item>
          <Descriptions.Item label="信用等级">
            <Tag color={GRADE_COLORS[result.grade]}>{result.grade}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="黑名单">
            {result.blacklisted ? <Tag color="red">已列入黑名单</Tag> : <Tag color="green">未列入</Tag>}
            {result.blacklist?.map((b) => (
              <div key={`${b.listedFrom}${b.reason}`}>
                {b.reason}（{b.listedFrom} 至 {b.listedUntil ?? '信用修复前'}）
              </div>
            ))}
          </Descriptions.Item>
          {result.asOf && <Descriptions.Item label="数据日期">{result.asOf}</Descriptions.Item>}
        </Descriptions>
      )}
    </>
  );
}
