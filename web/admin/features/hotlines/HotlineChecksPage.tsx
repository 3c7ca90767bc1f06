import { PageContainer, ProTable } from '@ant-design/pro-components';
import { App, Button, Card, Col, DatePicker, Form, Input, List, Modal, Row, Select, Space, Statistic, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { HOTLINE_RESULTS, HOTLINE_RESULT_LABELS } from '../../../../core/obligations/index.js';
import { ApiError, api, applyFieldErrors, tableRequest } from '../../../common/api.js';
import { type dayjs, fmtDateTime } from '../../../common/format.js';
import { useSession } from '../../app/session.js';
import { RegionSelect } from '../../components/RegionSelect.js';

interface Hotline {
  orgUnitId: string;
  unitName: string;
  regionName: string;
  number: string;
  hours: string;
  responsibleUnit: string;
  lastCheckedAt: string | null;
  lastResult: string | null;
}
interface UnitRate {
  orgUnitId: string;
  unitName: string;
  regionName: string;
  checked: number;
  passed: number;
  rate: number | null;
}
interface Compliance {
  checked: number;
  passed: number;
  rate: number | null;
  units: UnitRate[];
  neverChecked: UnitRate[];
}
interface Check {
  id: string;
  unitName: string;
  dialledNumber: string;
  resultLabel: string;
  passed: boolean;
  checkedAt: string;
  checkedBy: string;
  problemId: string | null;
  recheckDueOn: string | null;
  rechecked: boolean;
}

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/** 热线抽查: the directory, spot checks, and the compliance rate per unit over a period. */
export default function HotlineChecksPage() {
  const { can } = useSession();
  const { message } = App.useApp();
  const [region, setRegion] = useState<string>();
  const [period, setPeriod] = useState<[string, string] | null>(null);
  const [hotlines, setHotlines] = useState<Hotline[]>([]);
  const [compliance, setCompliance] = useState<Compliance | null>(null);
  const [checking, setChecking] = useState<Hotline | null>(null);
  const [version, setVersion] = useState(0);
  const [form] = Form.useForm();
  useEffect(() => {
    void api.get<{ items: Hotline[] }>('/api/hotlines', { region }).then((r) => setHotlines(r.items));
    void api.get<Compliance>('/api/hotline-checks/compliance', { region, from: period?.[0], to: period?.[1] }).then(setCompliance);
  }, [region, period, version]);
  const record = async () => {
    const v = form.getFieldsValue();
    try {
      const r = await api.post<{ problemId: string | null }>('/api/hotline-checks', { orgUnitId: checking?.orgUnitId, dialledNumber: v.dialledNumber, result: v.result, checkedAt: new Date().toISOString(), note: v.note || undefined });
      message.success(r.problemId ? '抽查未通过，已列入问题台账并安排复查' : '已记录');
      setChecking(null);
      setVersion((x) => x + 1);
    } catch (e) {
      if (!applyFieldErrors(form, e)) message.error(e instanceof ApiError ? e.message : '记录失败');
    }
  };
  return (
    <PageContainer title="热线抽查" content="抽查各单位公布的投诉举报电话：未接通、转传真、推诿等均列入问题台账并安排复查。">
      <Space wrap style={{ marginBottom: 16 }}>
        <RegionSelect value={region} onChange={setRegion} placeholder="全部辖区" allowClear />
        <DatePicker.RangePicker onChange={(v) => setPeriod(v?.[0] && v[1] ? [(v[0] as dayjs.Dayjs).format('YYYY-MM-DD'), (v[1] as dayjs.Dayjs).format('YYYY-MM-DD')] : null)} />
      </Space>
      {compliance && (
        <Card size="small" title="接通率" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={8}><Statistic title="抽查次数" value={compliance.checked} /></Col>
            <Col xs={8}><Statistic title="正常接听" value={compliance.passed} /></Col>
            <Col xs={8}><Statistic title="接通率" value={pct(compliance.rate)} /></Col>
          </Row>
          <Table
            size="small"
            rowKey="orgUnitId"
            pagination={false}
            dataSource={compliance.units}
            columns={[
              { title: '单位', dataIndex: 'unitName' },
              { title: '抽查', dataIndex: 'checked' },
              { title: '接通', dataIndex: 'passed' },
              { title: '接通率', dataIndex: 'rate', render: (r: number | null) => pct(r) },
            ]}
          />
          {compliance.neverChecked.length > 0 && (
            <List size="small" header={`期间内未抽查的单位（${compliance.neverChecked.length}）`} dataSource={compliance.neverChecked} renderItem={(u) => <List.Item>{u.unitName}（{u.regionName}）</List.Item>} />
          )}
        </Card>
      )}
      <Card size="small" title="投诉举报电话" style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="orgUnitId"
          dataSource={hotlines}
          scroll={{ x: 700 }}
          columns={[
            { title: '单位', dataIndex: 'unitName' },
            { title: '电话', dataIndex: 'number' },
            { title: '接听时间', dataIndex: 'hours' },
            { title: '最近抽查', dataIndex: 'lastCheckedAt', render: (_: unknown, h: Hotline) => (h.lastCheckedAt ? `${fmtDateTime(h.lastCheckedAt)} ${HOTLINE_RESULT_LABELS[h.lastResult as keyof typeof HOTLINE_RESULT_LABELS] ?? ''}` : '未抽查') },
            {
              title: '',
              render: (_: unknown, h: Hotline) =>
                can('hotline:check') && (
                  <Button
                    size="small"
                    onClick={() => {
                      form.setFieldsValue({ dialledNumber: h.number, result: 'answered', note: '' });
                      setChecking(h);
                    }}
                  >
                    记录抽查
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <ProTable<Check>
        headerTitle="抽查记录"
        rowKey="id"
        search={false}
        params={{ region, from: period?.[0], to: period?.[1], version }}
        request={(p) => tableRequest<Check>('/api/hotline-checks', p)}
        scroll={{ x: 800 }}
        columns={[
          { title: '单位', dataIndex: 'unitName' },
          { title: '拨打号码', dataIndex: 'dialledNumber' },
          { title: '结果', dataIndex: 'resultLabel', render: (_, c) => <Tag color={c.passed ? 'success' : 'error'}>{c.resultLabel}</Tag> },
          { title: '时间', dataIndex: 'checkedAt', render: (_, c) => fmtDateTime(c.checkedAt) },
          { title: '抽查人', dataIndex: 'checkedBy' },
          { title: '复查', dataIndex: 'recheckDueOn', render: (_, c) => (c.recheckDueOn ? (c.rechecked ? '已复查' : `${c.recheckDueOn} 前复查`) : '—') },
          { title: '台账', dataIndex: 'problemId', render: (_, c) => (c.problemId ? <a href={`/app/problems/${c.problemId}`}>查看问题</a> : '—') },
        ]}
      />
      <Modal title={`记录抽查：${checking?.unitName ?? ''}`} open={!!checking} onCancel={() => setChecking(null)} onOk={() => void record()} okText="保存">
        <Form form={form} layout="vertical">
          <Form.Item name="dialledNumber" label="拨打号码">
            <Input />
          </Form.Item>
          <Form.Item name="result" label="结果">
            <Select options={HOTLINE_RESULTS.map((r) => ({ value: r, label: HOTLINE_RESULT_LABELS[r] }))} />
          </Form.Item>
          <Form.Item name="note" label="备注">
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
