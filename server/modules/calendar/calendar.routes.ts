import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../http/authenticate.js';
import * as service from './calendar.service.js';

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
const dayItem = z.object({ date: z.string(), kind: z.string(), name: z.string(), source: z.string() });
const yearDetail = z.object({
  year: z.number(),
  publishedOn: z.string().nullable(),
  source: z.string(),
  complete: z.boolean(),
  items: z.array(dayItem),
});
const yearParam = z.object({ year: z.coerce.number().int('年份须为整数').min(1990).max(2100) });

/** Working-day calendar: arithmetic for every signed-in user; the arrangement is admin-maintained. */
export async function calendarRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];

  r.get(
    '/api/calendar/add-working-days',
    {
      config: { authenticated: true },
      schema: {
        tags,
        summary: '日期加 N 个工作日（起始日不计；N=0 时顺延到工作日）；跨入未录入官方安排的年份时按法定规则暂定计算（provisional=true）',
        querystring: z.object({
          date: isoDate,
          days: z.coerce.number({ message: '请填写天数' }).int('天数须为整数').min(0, '天数不能为负数').max(1000, '天数不超过 1000'),
        }),
        response: { 200: z.object({ date: z.string(), provisional: z.boolean() }) },
      },
    },
    async (request) => service.addWorkingDaysDetailed(db, request.query.date, request.query.days),
  );

  r.get(
    '/api/calendar/count-working-days',
    {
      config: { authenticated: true },
      schema: {
        tags,
        summary: '两个日期之间的工作日数（不含起始日、含截止日；截止早于起始时为负数）',
        querystring: z.object({ from: isoDate, to: isoDate }),
        response: { 200: z.object({ from: z.string(), to: z.string(), workingDays: z.number().int() }) },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      return { from, to, workingDays: await service.countWorkingDays(db, from, to) };
    },
  );

  r.get(
    '/api/calendar/years',
    {
      config: { authenticated: true },
      schema: {
        tags,
        summary: '已录入节假日安排的年份',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                year: z.number(),
                publishedOn: z.string().nullable(),
                source: z.string(),
                complete: z.boolean(),
                holidayCount: z.number(),
                workdayCount: z.number(),
                updatedAt: z.date(),
              }),
            ),
          }),
        },
      },
    },
    async () => ({ items: await service.listYears(db) }),
  );

  r.get(
    '/api/calendar/days',
    {
      config: { authenticated: true },
      schema: { tags, summary: '某年的节假日与调休上班日', querystring: yearParam, response: { 200: yearDetail } },
    },
    async (request) => service.getYear(db, request.query.year),
  );

  r.post(
    '/api/calendar/years',
    {
      config: { permission: 'reference:manage' },
      schema: { tags, summary: '录入新一年的节假日安排（系统管理员）', body: service.addYearInput, response: { 201: yearDetail } },
    },
    async (request, reply) => reply.status(201).send(await service.addYear(db, actorOf(request), request.body)),
  );

  r.put(
    '/api/calendar/years/:year',
    {
      config: { permission: 'reference:manage' },
      schema: {
        tags,
        summary: '更正某年的节假日安排（整年替换）',
        params: yearParam,
        body: service.yearArrangementInput,
        response: { 200: yearDetail },
      },
    },
    async (request) => service.replaceYear(db, actorOf(request), request.params.year, request.body),
  );
}
