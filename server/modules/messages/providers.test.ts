import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv } from '../../../tests/helpers/test-env.js';
import { aliyunSms, smtpEmail, tencentSms } from './providers.js';

/*
 * The SMS adapters through their real SDKs against a local stub that checks what each provider
 * expects (action, version, signature scheme, sign name, template code and parameters), and the
 * e-mail adapter against a local SMTP server. Nothing leaves the machine.
 */

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}
let stub: Server;
let base: string;
const seen: Seen[] = [];
let answer: (req: Seen) => unknown = () => ({});

beforeAll(async () => {
  stub = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const s = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      seen.push(s);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(answer(s)));
    });
  });
  await new Promise<void>((r) => stub.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => stub.close(() => r())));

const request = { to: '13900009876', text: '【物业整治平台】您的投诉已受理，查询码TS1，查进度：http://x', kind: 'complaint.received', params: { trackingCode: 'TS2026000123', portal: 'http://portal.example/p', platform: 'x' } };

describe('Alibaba Cloud SMS adapter (@alicloud/dysmsapi20170525)', () => {
  const env = testEnv({
    SMS_PROVIDER: 'aliyun',
    ALIYUN_SMS_ACCESS_KEY_ID: 'LTAI-test-id',
    ALIYUN_SMS_ACCESS_KEY_SECRET: 'test-secret',
    SMS_SIGN_NAME: '物业整治平台',
    SMS_TEMPLATE_CODES: JSON.stringify({ 'complaint.received': 'SMS_480000001' }),
  });

  it('sends SendSms with the sign name, the approved template and its variables, signed with the access key', async () => {
    seen.length = 0;
    answer = () => ({ Code: 'OK', Message: 'OK', BizId: '900619746936498440^0', RequestId: 'F655A8D5-B967-440B-8683-DAD6FF8DE990' });
    const sms = aliyunSms({ ...env, ALIYUN_SMS_ENDPOINT: base });
    const res = await sms.send(request);
    expect(res.id).toBe('900619746936498440^0');
    expect(seen).toHaveLength(1);
    const req = seen[0];
    const url = new URL(req.url, base);
    const params = new URLSearchParams(`${url.search.slice(1)}&${req.body}`);
    const action = params.get('Action') ?? req.headers['x-acs-action'];
    expect(action).toBe('SendSms');
    expect(params.get('Version') ?? req.headers['x-acs-version']).toBe('2017-05-25');
    expect(params.get('PhoneNumbers')).toBe('13900009876');
    expect(params.get('SignName')).toBe('物业整治平台');
    expect(params.get('TemplateCode')).toBe('SMS_480000001');
    expect(JSON.parse(params.get('TemplateParam') ?? '{}')).toEqual({ trackingCode: 'TS2026000123', portal: 'http://portal.example/p' });
    const auth = String(req.headers.authorization ?? params.get('Signature') ?? '');
    expect(auth).not.toBe('');
    if (req.headers.authorization) expect(auth).toContain('LTAI-test-id');
  });

  it('throws with the provider’s code and message when it refuses', async () => {
    answer = () => ({ Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: '非法手机号', RequestId: 'x' });
    const sms = aliyunSms({ ...env, ALIYUN_SMS_ENDPOINT: base });
    await expect(sms.send(request)).rejects.toThrow(/isv.MOBILE_NUMBER_ILLEGAL.*非法手机号/);
  });

  it('refuses a kind without a configured template code, before calling the provider', async () => {
    seen.length = 0;
    const sms = aliyunSms({ ...env, ALIYUN_SMS_ENDPOINT: base });
    await expect(sms.send({ ...request, kind: 'lead.dispatched' })).rejects.toThrow('未配置短信模板编号');
    expect(seen).toHaveLength(0);
  });
});

describe('Tencent Cloud SMS adapter (tencentcloud-sdk-nodejs-sms)', () => {
  const env = testEnv({
    SMS_PROVIDER: 'tencent',
    TENCENT_SMS_SECRET_ID: 'AKID-test',
    TENCENT_SMS_SECRET_KEY: 'test-key',
    TENCENT_SMS_SDK_APP_ID: '1400000001',
    SMS_SIGN_NAME: '物业整治平台',
    SMS_TEMPLATE_CODES: JSON.stringify({ 'complaint.received': '2000001' }),
  });

  it('posts SendSms 2021-01-11 with TC3 signature, app id, sign name, template id and ordered parameters', async () => {
    seen.length = 0;
    answer = () => ({
      Response: { SendStatusSet: [{ SerialNo: '5000:1045710669157053657849499619', PhoneNumber: '+8613900009876', Fee: 1, SessionContext: '', Code: 'Ok', Message: 'send success', IsoCode: 'CN' }], RequestId: 'a0aabda6' },
    });
    const sms = tencentSms({ ...env, TENCENT_SMS_ENDPOINT: base });
    const res = await sms.send(request);
    expect(res.id).toBe('5000:1045710669157053657849499619');
    expect(seen).toHaveLength(1);
    const req = seen[0];
    expect(req.method).toBe('POST');
    expect(req.headers['x-tc-action']).toBe('SendSms');
    expect(req.headers['x-tc-version']).toBe('2021-01-11');
    expect(req.headers['x-tc-region']).toBe('ap-guangzhou');
    // The credential scope names the service from the endpoint's first label (sms.tencentcloudapi.com → sms).
    expect(String(req.headers.authorization)).toMatch(/^TC3-HMAC-SHA256 Credential=AKID-test\/\d{4}-\d{2}-\d{2}\/[^/]+\/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$/);
    const body = JSON.parse(req.body);
    expect(body).toMatchObject({
      PhoneNumberSet: ['+8613900009876'],
      SmsSdkAppId: '1400000001',
      SignName: '物业整治平台',
      TemplateId: '2000001',
      TemplateParamSet: ['TS2026000123', 'http://portal.example/p'],
    });
  });

  it('throws with the per-number status when Tencent refuses the number', async () => {
    answer = () => ({ Response: { SendStatusSet: [{ SerialNo: '', PhoneNumber: '+8613900009876', Fee: 0, Code: 'LimitExceeded.PhoneNumberDailyLimit', Message: '单个手机号日下发短信条数超过设定的上限' }], RequestId: 'b' } });
    const sms = tencentSms({ ...env, TENCENT_SMS_ENDPOINT: base });
    await expect(sms.send(request)).rejects.toThrow(/LimitExceeded.PhoneNumberDailyLimit/);
  });

  it('throws with the API error when the request itself is refused', async () => {
    answer = () => ({ Response: { Error: { Code: 'AuthFailure.SignatureFailure', Message: 'The provided credentials could not be validated.' }, RequestId: 'c' } });
    const sms = tencentSms({ ...env, TENCENT_SMS_ENDPOINT: base });
    await expect(sms.send(request)).rejects.toThrow(/credentials could not be validated|AuthFailure/);
  });
});

describe('SMTP e-mail adapter (nodemailer)', () => {
  it('delivers the subject and text to a local SMTP server', async () => {
    const received: Array<{ from: string; to: string[]; data: string }> = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, cb) {
        let data = '';
        stream.on('data', (c) => {
          data += c;
        });
        stream.on('end', () => {
          received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data });
          cb();
        });
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.server.address() as AddressInfo).port;
    try {
      const email = smtpEmail(testEnv({ SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_FROM: 'noreply@platform.example' }));
      const res = await email.send({ to: 'leader@example.gov.cn', subject: '答复待审核：TS2026000123', text: '线索 TS2026000123 的答复已起草，等待您审核发布。' });
      expect(res.id).toBeTruthy();
      expect(received).toHaveLength(1);
      expect(received[0].from).toBe('noreply@platform.example');
      expect(received[0].to).toEqual(['leader@example.gov.cn']);
      const [head, body] = received[0].data.split('\r\n\r\n');
      expect(head).toContain('Subject: =?UTF-8?B?');
      expect(Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')).toBe('线索 TS2026000123 的答复已起草，等待您审核发布。');
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
