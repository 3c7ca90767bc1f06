import { Descriptions, Empty, Space, Tag, Typography } from 'antd';
import type { TriageProposal } from '../api/complaints.js';
import { categoryLabel, deptLabel } from './shared.js';

const CUE_COLORS: Record<string, string> = { category: 'blue', department: 'purple', urgency: 'red', exclusion: 'default' };
const CUE_KIND_LABELS: Record<string, string> = { category: '类别', department: '部门', urgency: '紧急', exclusion: '排除' };

/** The triage engine's proposal and the cues (verbatim phrases of the text) it matched. */
export function TriagePanel({ proposal, title = '系统研判建议' }: { proposal: TriageProposal | null | undefined; title?: string }) {
  if (!proposal) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="输入诉求内容后自动研判" />;
  const cues = proposal.cues.filter((c, i, all) => all.findIndex((o) => o.label === c.label && o.matched === c.matched) === i);
  return (
    <Descriptions size="small" column={1} title={<Typography.Text strong>{title}</Typography.Text>}>
      <Descriptions.Item label="问题类别">{categoryLabel(proposal.category)}</Descriptions.Item>
      <Descriptions.Item label="主办部门">{deptLabel(proposal.leadDepartment)}</Descriptions.Item>
      <Descriptions.Item label="协办部门">{proposal.coDepartments.length ? proposal.coDepartments.map(deptLabel).join('、') : '无'}</Descriptions.Item>
      <Descriptions.Item label="紧急程度">{proposal.urgent ? <Tag color="red">紧急（正在发生的侵害）</Tag> : '一般'}</Descriptions.Item>
      {proposal.project ? <Descriptions.Item label="识别项目">{proposal.project.name}</Descriptions.Item> : null}
      {proposal.enterprise ? <Descriptions.Item label="识别企业">{proposal.enterprise.name}</Descriptions.Item> : null}
      <Descriptions.Item label="依据线索">
        {cues.length ? (
          <Space size={[4, 4]} wrap>
            {cues.map((c, i) => (
              <Tag key={i} color={CUE_COLORS[c.kind] ?? 'default'} title={`${CUE_KIND_LABELS[c.kind] ?? c.kind}：${c.label}`}>
                「{c.matched}」{c.label}
              </Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">未匹配到明确线索，请人工判断</Typography.Text>
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}
