import { Test } from '@nestjs/testing';
import { EventStoreModule } from '../event-store.module';
import { events } from '../testing/contract/context';
import { createPgTestStore, type PgTestStore } from '../testing/pg-test-store';
import { Sealer } from './sealer';
import { SealerModule, SealerService } from './sealer.module';

describe('the automatic sealer', () => {
  let h: PgTestStore;
  beforeEach(async () => {
    h = await createPgTestStore();
  });
  afterEach(async () => {
    await h.close();
  });

  it('seals once N events are unsealed, a backlog in pieces of at most maxEvents', async () => {
    const sealer = new Sealer({ store: h.store, policy: { everyEvents: 5, everySeconds: 0, maxEvents: 4 } });
    await h.store.append('s-1', events(3));
    await expect(sealer.step()).resolves.toEqual([]);
    await h.store.append('s-2', events(9));
    const taken = await sealer.step();
    // 12 unsealed: 4, then 4 (8 left, then 4 left: fewer than 5, not due).
    expect(taken.map((s) => [s.sealNumber, s.eventCount])).toEqual([
      [1, 4],
      [2, 4],
    ]);
    await expect(h.store.verifyLog()).resolves.toMatchObject({ ok: true, sealsChecked: 2, unsealedEvents: 4 });
  });

  it('seals M seconds after the last seal when events are waiting, and never an empty range', async () => {
    const sealer = new Sealer({ store: h.store, policy: { everyEvents: 0, everySeconds: 1, maxEvents: 100 } });
    await expect(sealer.step()).resolves.toEqual([]);
    await h.store.append('s-1', events(2));
    expect((await sealer.step()).map((s) => s.eventCount)).toEqual([2]);
    await h.store.append('s-1', events(1), { expectedVersion: 2 });
    await expect(sealer.step()).resolves.toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await sealer.step()).map((s) => [s.sealNumber, s.eventCount])).toEqual([[2, 1]]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await expect(sealer.step()).resolves.toEqual([]);
  });

  it('two sealers at once take turns: each range sealed once', async () => {
    const policy = { everyEvents: 10, everySeconds: 0, maxEvents: 10 };
    const [a, b] = [new Sealer({ store: h.store, policy }), new Sealer({ store: h.store, policy })];
    await h.store.append('s-1', events(20));
    const taken = (await Promise.all([a.step(), b.step()])).flat();
    expect(taken.map((s) => s.sealNumber).sort()).toEqual([1, 2]);
    expect((await h.store.listSeals()).map((s) => s.eventCount)).toEqual([10, 10]);
  });

  it('runs in the app from bootstrap to shutdown', async () => {
    await h.store.append('s-1', events(3));
    const module = await Test.createTestingModule({
      imports: [
        EventStoreModule.forRoot({ kind: 'postgres', pool: h.pool, migrate: false }),
        SealerModule.forRoot({ sealEveryEvents: 1, sealEverySeconds: 0 }),
      ],
    }).compile();
    const app = await module.init();
    expect(app.get(SealerService).sealer?.enabled).toBe(true);
    const deadline = Date.now() + 10_000;
    while ((await h.store.listSeals()).length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    await app.close();
    await expect(h.store.verifyLog()).resolves.toMatchObject({ ok: true, sealsChecked: 1, unsealedEvents: 0 });
  });
});
