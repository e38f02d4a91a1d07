import { useUnit } from '../app/unit';

export function QueuePage() {
  const { unitId, unitName } = useUnit();
  return <h1>Hàng đợi của {unitName(unitId)}</h1>;
}
