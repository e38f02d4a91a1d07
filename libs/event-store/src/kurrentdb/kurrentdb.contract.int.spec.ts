import { runEventStoreContract } from '../testing/event-store.contract';
import { KurrentDbEventStore } from './kurrentdb-event-store';

const url = process.env.KURRENTDB_URL;

if (url) {
  runEventStoreContract('KurrentDB', () => KurrentDbEventStore.connect(url));
} else {
  console.warn(
    'KurrentDB contract suite skipped: set KURRENTDB_URL (e.g. kurrentdb://127.0.0.1:2113?tls=false) to run it against a server',
  );
  it.skip('KurrentDB contract suite skipped: set KURRENTDB_URL to run it against a server', () => undefined);
}
