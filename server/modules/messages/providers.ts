import Dysmsapi, { SendSmsRequest } from '@alicloud/dysmsapi20170525';
import { Config } from '@alicloud/openapi-client';
import nodemailer from 'nodemailer';
import * as tencentcloud from 'tencentcloud-sdk-nodejs-sms';
import type { Env } from '../../env.js';
import type { EmailProvider, SmsProvider, SmsRequest } from './channels.js';
import { MESSAGE_KINDS, varsIn } from './kinds.js';

/**
 * Template-based SMS (Alibaba Cloud, Tencent Cloud): the provider holds an approved template per
 * kind (SMS_TEMPLATE_CODES) with the same variables as the kind's built-in SMS text, minus
 * {platform} which the 签名 carries. The values are those rendered into our own text.
 */
function templateOf(env: Env, req: SmsRequest): { code: string; names: string[] } {
  const code = env.SMS_TEMPLATE_CODES[req.kind];
  if (!code) throw new Error(`未配置短信模板编号：${req.kind}（SMS_TEMPLATE_CODES）`);
  const names = varsIn(MESSAGE_KINDS[req.kind]?.sms).filter((v) => v !== 'platform');
  return { code, names };
}

/** Splits "host:port" or a URL into the SDK's endpoint and protocol (tests point it at a local stub). */
function endpointOf(value: string): { host: string; protocol: 'http' | 'https' } {
  const m = /^(https?):\/\/(.+?)\/?$/.exec(value);
  return m ? { host: m[2], protocol: m[1] as 'http' | 'https' } : { host: value, protocol: 'https' };
}

/** Alibaba Cloud SMS (dysmsapi 2017-05-25, SendSms). */
export function aliyunSms(env: Env): SmsProvider {
  const { host, protocol } = endpointOf(env.ALIYUN_SMS_ENDPOINT);
  const Client = (Dysmsapi as unknown as { default?: typeof Dysmsapi }).default ?? Dysmsapi;
  const client = new Client(
    new Config({ accessKeyId: env.ALIYUN_SMS_ACCESS_KEY_ID, accessKeySecret: env.ALIYUN_SMS_ACCESS_KEY_SECRET, endpoint: host, protocol, regionId: 'cn-hangzhou' }),
  );
  return {
    name: 'aliyun',
    async send(req) {
      const { code, names } = templateOf(env, req);
      const params = Object.fromEntries(names.map((n) => [n, req.params[n] ?? '']));
      const res = await client.sendSms(
        new SendSmsRequest({ phoneNumbers: req.to, signName: env.SMS_SIGN_NAME, templateCode: code, templateParam: JSON.stringify(params) }),
      );
      const body = res.body;
      if (body?.code !== 'OK') throw new Error(`阿里云短信：${body?.code ?? '无返回'} ${body?.message ?? ''}`.trim());
      return { id: body.bizId ?? null };
    },
  };
}

/** Tencent Cloud SMS (sms 2021-01-11, SendSms). */
export function tencentSms(env: Env): SmsProvider {
  const { host, protocol } = endpointOf(env.TENCENT_SMS_ENDPOINT);
  const client = new tencentcloud.sms.v20210111.Client({
    credential: { secretId: env.TENCENT_SMS_SECRET_ID, secretKey: env.TENCENT_SMS_SECRET_KEY },
    region: env.TENCENT_SMS_REGION,
    profile: { httpProfile: { endpoint: host, protocol: `${protocol}://`, reqTimeout: 10 } },
  });
  return {
    name: 'tencent',
    async send(req) {
      const { code, names } = templateOf(env, req);
      const res = await client.SendSms({
        PhoneNumberSet: [req.to.startsWith('+') ? req.to : `+86${req.to}`],
        SmsSdkAppId: env.TENCENT_SMS_SDK_APP_ID as string,
        SignName: env.SMS_SIGN_NAME,
        TemplateId: code,
        TemplateParamSet: names.map((n) => req.params[n] ?? ''),
      });
      const status = res.SendStatusSet?.[0];
      if (status?.Code !== 'Ok') throw new Error(`腾讯云短信：${status?.Code ?? '无返回'} ${status?.Message ?? ''}`.trim());
      return { id: status.SerialNo ?? null };
    },
  };
}

/** E-mail through SMTP (SMTP_URL, e.g. smtps://user:pass@smtp.example.gov.cn:465). */
export function smtpEmail(env: Env): EmailProvider {
  const transport = nodemailer.createTransport(env.SMTP_URL as string);
  return {
    name: 'smtp',
    async send(req) {
      const info = await transport.sendMail({ from: env.SMTP_FROM, to: req.to, subject: req.subject, text: req.text });
      return { id: info.messageId ?? null };
    },
  };
}
