import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useSession } from '../../app/session.js';
import { type CampaignOption, loadCampaigns } from './api.js';

/** Picks the campaign a page works on; selects the user's own region's campaign on first load. */
export function useCampaign(): [string | undefined, (id: string) => void, CampaignOption[]] {
  const { me } = useSession();
  const [options, setOptions] = useState<CampaignOption[]>([]);
  const [id, setId] = useState<string>();
  useEffect(() => {
    void loadCampaigns(me?.region.code).then((r) => {
      setOptions(r.options);
      setId((cur) => cur ?? r.preferred);
    });
  }, [me?.region.code]);
  return [id, setId, options];
}

export function CampaignPicker(props: { value?: string; onChange: (id: string) => void; options: CampaignOption[] }) {
  return (
    <Select
      style={{ minWidth: 320 }}
      value={props.value}
      onChange={props.onChange}
      placeholder="选择专项行动"
      options={props.options.map((c) => ({ value: c.id, label: `${c.title}（${c.regionName}）` }))}
    />
  );
}
