import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, App, Button, Card, Col, DatePicker, Divider, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, applyFieldErrors } from '../../../common/api.js';
import { dayjs } from '../../../common/format.js';
import { useSession } from '../../app/session.js';
import { type CalendarYear, type YearDetail, addWorkingDays, addYear, countWorkingDays, getYear, listYears, replaceYear } from './api/calendar.js';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/** One month as a grid; holidays red, 调休上班 orange, weekends grey. */
function MonthGrid({ year, month, days }: { year: number; month: number; days: Map<string, { kind: string; name: string }> }) {
  const first = dayjs(new Date(year, month, 1));
  const offset = (first.day() + 6) % 7; // Monday first
  const cells: (Dayjs | null)[] = [...Array.from({ length: offset }, () => null), ...Array.from({ length: first.daysInMonth() }, (_, i) => first.date(i + 1))];
  return (
    <Card size="small" title={`${month + 1}月`} styles={{ body: { padding: 8 } }}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, textAlign: 'center', fontSize: 12 }}>
        {WEEKDAYS.map((w) => (
          <div key={w} style={{ color: '#999' }}>
            {w}
          </div>
        ))}
        {cells.map((d, i) => {
          if (!d) return <div key={`e${i}`} />;
          const key = d.format('YYYY-MM-DD');
          const special = days.get(key);
          const weekend = d.day() === 0 || d.day() === 6;
          const style: React.CSSProperties =
            special?.kind === 'holiday'
              ? { background: '#fff1f0', color: '#cf1322', fontWeight: 600 }
              : special?.kind === 'workday'
                ? { background: '#fff7e6', color: '#d46b08', fontWeight: 600 }
                : weekend
                  ? { color: '#bfbfbf' }
                  : {};
          return (
            <div key={key} title={special ? `${special.name}${special.kind === 'holiday' ? ' 放假' : ' 调休上班'}` : undefined} style={{ borderRadius: 4, padding: '2px 0', ...style }}>
              {d.date()}
              {special ? <div style={{ fontSize: 10, lineHeight: '10px' }}>{special.kind === 'holiday' ? '休' : '班'}</div> : null}
            </div>
          );
        })}
      </div>
    </Card>
  );
}

function WorkingDayTools() {
  const [date, setDate] = useState<Dayjs | null>(dayjs());
  const [n, setN] = useState<number>(15);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [count, setCount] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setError(null);
    setResult(null);
    if (!date) return;
    try {
      const r = await addWorkingDays(date.format('YYYY-MM-DD'), n);
      const d = dayjs(r.date);
      const weekend = d.day() === 0 || d.day() === 6;
      setResult(`${date.format('YYYY-MM-DD')} 之后第 ${n} 个工作日：${r.date}（星期${WEEKDAYS[(d.day() + 6) % 7]}${weekend ? '，调休上班' : ''}）${r.provisional ? '。暂定：所跨年份的官方安排尚未录入，按法定节日规则（不含调休）计算' : ''}`);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '计算失败');
    }
  };
  const runCount = async () => {
    setError(null);
    setCount(null);
    if (!range?.[0] || !range[1]) return;
    try {
      const r = await countWorkingDays(range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD'));
      setCount(`${r.from} 至 ${r.to}：${r.workingDays} 个工作日（不含起始日，含截止日）`);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '计算失败');
    }
  };
  return (
    <Card title="工作日计算" size="small">
      <Space wrap>
        <DatePicker value={date} onChange={setDate} allowClear={false} />
        <span>之后第</span>
        <InputNumber min={0} max={1000} value={n} onChange={(v) => setN(v ?? 0)} />
        <span>个工作日</span>
        <Button type="primary" onClick={() => void run()}>
          计算
        </Button>
        <Divider type="vertical" />
        <DatePicker.RangePicker placeholder={['开始日期', '结束日期']} value={range} onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)} />
        <Button onClick={() => void runCount()}>统计工作日数</Button>
      </Space>
      {result ? <Alert style={{ marginTop: 12 }} type="success" message={result} /> : null}
      {count ? <Alert style={{ marginTop: 12 }} type="info" message={count} /> : null}
      {error ? <Alert style={{ marginTop: 12 }} type="error" message={error} /> : null}
    </Card>
  );
}

type DayRow = { date: Dayjs | null; name: string };
interface YearForm {
  year: number;
  publishedOn: Dayjs | null;
  source: string;
  holidays: DayRow[];
  workdays: DayRow[];
}

/** Parses pasted lines "2027-01-01 元旦" into rows. */
function parseLines(text: string): DayRow[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [d, ...rest] = l.split(/[\s,，、]+/);
      const valid = /^\d{4}-\d{2}-\d{2}$/.test(d) && dayjs(d).isValid() && dayjs(d).format('YYYY-MM-DD') === d;
      return { date: valid ? dayjs(d) : null, name: rest.join(' ') };
    });
}

function DayList({ name, label }: { name: 'holidays' | 'workdays'; label: string }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }, { errors }) => (
        <>
          <Typography.Text strong>{label}</Typography.Text>
          {fields.map((f) => (
            <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
              <Form.Item name={[f.name, 'date']} rules={[{ required: true, message: '请选择日期' }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写节日' }]}>
                <Input placeholder="节日，如 春节" style={{ width: 140 }} />
              </Form.Item>
              <MinusCircleOutlined onClick={() => remove(f.name)} />
            </Space>
          ))}
          <Button type="dashed" onClick={() => add({ date: null, name: '' })} icon={<PlusOutlined />}>
            添加一天
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}

/** 节假日安排: the known years, a month view of each, and (admins) entering next year's arrangement. */
export default function CalendarPage() {
  const { can } = useSession();
  const admin = can('reference:manage');
  const { message } = App.useApp();
  const [years, setYears] = useState<CalendarYear[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [detail, setDetail] = useState<YearDetail | null>(null);
  const [editing, setEditing] = useState<'new' | number | null>(null);
  const [paste, setPaste] = useState<{ holidays: string; workdays: string }>({ holidays: '', workdays: '' });
  const [form] = Form.useForm();

  const load = useCallback(async () => {
    const r = await listYears();
    setYears(r.items);
    return r.items;
  }, []);
  useEffect(() => {
    void load().then((items) => {
      const current = dayjs().year();
      setSelected(items.some((y) => y.year === current) ? current : (items.at(-1)?.year ?? null));
    });
  }, [load]);
  useEffect(() => {
    if (selected !== null) void getYear(selected).then(setDetail);
  }, [selected]);

  const dayMap = useMemo(() => new Map((detail?.items ?? []).map((d) => [d.date, d])), [detail]);
  const lastYear = years.at(-1)?.year;

  const startAdd = () => {
    form.resetFields();
    form.setFieldsValue({ year: (lastYear ?? dayjs().year()) + 1, holidays: [], workdays: [], source: '', publishedOn: null });
    setPaste({ holidays: '', workdays: '' });
    setEditing('new');
  };
  const startEdit = () => {
    if (!detail) return;
    form.resetFields();
    form.setFieldsValue({
      year: detail.year,
      source: detail.source,
      publishedOn: detail.publishedOn ? dayjs(detail.publishedOn) : null,
      holidays: detail.items.filter((d) => d.kind === 'holiday').map((d) => ({ date: dayjs(d.date), name: d.name })),
      workdays: detail.items.filter((d) => d.kind === 'workday').map((d) => ({ date: dayjs(d.date), name: d.name })),
    });
    setEditing(detail.year);
  };
  const applyPaste = () => {
    if (paste.holidays.trim()) form.setFieldValue('holidays', parseLines(paste.holidays));
    if (paste.workdays.trim()) form.setFieldValue('workdays', parseLines(paste.workdays));
  };
  const save = async () => {
    const v = (await form.validateFields()) as YearForm;
    const toRows = (rows: DayRow[] = []) => rows.map((r) => ({ date: r.date ? r.date.format('YYYY-MM-DD') : '', name: r.name }));
    const body = { source: v.source, publishedOn: v.publishedOn ? v.publishedOn.format('YYYY-MM-DD') : null, holidays: toRows(v.holidays), workdays: toRows(v.workdays) };
    try {
      const saved = editing === 'new' ? await addYear({ ...body, year: v.year }) : await replaceYear(editing as number, body);
      message.success(`${saved.year}年节假日安排已保存`);
      setEditing(null);
      await load();
      setSelected(saved.year);
      setDetail(saved);
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(err instanceof ApiError ? err.message : '保存失败');
    }
  };

  return (
    <PageContainer
      title="工作日历"
      content="法定节假日与调休上班日按国务院办公厅每年发布的节假日安排录入。期限按工作日计算；尚未录入官方安排的年份暂按《全国年节及纪念日放假办法》规定的节日（不含调休）计算并标注“暂定”，录入后未办结线索的期限自动重新计算。"
      extra={admin ? [<Button key="add" type="primary" onClick={startAdd}>录入新年度安排</Button>] : []}
    >
      <WorkingDayTools />
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} lg={7}>
          <Card title="已录入年份" size="small">
            <Table<CalendarYear>
              rowKey="year"
              size="small"
              dataSource={[...years].reverse()}
              pagination={{ pageSize: 12, size: 'small' }}
              onRow={(r) => ({ onClick: () => setSelected(r.year), style: { cursor: 'pointer', background: r.year === selected ? '#e6f4ff' : undefined } })}
              columns={[
                { title: '年份', dataIndex: 'year' },
                { title: '放假', dataIndex: 'holidayCount', render: (v: number) => `${v} 天` },
                { title: '调休上班', dataIndex: 'workdayCount', render: (v: number) => `${v} 天` },
                { title: '来源', dataIndex: 'source', ellipsis: true },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={17}>
          <Card
            size="small"
            title={
              <Space>
                <Select style={{ width: 120 }} value={selected ?? undefined} onChange={setSelected} options={[...years].reverse().map((y) => ({ value: y.year, label: `${y.year}年` }))} />
                <Tag color="red">休 法定节假日</Tag>
                <Tag color="orange">班 调休上班</Tag>
              </Space>
            }
            extra={admin && detail ? <Button onClick={startEdit}>更正本年度</Button> : null}
          >
            {detail ? (
              <>
                <Typography.Paragraph type="secondary">
                  来源：{detail.source}
                  {detail.publishedOn ? `；发布日期 ${detail.publishedOn}` : ''}
                </Typography.Paragraph>
                <Row gutter={[8, 8]}>
                  {Array.from({ length: 12 }, (_, m) => (
                    <Col key={m} xs={24} sm={12} md={8} xl={6}>
                      <MonthGrid year={detail.year} month={m} days={dayMap} />
                    </Col>
                  ))}
                </Row>
              </>
            ) : null}
          </Card>
        </Col>
      </Row>

      <Modal open={editing !== null} title={editing === 'new' ? '录入新年度节假日安排' : `更正 ${editing} 年节假日安排`} onOk={save} onCancel={() => setEditing(null)} width={820} destroyOnHidden>
        <Form form={form} name="calendarYear" layout="vertical">
          <Space align="start">
            <Form.Item name="year" label="年份" rules={[{ required: true, message: '请填写年份' }]}>
              <InputNumber min={1990} max={2100} disabled={editing !== 'new'} />
            </Form.Item>
            <Form.Item name="publishedOn" label="通知发布日期">
              <DatePicker />
            </Form.Item>
            <Form.Item name="source" label="来源" rules={[{ required: true, message: '请填写来源' }]} style={{ width: 420 }}>
              <Input placeholder="如 国务院办公厅关于2027年部分节假日安排的通知" />
            </Form.Item>
          </Space>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message="放假日期含放假期间的周末；调休上班日只能是周六或周日。可按行粘贴“日期 节日”，如“2027-02-06 春节”。"
          />
          <Row gutter={16}>
            <Col span={12}>
              <Input.TextArea rows={3} placeholder="粘贴放假日期，每行一天" value={paste.holidays} onChange={(e) => setPaste((p) => ({ ...p, holidays: e.target.value }))} />
            </Col>
            <Col span={12}>
              <Input.TextArea rows={3} placeholder="粘贴调休上班日，每行一天" value={paste.workdays} onChange={(e) => setPaste((p) => ({ ...p, workdays: e.target.value }))} />
            </Col>
          </Row>
          <Button style={{ margin: '8px 0 16px' }} onClick={applyPaste}>
            按粘贴内容填入
          </Button>
          <Row gutter={16}>
            <Col span={12}>
              <DayList name="holidays" label="法定节假日（放假）" />
            </Col>
            <Col span={12}>
              <DayList name="workdays" label="调休上班日" />
            </Col>
          </Row>
        </Form>
      </Modal>
    </PageContainer>
  );
}
