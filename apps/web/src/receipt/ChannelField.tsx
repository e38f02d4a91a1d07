import { CHANNEL_LABELS } from '../lib/labels';
import type { Channel } from './receipt-draft';

const CHANNELS: Channel[] = ['counter', 'online', 'postal'];

/** How the dossier arrived: native radios (Tab reaches the group, arrows choose). */
export function ChannelField({ value, onValue }: { value: Channel; onValue(value: Channel): void }) {
  return (
    <fieldset className="radio-group">
      <legend>Hình thức nộp hồ sơ</legend>
      <div className="radio-row">
        {CHANNELS.map((channel) => (
          <label key={channel} className="radio">
            <input
              type="radio"
              name="channel"
              value={channel}
              checked={value === channel}
              onChange={() => onValue(channel)}
            />
            {CHANNEL_LABELS[channel]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
