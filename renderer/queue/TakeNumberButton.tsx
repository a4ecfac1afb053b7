import { Bilingual, useBoth } from '../components/Bilingual';
import { useHubStatus } from './useHub';

/** "Lấy số thứ tự" on a kiosk paired with the centre hub (shown while the hub is away too: the kiosk then numbers from its block). */
export function TakeNumberButton({ onClick }: { onClick: () => void }) {
  const both = useBoth();
  const hub = useHubStatus();
  if (!hub || hub.state === 'unpaired' || hub.role !== 'kiosk') return null;
  return (
    <button type="button" className="btn btn-primary take-number-button" onClick={onClick}>
      <Bilingual text={both('queue.button')} />
    </button>
  );
}
