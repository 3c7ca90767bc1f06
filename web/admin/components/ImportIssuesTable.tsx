import { Table } from 'antd';
import type { CSSProperties } from 'react';

export interface ImportIssueRow {
  row: number;
  column: string;
  cell?: string | null;
  message: string;
}

/** The per-cell problems of an xlsx import preview: Excel row number, cell, column, what to fix. */
export function ImportIssuesTable({ issues, style }: { issues: ImportIssueRow[]; style?: CSSProperties }) {
  return (
    <Table<ImportIssueRow>
      rowKey={(r, i) => `${r.row}-${r.column}-${i}`}
      size="small"
      dataSource={issues}
      pagination={{ pageSize: 20, showSizeChanger: true }}
      columns={[
        { title: '行号', dataIndex: 'row', width: 80, sorter: (a, b) => a.row - b.row },
        { title: '单元格', dataIndex: 'cell', width: 90, render: (v) => v ?? '—' },
        {
          title: '列',
          dataIndex: 'column',
          width: 200,
          filters: [...new Set(issues.map((i) => i.column))].map((c) => ({ text: c, value: c })),
          onFilter: (v, r) => r.column === v,
        },
        { title: '问题及修改方法', dataIndex: 'message' },
      ]}
      style={style}
    />
  );
}
