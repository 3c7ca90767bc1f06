import { CameraOutlined, CopyOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Form, Input, Progress, Radio, Result, Select, Space, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd/es/upload/interface';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { PUBLIC_DESCRIPTION_MAX, PUBLIC_MAX_PHOTOS, PUBLIC_PHOTO_MAX_BYTES, checkPublicComplaint } from '../../../core/intake/public-form.js';
import { ApiError, api, applyFieldErrors } from '../../common/api.js';
import { type AltchaSolution, solveInBrowser } from '../components/proofOfWork.js';

interface PublicProject {
  id: string;
  name: string;
  address: string;
  regionName: string;
}
/** GET /api/public/bot-check: an ALTCHA challenge when `enabled`. */
interface BotCheck {
  enabled: boolean;
  challenge: string | null;
  difficulty: number;
  expiresAt: string | null;
  algorithm?: 'SHA-256';
  maxnumber?: number;
  salt?: string;
  signature?: string;
}
type BotState = { phase: 'loading' } | { phase: 'off' } | { phase: 'solving'; progress: number } | { phase: 'ready'; solution: AltchaSolution } | { phase: 'error'; message: string };

/** Project picker: search by estate name or address (public endpoint, ≤ 20 results). */
function ProjectPicker(props: { id?: string; value?: string; onChange?: (v: string | undefined) => void }) {
  const [options, setOptions] = useState<PublicProject[]>([]);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const search = (q: string) => {
    if (timer.current) clearTimeout(timer.current);
    if (!q.trim()) return;
    timer.current = setTimeout(() => {
      const mine = ++seq.current;
      setLoading(true);
      api
        .get<PublicProject[]>('/api/public/projects', { q: q.trim() })
        .then((r) => mine === seq.current && setOptions(r))
        .catch(() => undefined)
        .finally(() => mine === seq.current && setLoading(false));
    }, 250);
  };
  return (
    <Select
      id={props.id}
      showSearch
      allowClear
      filterOption={false}
      onSearch={search}
      loading={loading}
      value={props.value}
      onChange={(v) => props.onChange?.(v)}
      placeholder="输入小区名称或地址，从列表中选择"
      notFoundContent={loading ? '搜索中…' : '输入小区名称或路名搜索；找不到可不选，在下方填写地址'}
      optionLabelProp="title"
      options={options.map((p) => ({
        value: p.id,
        title: p.name,
        label: (
          <div style={{ whiteSpace: 'normal' }}>
            <div>{p.name}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.regionName} · {p.address}
            </Typography.Text>
          </div>
        ),
      }))}
      style={{ width: '100%' }}
    />
  );
}

interface FormValues {
  projectId?: string;
  district?: string;
  street?: string;
  enterpriseName?: string;
  address?: string;
  description: string;
  anonymous?: boolean;
  confidential?: boolean;
  contactName?: string;
  contactPhone?: string;
  smsConsent?: boolean;
}

interface PublicRegion {
  code: string;
  name: string;
  level: string;
}

/** Children of a region from the public tree (the service area's districts when no parent). */
function useRegions(parent: string | null | undefined, enabled = true) {
  const [items, setItems] = useState<PublicRegion[]>([]);
  useEffect(() => {
    if (!enabled) return setItems([]);
    let live = true;
    api
      .get<{ items: PublicRegion[] }>('/api/public/regions', parent ? { parent } : {})
      .then((r) => live && setItems(r.items))
      .catch(() => live && setItems([]));
    return () => {
      live = false;
    };
  }, [parent, enabled]);
  return items;
}

/** Public complaint form (no login), phone-first. The tracking code is shown only after the server stored the complaint. */
export default function ComplaintPage() {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [bot, setBot] = useState<BotState>({ phase: 'loading' });
  const [submitting, setSubmitting] = useState(false);
  const [trackingCode, setTrackingCode] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const anonymous: boolean = Form.useWatch('anonymous', form) ?? false;
  const projectId: string | undefined = Form.useWatch('projectId', form);
  const district: string | undefined = Form.useWatch('district', form);
  const districts = useRegions(null, !projectId);
  const streets = useRegions(district, !projectId && !!district);

  /** The running bot check: resolves to the solution, null when the check is off, or rejects. */
  const solution = useRef<Promise<AltchaSolution | null> | null>(null);

  /** Fetches a challenge and starts solving it in the background while the resident types. */
  const startBotCheck = useCallback(() => {
    abort.current?.abort();
    const ac = new AbortController();
    abort.current = ac;
    setBot({ phase: 'loading' });
    const run = (async () => {
      const c = await api.get<BotCheck>('/api/public/bot-check');
      if (!c.enabled || !c.challenge || !c.salt || !c.signature) {
        setBot({ phase: 'off' });
        return null;
      }
      setBot({ phase: 'solving', progress: 0 });
      const challenge = { algorithm: 'SHA-256' as const, challenge: c.challenge, maxnumber: c.maxnumber ?? c.difficulty, salt: c.salt, signature: c.signature };
      const solved = await solveInBrowser(challenge, { signal: ac.signal, onProgress: (p) => !ac.signal.aborted && setBot({ phase: 'solving', progress: p }) });
      if (!ac.signal.aborted) setBot({ phase: 'ready', solution: solved });
      return solved;
    })();
    run.catch((err) => {
      if (!ac.signal.aborted) setBot({ phase: 'error', message: err instanceof ApiError ? err.message : '安全验证加载失败，请检查网络后点“重试”' });
    });
    solution.current = run;
  }, []);

  useEffect(() => {
    startBotCheck();
    return () => abort.current?.abort();
  }, [startBotCheck]);

  const submit = async () => {
    setFormError(null);
    let v: FormValues;
    try {
      v = await form.validateFields();
    } catch {
      return; // the form shows what is missing next to each field
    }
    const local = checkPublicComplaint({ description: v.description ?? '', contactName: v.contactName, contactPhone: v.contactPhone, anonymous: !!v.anonymous });
    if (Object.keys(local).length) {
      form.setFields(Object.entries(local).map(([name, msg]) => ({ name, errors: [msg] })));
      return;
    }
    if (files.some((f) => f.status === 'uploading')) return message.info('照片还在上传，请稍候');
    setSubmitting(true);
    try {
      // Usually finished while the resident typed; otherwise wait here (the progress bar shows it).
      let botCheck: AltchaSolution | null;
      try {
        botCheck = await (solution.current ?? Promise.resolve(null));
      } catch {
        setFormError('安全验证未完成，请点击“重试”后再提交');
        return;
      }
      const res = await api.post<{ trackingCode: string }>('/api/public/complaints', {
        description: v.description.trim(),
        projectId: v.projectId || undefined,
        regionCode: v.projectId ? undefined : v.street || v.district || undefined,
        enterpriseName: v.projectId ? undefined : v.enterpriseName?.trim() || undefined,
        address: v.address?.trim() || undefined,
        anonymous: !!v.anonymous,
        confidential: !!v.confidential,
        contactName: v.anonymous ? undefined : v.contactName?.trim() || undefined,
        contactPhone: v.anonymous ? undefined : v.contactPhone?.trim() || undefined,
        smsConsent: !v.anonymous && v.contactPhone?.trim() ? v.smsConsent !== false : undefined,
        photoIds: files.map((f) => (f.response as { fileId?: string } | undefined)?.fileId).filter((id): id is string => !!id),
        botCheck: botCheck ?? undefined,
      });
      setTrackingCode(res.trackingCode);
      window.scrollTo({ top: 0 });
    } catch (err) {
      if (err instanceof ApiError && err.fields.botCheck) {
        setFormError(err.fields.botCheck);
        startBotCheck();
      } else if (!applyFieldErrors(form, err)) {
        setFormError(err instanceof ApiError ? err.message : '提交失败，请检查网络后重试。您的内容仍保留在页面上。');
      }
    } finally {
      setSubmitting(false);
    }
  };

  if (trackingCode) {
    return (
      <Result
        status="success"
        title="提交成功，我们已受理您的投诉"
        subTitle="请记下查询码，凭它随时查看办理进度和答复。"
        extra={
          <Space direction="vertical" size="middle" style={{ width: '100%', alignItems: 'center' }}>
            <Typography.Text style={{ fontSize: 13 }}>您的查询码</Typography.Text>
            <Typography.Text
              data-testid="tracking-code"
              strong
              style={{ fontSize: 32, letterSpacing: 4, fontFamily: 'monospace', padding: '8px 16px', border: '2px dashed #b91c1c', borderRadius: 8 }}
            >
              {trackingCode}
            </Typography.Text>
            <Alert type="warning" showIcon message="请妥善保存查询码（截图或抄写）。为保护您的隐私，查询码丢失后无法找回。" />
            <Space wrap style={{ justifyContent: 'center' }}>
              <Button
                icon={<CopyOutlined />}
                onClick={() => {
                  // The clipboard API needs a secure context; fall back to selecting the text.
                  if (navigator.clipboard) void navigator.clipboard.writeText(trackingCode).then(() => message.success('已复制'), () => message.info(`请手动抄写：${trackingCode}`));
                  else message.info(`请手动抄写：${trackingCode}`);
                }}
              >
                复制查询码
              </Button>
              <Link to={`/portal/track?code=${trackingCode}`}>
                <Button type="primary">查询办理进度</Button>
              </Link>
            </Space>
          </Space>
        }
      />
    );
  }

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        我要投诉
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        反映物业服务企业侵害群众利益的问题（断水断电、占用公共部位、泄露信息、擅自撤离、不公示收费、乱收费等）。无需登录，提交后凭查询码查询进度。
      </Typography.Paragraph>
      <Card size="small" styles={{ body: { padding: 12 } }}>
        <Form form={form} name="publicComplaint" layout="vertical" initialValues={{ anonymous: false, confidential: false, smsConsent: true }}>
          <Form.Item name="projectId" label="所在小区" extra="可输入小区名称、路名或物业公司名称搜索；找不到就不选，在下面选择所在区、街道并写清地址。">
            <ProjectPicker />
          </Form.Item>
          {!projectId && (
            <>
              <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 8 }}>
                <Form.Item name="district" label="所在区" style={{ flex: '1 1 140px' }} extra="选择后，投诉直接交由该区办理">
                  <Select
                    allowClear
                    placeholder="请选择区"
                    options={districts.map((r) => ({ value: r.code, label: r.name }))}
                    onChange={() => form.setFieldValue('street', undefined)}
                  />
                </Form.Item>
                <Form.Item name="street" label="所在街道（选填）" style={{ flex: '1 1 140px' }}>
                  <Select allowClear disabled={!district} placeholder={district ? '请选择街道' : '先选择区'} options={streets.map((r) => ({ value: r.code, label: r.name }))} />
                </Form.Item>
              </div>
              <Form.Item name="enterpriseName" label="被投诉的物业公司（选填）">
                <Input placeholder="如 某某物业服务有限公司，知道简称也可以" maxLength={100} />
              </Form.Item>
            </>
          )}
          <Form.Item name="address" label="详细地址（选填）">
            <Input placeholder="如 3 栋 2 单元，或路名门牌" maxLength={200} />
          </Form.Item>
          <Form.Item
            name="description"
            label="反映的问题"
            rules={[{ required: true, message: '请描述您遇到的问题' }]}
          >
            <Input.TextArea rows={6} maxLength={PUBLIC_DESCRIPTION_MAX} showCount placeholder="写清楚：什么事、什么时候开始、物业公司怎么说的、现在怎么样了。" />
          </Form.Item>
          <Form.Item label="照片（选填）" htmlFor="complaint-photos" extra={`最多 ${PUBLIC_MAX_PHOTOS} 张，每张不超过 5 MB`}>
            <Upload
              id="complaint-photos"
              listType="picture-card"
              accept="image/jpeg,image/png,image/webp"
              fileList={files}
              maxCount={PUBLIC_MAX_PHOTOS}
              onChange={({ fileList }) => setFiles(fileList)}
              beforeUpload={(f) => {
                if (f.size > PUBLIC_PHOTO_MAX_BYTES) {
                  message.error('照片不能超过 5 MB');
                  return Upload.LIST_IGNORE;
                }
                return true;
              }}
              customRequest={({ file, onSuccess, onError }) => {
                const data = new FormData();
                data.append('file', file as Blob, (file as File).name);
                api.upload<{ fileId: string }>('/api/public/uploads', data).then(
                  (r) => onSuccess?.(r),
                  (err) => {
                    message.error(err instanceof ApiError ? (Object.values(err.fields)[0] ?? err.message) : '照片上传失败');
                    onError?.(err);
                  },
                );
              }}
            >
              {files.length < PUBLIC_MAX_PHOTOS && (
                <div>
                  <CameraOutlined style={{ fontSize: 20 }} />
                  <div style={{ marginTop: 4 }}>添加照片</div>
                </div>
              )}
            </Upload>
          </Form.Item>
          <Form.Item name="anonymous" label="是否留下联系方式">
            <Radio.Group>
              <Space direction="vertical">
                <Radio value={false}>
                  实名反映
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    留下电话，办理部门可以向您核实情况，并在办结前回访您是否满意。
                  </Typography.Text>
                </Radio>
                <Radio value={true}>
                  匿名反映
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    不留姓名电话。部门无法联系您核实或回访，只能凭查询码在本网站查看结果。
                  </Typography.Text>
                </Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
          {!anonymous && (
            <>
              <Form.Item name="contactName" label="您的称呼（选填）">
                <Input placeholder="如 王女士" maxLength={30} autoComplete="name" />
              </Form.Item>
              <Form.Item name="contactPhone" label="联系电话（建议填写）" extra="留下电话，办结后工作人员会电话回访；不留电话也可以凭查询码查看进度并评价">
                <Input placeholder="11 位手机号或带区号的固定电话" maxLength={20} inputMode="tel" autoComplete="tel" />
              </Form.Item>
              <Form.Item name="smsConsent" valuePropName="checked" style={{ marginTop: -8 }}>
                <Checkbox>
                  短信接收查询码和办理进度
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    短信只含查询码、平台名称和查询链接，不含您的投诉内容和姓名。
                  </Typography.Text>
                </Checkbox>
              </Form.Item>
            </>
          )}
          <Form.Item name="confidential" valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox>
              为我保密
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                办理中不向被投诉的物业公司透露任何可能识别您的信息（姓名、电话、房号等）。无论是否勾选，您的联系方式都不会提供给物业公司；勾选后办理部门在核查时也会特别注意不暴露您的身份。
              </Typography.Text>
            </Checkbox>
          </Form.Item>

          <div style={{ margin: '12px 0' }}>
            {bot.phase === 'solving' || bot.phase === 'loading' ? (
              <Space direction="vertical" style={{ width: '100%' }} size={0}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  <SafetyCertificateOutlined /> 正在进行安全验证（防止恶意批量提交，无需您操作）…
                </Typography.Text>
                <Progress percent={bot.phase === 'solving' ? Math.round(bot.progress * 100) : 0} size="small" showInfo={false} status="active" />
              </Space>
            ) : bot.phase === 'ready' ? (
              <Typography.Text type="success" style={{ fontSize: 12 }}>
                <SafetyCertificateOutlined /> 安全验证已完成
              </Typography.Text>
            ) : bot.phase === 'error' ? (
              <Alert
                type="warning"
                showIcon
                message={bot.message}
                action={
                  <Button size="small" onClick={() => startBotCheck()}>
                    重试
                  </Button>
                }
              />
            ) : null}
          </div>
          {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 12 }} />}
          <Button type="primary" size="large" block loading={submitting} onClick={() => void submit()}>
            提交投诉
          </Button>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>
            您的个人信息加密保存，仅用于办理本次投诉，工作人员查看需登记事由；不会提供给被投诉的物业服务企业。
          </Typography.Paragraph>
        </Form>
      </Card>
    </>
  );
}
