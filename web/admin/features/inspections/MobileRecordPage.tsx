import { Alert, App, Button, Card, Checkbox, Input, InputNumber, Radio, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { INSPECTION_MODE_LABELS, INSPECTION_MODES } from '../../../../core/inspections/labels.js';
import { api, type Page } from '../../../common/api.js';
import { useSession } from '../../app/session.js';
import { type FocusItem, getCampaignFocus, type Inspector, listCampaigns, listInspectors } from './api.js';
import { compressPhoto, type Draft, type DraftFinding, loadDraft, newClientKey, saveDraft, sendDraft } from './draft.js';

const WRAP = { display: 'flex', flexWrap: 'wrap', rowGap: 8 } as const;
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

function emptyDraft(): Draft {
  return { clientKey: newClientKey(), projectIds: [], date: today(), mode: 'announced', peopleDispatched: 2, inspectorIds: [], findings: [], status: 'editing', updatedAt: new Date().toISOString() };
}

const STATUS: Record<Draft['status'], { color: string; text: string }> = {
  editing: { color: 'blue', text: '草稿（已保存在本机）' },
  queued: { color: 'orange', text: '待发送：无网络，恢复网络后自动发送' },
  sent: { color: 'green', text: '已发送' },
  failed: { color: 'red', text: '发送被拒绝，请修改后重新提交' },
};

/**
 * 现场检查登记 for a phone: one column, camera photos compressed on the device, and a draft kept on
 * the device on every change — sent when online, queued when not, never sent twice (clientKey).
 */
export default function MobileRecordPage() {
  const { me } = useSession();
  const { message } = App.useApp();
  const userId = me?.user.id ?? 'anonymous';
  const [draft, setDraftState] = useState<Draft>(() => loadDraft(userId) ?? emptyDraft());
  const [online, setOnline] = useState(typeof navigator === 'undefined' ? true : navigator.onLine);
  const [campaigns, setCampaigns] = useState<Array<{ id: string; title: string }>>([]);
  const [focus, setFocus] = useState<FocusItem[]>([]);
  const [enterprises, setEnterprises] = useState<Array<{ value: string; label: string }>>([]);
  const [projects, setProjects] = useState<Array<{ value: string; label: string }>>([]);
  const [inspectors, setInspectors] = useState<Inspector[]>([]);
  const [visits, setVisits] = useState<Array<{ id: string; date: string }>>([]);

  const setDraft = useCallback(
    (change: Partial<Draft>) =>
      setDraftState((d) => {
        const next = { ...d, ...change, status: change.status ?? (d.status === 'sent' ? 'sent' : 'editing') } as Draft;
        saveDraft(userId, next);
        return next;
      }),
    [userId],
  );

  useEffect(() => {
    void listCampaigns().then((p) => setCampaigns(p.items), () => undefined);
    void listInspectors().then((p) => setInspectors(p.items), () => undefined);
    void api.get<Page<{ id: string; name: string }>>('/api/enterprises', { pageSize: 100 }).then((p) => setEnterprises(p.items.map((e) => ({ value: e.id, label: e.name }))), () => undefined);
  }, []);
  useEffect(() => {
    if (!draft.campaignId && campaigns[0]) setDraft({ campaignId: campaigns[0].id });
  }, [campaigns, draft.campaignId, setDraft]);
  useEffect(() => {
    if (draft.campaignId) void getCampaignFocus(draft.campaignId).then(setFocus, () => undefined);
  }, [draft.campaignId]);
  useEffect(() => {
    if (!draft.enterpriseId || !draft.date) return setVisits([]);
    void api.get<{ items: Array<{ id: string; date: string }> }>('/api/inspections/visits', { enterpriseId: draft.enterpriseId, date: draft.date }).then((v) => setVisits(v.items), () => setVisits([]));
  }, [draft.enterpriseId, draft.date]);
  useEffect(() => {
    if (!draft.enterpriseId) return setProjects([]);
    void api.get<Page<{ id: string; name: string }>>('/api/projects', { enterpriseId: draft.enterpriseId, pageSize: 100 }).then((p) => setProjects(p.items.map((x) => ({ value: x.id, label: x.name }))), () => undefined);
  }, [draft.enterpriseId]);

  const send = useCallback(
    async (d: Draft) => {
      const out = await sendDraft(userId, d);
      setDraftState(out);
      if (out.status === 'sent') message.success('检查记录已发送');
      else if (out.status === 'queued') message.warning('无网络：草稿已保存在本机，恢复网络后自动发送');
      else message.error(out.error ?? '发送失败');
    },
    [userId, message],
  );

  // Back online: send a queued draft (once — sendDraft serialises and the server dedupes by clientKey).
  useEffect(() => {
    const up = () => {
      setOnline(true);
      const d = loadDraft(userId);
      if (d?.status === 'queued') void send(d);
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    if (navigator.onLine && draft.status === 'queued') up();
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
    // Only on mount and on user change; `send` is stable per user.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [userId, send]);

  const findingOf = (focusItemId: string, projectId: string): DraftFinding =>
    draft.findings.find((f) => f.focusItemId === focusItemId && f.projectId === projectId) ?? { focusItemId, projectId, result: 'compliant', photos: [] };
  const setFinding = (f: DraftFinding) => setDraft({ findings: [...draft.findings.filter((x) => !(x.focusItemId === f.focusItemId && x.projectId === f.projectId)), f] });

  const submit = async () => {
    if (!draft.enterpriseId || !draft.projectIds.length) return message.error('请选择被检查企业和项目');
    const findings = draft.projectIds.flatMap((p) => focus.map((item) => findingOf(item.id, p)));
    const missing = findings.find((f) => f.result === 'problem' && !f.description?.trim());
    if (missing) return message.error('存在问题的检查事项请填写问题描述');
    const ready: Draft = { ...draft, findings, status: 'queued' };
    saveDraft(userId, ready);
    setDraftState(ready);
    if (!navigator.onLine) return message.warning('无网络：草稿已保存在本机，恢复网络后自动发送');
    await send(ready);
  };

  const projectLabel = (id: string) => projects.find((p) => p.value === id)?.label ?? '';
  const locked = draft.status === 'queued' || draft.status === 'sent';

  return (
    <div style={{ width: '100%', maxWidth: 560, margin: '0 auto', overflowX: 'hidden' }}>
      <Typography.Title level={4}>现场检查登记</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag color={online ? 'green' : 'red'} data-testid="network">{online ? '在线' : '离线'}</Tag>
        <Tag color={STATUS[draft.status].color} data-testid="draft-status">{STATUS[draft.status].text}</Tag>
      </Space>
      {draft.status === 'failed' && draft.error && <Alert type="error" message={draft.error} style={{ marginBottom: 12 }} />}
      {draft.status === 'sent' && (
        <Alert
          type="success"
          style={{ marginBottom: 12 }}
          message={
            <span>
              已发送。<Link to={`/app/inspections/records/${draft.recordId}`}>查看检查记录</Link>
            </span>
          }
          action={
            <Button size="small" onClick={() => setDraftState(() => { const d = emptyDraft(); saveDraft(userId, d); return d; })}>
              新的检查
            </Button>
          }
        />
      )}
      <Card size="small" title="基本信息" style={{ marginBottom: 12 }}>
        <div style={{ display: 'flex', flexDirection: 'column', gap: 8, minWidth: 0 }}>
          <label htmlFor="m-campaign">专项行动</label>
          <Select id="m-campaign" disabled={locked} style={{ width: '100%' }} value={draft.campaignId} onChange={(v) => setDraft({ campaignId: v, findings: [] })} options={campaigns.map((c) => ({ value: c.id, label: c.title }))} />
          <label htmlFor="m-enterprise">被检查企业</label>
          <Select id="m-enterprise" disabled={locked} showSearch optionFilterProp="label" style={{ width: '100%' }} value={draft.enterpriseId} onChange={(v) => setDraft({ enterpriseId: v, projectIds: [], findings: [] })} options={enterprises} placeholder="选择企业" />
          {visits.length > 0 && (
            <Alert type="warning" showIcon message={`该企业本季度已接受检查 ${visits.length} 次（${visits.map((v) => v.date).join('、')}），另行检查须填写重复检查理由，建议并入联合检查`} />
          )}
          {projects.length > 0 && (
            <div data-testid="projects">
              <Checkbox.Group style={WRAP} disabled={locked} value={draft.projectIds} onChange={(v) => setDraft({ projectIds: v as string[] })} options={projects} />
            </div>
          )}
          <label htmlFor="m-date">检查日期</label>
          <Input id="m-date" disabled={locked} type="date" value={draft.date} max={today()} onChange={(e) => setDraft({ date: e.target.value })} />
          <Radio.Group disabled={locked} value={draft.mode} onChange={(e) => setDraft({ mode: e.target.value })} options={INSPECTION_MODES.map((m) => ({ value: m, label: INSPECTION_MODE_LABELS[m] }))} />
          <label htmlFor="m-people">出动人次</label>
          <InputNumber id="m-people" disabled={locked} min={1} max={1000} value={draft.peopleDispatched} onChange={(v) => setDraft({ peopleDispatched: Number(v ?? 1) })} />
          <span>检查人员</span>
          <div data-testid="inspectors">
            <Checkbox.Group style={WRAP} disabled={locked} value={draft.inspectorIds} onChange={(v) => setDraft({ inspectorIds: v as string[] })} options={inspectors.map((i) => ({ value: i.id, label: i.name }))} />
          </div>
          <label htmlFor="m-present">企业在场人员</label>
          <Input id="m-present" disabled={locked} value={draft.companyPresent} onChange={(e) => setDraft({ companyPresent: e.target.value })} />
          <label htmlFor="m-repeat">重复检查理由（本季度已检查过该企业时填写）</label>
          <Input id="m-repeat" disabled={locked} value={draft.repeatReason} onChange={(e) => setDraft({ repeatReason: e.target.value })} />
        </div>
      </Card>
      {draft.projectIds.map((pid) => (
        <Card key={pid} size="small" title={`检查事项：${projectLabel(pid)}`} style={{ marginBottom: 12 }}>
          {focus.map((item) => {
            const f = findingOf(item.id, pid);
            return (
              <div key={item.id} style={{ borderBottom: '1px solid #f0f0f0', padding: '8px 0' }} data-testid={`finding-${item.seq}`}>
                <div>
                  {item.seq}. {item.title}
                </div>
                <Radio.Group disabled={locked} value={f.result} onChange={(e) => setFinding({ ...f, result: e.target.value })}>
                  <Radio value="compliant">符合</Radio>
                  <Radio value="problem">存在问题</Radio>
                </Radio.Group>
                {f.result === 'problem' && (
                  <Space direction="vertical" style={{ width: '100%', marginTop: 6 }}>
                    <Input.TextArea disabled={locked} aria-label="问题描述" placeholder="问题描述" value={f.description} onChange={(e) => setFinding({ ...f, description: e.target.value })} />
                    <input
                      aria-label="拍照"
                      type="file"
                      accept="image/*"
                      capture="environment"
                      disabled={locked}
                      onChange={async (e) => {
                        const file = e.target.files?.[0];
                        if (!file) return;
                        try {
                          setFinding({ ...f, photos: [...f.photos, { dataUrl: await compressPhoto(file) }] });
                        } catch {
                          message.error('无法读取该照片');
                        }
                        e.target.value = '';
                      }}
                    />
                    <Space wrap>
                      {f.photos.map((p, i) => (
                        <img key={i} src={p.dataUrl} alt={`照片${i + 1}`} style={{ width: 64, height: 64, objectFit: 'cover' }} />
                      ))}
                    </Space>
                  </Space>
                )}
              </div>
            );
          })}
        </Card>
      ))}
      {draft.status !== 'sent' && (
        <Button type="primary" block size="large" onClick={submit} disabled={draft.status === 'queued'}>
          {draft.status === 'queued' ? '等待网络…' : '提交检查记录'}
        </Button>
      )}
    </div>
  );
}
