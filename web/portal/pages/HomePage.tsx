import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { PORTAL_ROUTES } from '../routes.js';

export default function HomePage() {
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 20 }}>物业管理领域侵害群众利益问题专项整治</Typography.Title>
      <Typography.Paragraph>
        停水停电催费、占用公共部位经营、泄露业主信息、擅自撤离、不公示收费、乱收费……遇到这些问题，您可以在这里查询各部门投诉举报电话、提交投诉并查询办理进度。
      </Typography.Paragraph>
      <Row gutter={[12, 12]}>
        {PORTAL_ROUTES.filter((r) => r.path !== '/portal' && r.nav !== false).map((r) => (
          <Col xs={12} md={6} key={r.path}>
            {/* A link, so the tile is reachable by Tab and announced as a link. */}
            <Link to={r.path} style={{ display: 'block' }}>
              <Card hoverable style={{ textAlign: 'center' }}>
                {r.title}
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
