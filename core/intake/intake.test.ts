import { describe, expect, it } from 'vitest';
import {
  checkMapping,
  columnSpecsFor,
  HOTLINE_FIELDS,
  parseChinaDateTime,
  parseHotlineRow,
  recogniseHeaders,
} from './hotline12345.js';
import { OPEN311_SERVICES, open311Status, parseIso8601, parseNewRequest, parseRequestQuery, statesFor } from './open311.js';
import { checkPublicComplaint, normaliseResidentPhone } from './public-form.js';

describe('12345 header recognition', () => {
  it('recognises the common export headers without a mapping, in any order', () => {
    const headers = ['序号', '诉求内容', '办件编号', '办件来源', '市级编号', '诉求主题', '办理单位', '诉求人', '诉求人电话', '事项大类', '事项小类', '派发时间', '承诺完成时间', '办件状态'];
    const r = recogniseHeaders(headers);
    expect(r.missing).toEqual([]);
    expect(r.unknown).toEqual(['序号']);
    expect(r.index.get('externalRef')).toBe(2);
    expect(r.index.get('content')).toBe(1);
    expect(r.index.get('promisedAt')).toBe(12);
    expect(r.index.get('upstreamStatus')).toBe(13);
  });

  it('recognises close variants (工单编号, 来电人, 联系电话, 受理时间) and full-width/space differences', () => {
    const r = recogniseHeaders(['工单编号', '来电人', '联系电话', '受理时间', ' 工单内容 ', '诉求主题（标题）']);
    expect(r.missing).toEqual([]);
    expect(r.index.get('externalRef')).toBe(0);
    expect(r.index.get('contactName')).toBe(1);
    expect(r.index.get('contactPhone')).toBe(2);
    expect(r.index.get('receivedAt')).toBe(3);
    expect(r.index.get('content')).toBe(4);
    expect(r.index.get('subject')).toBe(5);
  });

  it('reports missing required fields and duplicated columns', () => {
    const r = recogniseHeaders(['流水号', '内容', '工单内容']);
    expect(r.missing).toEqual(['externalRef']);
    expect(r.duplicates).toEqual(['工单内容']);
  });

  it('a mapping makes an unknown layout readable and takes precedence over synonyms', () => {
    const mapping = { externalRef: '流水号', content: '市民反映', contactPhone: '电话' };
    expect(checkMapping(mapping).ok).toBe(true);
    const r = recogniseHeaders(['流水号', '市民反映', '电话', '内容'], mapping);
    expect(r.missing).toEqual([]);
    expect(r.index.get('externalRef')).toBe(0);
    expect(r.index.get('content')).toBe(1);
    expect(r.index.get('contactPhone')).toBe(2);
    expect(r.unknown).toEqual(['内容']); // content is mapped elsewhere: its synonyms no longer apply
    // the spec list keeps one entry per field
    expect(columnSpecsFor(mapping)).toHaveLength(HOTLINE_FIELDS.length);
  });

  it('checks mappings: unknown field, blank header, header used twice, not an object', () => {
    const bad = checkMapping({ foo: 'x', content: '', externalRef: 'A', contactName: 'a' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => p.field)).toEqual(['foo', 'content', 'contactName']);
    expect(checkMapping([1, 2]).ok).toBe(false);
  });
});

describe('12345 row parsing', () => {
  const row = (text: Record<string, string>, raw: Record<string, unknown> = {}) => parseHotlineRow({ text, raw: { ...text, ...raw } });

  it('a full row becomes a record with 【subject】content and China-time instants', () => {
    const r = row({
      externalRef: 'GD20260302001',
      subject: '小区停水',
      content: '物业以欠费为由给我家停水三天',
      contactName: '张先生',
      contactPhone: '139 0000 1234',
      dispatchedAt: '2026-03-02 09:30',
      promisedAt: '2026/3/16 18:00:00',
      upstreamStatus: '办理中',
    });
    expect(r.errors).toEqual([]);
    expect(r.record.description).toBe('【小区停水】物业以欠费为由给我家停水三天');
    expect(r.record.contactPhone).toBe('13900001234');
    expect(r.record.dispatchedAt?.toISOString()).toBe('2026-03-02T01:30:00.000Z');
    expect(r.record.promisedAt?.toISOString()).toBe('2026-03-16T10:00:00.000Z');
  });

  it('lists every problem of a row', () => {
    const r = row({ externalRef: '', content: '', contactPhone: '12ab', dispatchedAt: '下周一' });
    expect(r.errors.map((e) => e.field).sort()).toEqual(['contactPhone', 'content', 'dispatchedAt', 'externalRef']);
  });

  it('never repeats the complainant name or phone in a message (row errors are stored with the import job)', () => {
    const longName = `居民${'甲'.repeat(60)}`;
    const r = row({ externalRef: 'N0001', content: '物业以欠费为由停水', contactName: longName, contactPhone: '1390000577' });
    expect(r.errors.map((e) => e.field).sort()).toEqual(['contactName', 'contactPhone']);
    const text = JSON.stringify([...r.errors, ...r.warnings]);
    expect(text).not.toContain('1390000577');
    expect(text).not.toContain('居民甲');
    expect(r.errors.find((e) => e.field === 'contactPhone')?.message).toContain('诉求人电话格式不正确');
    const masked = row({ externalRef: 'N0002', content: '物业以欠费为由停水', contactPhone: '139****0577' });
    expect(JSON.stringify(masked.warnings)).not.toContain('0577');
  });

  it('an order number Excel stored as a long number is an error; a masked phone is a warning, not stored', () => {
    const r = row({ externalRef: '2026030212345678', content: '物业乱收费', contactPhone: '139****1234' }, { externalRef: 2026030212345678 });
    expect(r.errors.map((e) => e.field)).toEqual(['externalRef']);
    expect(r.warnings.map((e) => e.field)).toEqual(['contactPhone']);
    expect(r.record.contactPhone).toBeNull();
  });

  it('parses Excel date cells and serial numbers as China wall-clock time', () => {
    // exceljs hands a Date whose UTC fields are what Excel shows.
    expect((parseChinaDateTime(new Date(Date.UTC(2026, 2, 2, 9, 30))) as Date).toISOString()).toBe('2026-03-02T01:30:00.000Z');
    expect((parseChinaDateTime(46083.5) as Date).toISOString()).toBe('2026-03-02T04:00:00.000Z');
    expect((parseChinaDateTime('2026年3月2日 9时30分') as Date).toISOString()).toBe('2026-03-02T01:30:00.000Z');
    expect((parseChinaDateTime('2026-03-02') as Date).toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(parseChinaDateTime('2026-02-30 10:00')).toBe('bad');
    expect(parseChinaDateTime('')).toBeNull();
  });
});

describe('public form rules', () => {
  it('requires 10–2000 characters and a mainland phone unless anonymous', () => {
    expect(checkPublicComplaint({ description: '太短', contactPhone: '13900001234' })).toHaveProperty('description');
    expect(checkPublicComplaint({ description: '物业以欠费为由停了我家的水', contactPhone: '' })).toEqual({}); // phone optional: tracked by code
    expect(checkPublicComplaint({ description: '物业以欠费为由停了我家的水', contactPhone: '12345' })).toHaveProperty('contactPhone');
    expect(checkPublicComplaint({ description: '物业以欠费为由停了我家的水', anonymous: true })).toEqual({});
    expect(checkPublicComplaint({ description: '物业以欠费为由停了我家的水', contactPhone: '027-85551234' })).toEqual({});
    expect(checkPublicComplaint({ description: 'x'.repeat(2001), anonymous: true })).toHaveProperty('description');
  });
  it('normalises phones', () => {
    expect(normaliseResidentPhone('+86 139 0000 1234')).toBe('13900001234');
    expect(normaliseResidentPhone('(027)85551234')).toBe('02785551234');
    expect(normaliseResidentPhone('85551234')).toBeNull();
    expect(normaliseResidentPhone('10086')).toBeNull();
  });
});

describe('Open311 mapping', () => {
  it('services are the six focus categories and 0, with the spec fields', () => {
    expect(OPEN311_SERVICES.map((s) => s.service_code)).toEqual(['1', '2', '3', '4', '5', '6', '0']);
    for (const s of OPEN311_SERVICES) {
      expect(Object.keys(s).sort()).toEqual(['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type']);
      expect(s.metadata).toBe(false);
      expect(s.type).toBe('realtime');
    }
  });
  it('folds states into open/closed', () => {
    expect(open311Status('accepted')).toBe('open');
    expect(open311Status('merged')).toBe('closed');
    expect(statesFor('closed').sort()).toEqual(['closed', 'merged']);
  });
  it('checks a new request and lists every problem', () => {
    const bad = parseNewRequest({ service_code: '9', description: '短', lat: '30.5' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.length).toBeGreaterThanOrEqual(3);
    const good = parseNewRequest({ service_code: '1', description: '物业以欠费为由停水三天了', lat: '30.5', long: '114.3', first_name: '先生', last_name: '王', phone: '13900001234' });
    expect(good.ok).toBe(true);
    if (good.ok) expect(good.request).toMatchObject({ category: 1, lat: 30.5, long: 114.3, contactName: '王先生', contactPhone: '13900001234' });
    const noLocation = parseNewRequest({ service_code: '1', description: '物业以欠费为由停水三天了' });
    expect(noLocation.ok).toBe(false);
  });
  it('parses query filters with the 90-day default window', () => {
    const now = new Date('2026-03-31T00:00:00Z');
    const q = parseRequestQuery({ status: 'open,closed', service_code: '1' }, now);
    expect(q.ok).toBe(true);
    if (q.ok) {
      expect(q.query.end.toISOString()).toBe(now.toISOString());
      expect(now.getTime() - q.query.start.getTime()).toBe(90 * 86400_000);
    }
    expect(parseRequestQuery({ status: 'pending' }, now).ok).toBe(false);
    expect(parseRequestQuery({ start_date: '2026-13-01' }, now).ok).toBe(false);
    expect(parseIso8601('2026-03-01T08:00:00Z')?.toISOString()).toBe('2026-03-01T08:00:00.000Z');
    expect(parseIso8601('2026-03-01')?.toISOString()).toBe('2026-02-28T16:00:00.000Z');
  });
});
