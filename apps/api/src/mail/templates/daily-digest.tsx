import { Heading } from '@react-email/heading';
import { Link } from '@react-email/link';
import type { ReactNode } from 'react';
import { formatInstant, formatLocalDate, localize, Localized, RenderContext } from './localized';
import { Action, Layout, Paragraph } from './layout';

/** Stage moves of one pipeline in the digest's window. */
export interface DigestMovement {
  pipeline: Localized;
  created: number;
  won: number;
  lost: number;
  moved: number;
}

export interface DigestOverdueItem {
  title: string;
  pipeline: Localized;
  stage: Localized;
  ownerName: string;
  daysOverdue: number;
  url: string;
}

export interface DigestTask {
  title: string;
  /** ISO instant. */
  dueAt: string;
  overdue: boolean;
  url: string;
}

/** One person's morning digest; each section is left out when it is absent or empty. */
export interface DailyDigestData {
  /** The working day it is for, `YYYY-MM-DD`. */
  date: string;
  recipientName: string;
  /** Managers: the moves since the previous working day. */
  movement?: { since: string; pipelines: DigestMovement[] };
  /** Managers: every overdue item, counted per pipeline, and the oldest. */
  overdue?: { total: number; byPipeline: { pipeline: Localized; count: number }[]; oldest: DigestOverdueItem[] };
  /** The recipient's open tasks due today or earlier. */
  tasks: DigestTask[];
  /** The recipient's own overdue items. */
  ownOverdue: DigestOverdueItem[];
  appUrl: string;
}

const TEXT = {
  vi: {
    subject: (date: string) => `Tóm tắt công việc ngày ${date}`,
    greeting: (name: string) => `Chào ${name}, đây là tóm tắt công việc hôm nay.`,
    movement: (since: string) => `Chuyển giai đoạn từ ${since}`,
    pipeline: 'Quy trình',
    created: 'Mới',
    won: 'Thành công',
    lost: 'Thất bại',
    moved: 'Chuyển khác',
    noMovement: 'Không có hồ sơ nào chuyển giai đoạn.',
    overdue: (total: number) => `Hồ sơ quá hạn (${total})`,
    count: 'Số hồ sơ',
    oldest: 'Quá hạn lâu nhất',
    item: 'Hồ sơ',
    stage: 'Giai đoạn',
    owner: 'Phụ trách',
    days: 'Số ngày quá hạn',
    tasks: 'Việc đến hạn hôm nay hoặc đã quá hạn',
    task: 'Việc',
    due: 'Hạn',
    late: ' (quá hạn)',
    ownOverdue: 'Hồ sơ của anh/chị đang quá hạn',
    open: 'Mở hệ thống',
  },
  en: {
    subject: (date: string) => `Your digest for ${date}`,
    greeting: (name: string) => `Good morning ${name}, here is what needs you today.`,
    movement: (since: string) => `Stage moves since ${since}`,
    pipeline: 'Pipeline',
    created: 'New',
    won: 'Won',
    lost: 'Lost',
    moved: 'Other moves',
    noMovement: 'No item changed stage.',
    overdue: (total: number) => `Overdue items (${total})`,
    count: 'Items',
    oldest: 'Longest overdue',
    item: 'Item',
    stage: 'Stage',
    owner: 'Owner',
    days: 'Working days overdue',
    tasks: 'Tasks due today or overdue',
    task: 'Task',
    due: 'Due',
    late: ' (overdue)',
    ownOverdue: 'Your overdue items',
    open: 'Open the CRM',
  },
} as const;

const cell = { border: '1px solid #d9dee5', padding: '6px 8px', fontSize: '14px', textAlign: 'left' as const };
const head = { ...cell, backgroundColor: '#f4f5f7', fontWeight: 'bold' as const };

function Table({ columns, rows }: { columns: string[]; rows: ReactNode[][] }) {
  return (
    <table
      data-text="table"
      cellPadding={0}
      cellSpacing={0}
      style={{ borderCollapse: 'collapse', width: '100%', margin: '0 0 16px' }}
    >
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} style={head}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index}>
            {row.map((value, column) => (
              <td key={column} style={cell}>
                {value}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <Heading as="h2" style={{ color: '#1c4e80', fontSize: '16px', margin: '20px 0 8px' }}>
        {title}
      </Heading>
      {children}
    </>
  );
}

export function dailyDigestSubject(data: DailyDigestData, { language }: RenderContext): string {
  return TEXT[language].subject(formatLocalDate(data.date, language));
}

export function DailyDigestEmail({ data, context }: { data: DailyDigestData; context: RenderContext }) {
  const { language, timeZone } = context;
  const t = TEXT[language];
  const l = (text: Localized) => localize(text, language);
  const itemRows = (items: DigestOverdueItem[], withOwner: boolean) =>
    items.map((item) => [
      <Link key="link" href={item.url}>
        {item.title}
      </Link>,
      l(item.pipeline),
      l(item.stage),
      ...(withOwner ? [item.ownerName] : []),
      String(item.daysOverdue),
    ]);
  const greeting = t.greeting(data.recipientName);
  return (
    <Layout context={context} heading={dailyDigestSubject(data, context)} preview={greeting}>
      <Paragraph>{greeting}</Paragraph>
      {data.movement ? (
        <Section title={t.movement(formatLocalDate(data.movement.since, language))}>
          {data.movement.pipelines.length ? (
            <Table
              columns={[t.pipeline, t.created, t.won, t.lost, t.moved]}
              rows={data.movement.pipelines.map((row) => [
                l(row.pipeline),
                String(row.created),
                String(row.won),
                String(row.lost),
                String(row.moved),
              ])}
            />
          ) : (
            <Paragraph>{t.noMovement}</Paragraph>
          )}
        </Section>
      ) : null}
      {data.overdue && data.overdue.total > 0 ? (
        <Section title={t.overdue(data.overdue.total)}>
          <Table
            columns={[t.pipeline, t.count]}
            rows={data.overdue.byPipeline.map((row) => [l(row.pipeline), String(row.count)])}
          />
          <Paragraph>{t.oldest}</Paragraph>
          <Table columns={[t.item, t.pipeline, t.stage, t.owner, t.days]} rows={itemRows(data.overdue.oldest, true)} />
        </Section>
      ) : null}
      {data.tasks.length ? (
        <Section title={t.tasks}>
          <Table
            columns={[t.task, t.due]}
            rows={data.tasks.map((task) => [
              <Link key="link" href={task.url}>
                {task.title}
              </Link>,
              formatInstant(task.dueAt, language, timeZone) + (task.overdue ? t.late : ''),
            ])}
          />
        </Section>
      ) : null}
      {data.ownOverdue.length ? (
        <Section title={t.ownOverdue}>
          <Table columns={[t.item, t.pipeline, t.stage, t.days]} rows={itemRows(data.ownOverdue, false)} />
        </Section>
      ) : null}
      <Action href={data.appUrl} label={t.open} />
    </Layout>
  );
}
