import fc from 'fast-check';
import { isReceived } from '../dossier/state';
import { dossierScriptArb, runScript } from '../testing/dossier-generators';
import { statusOf } from './bucket';
import { dossierRecordFrom } from './dossier-record';

/** The two folds of a dossier's events — the decider's state and the figures' record — tell the same story. */
describe('the record and the decider over random but valid histories', () => {
  it('agree on the status and on every fact a correction changes', () => {
    fc.assert(
      fc.property(fc.array(dossierScriptArb(), { minLength: 1, maxLength: 20 }), (scripts) => {
        for (const [i, script] of scripts.entries()) {
          const { events, state } = runScript(script, i);
          const record = dossierRecordFrom(events);
          if (!isReceived(state)) {
            expect(record).toBeNull();
            continue;
          }
          expect(record).not.toBeNull();
          const { receivedAt, channel, receivingUnitId, competentUnitId, currentUnitId, procedureCode, dueDate } =
            state.dossier;
          expect(record).toMatchObject({
            receivedAt,
            channel,
            receivingUnitId,
            competentUnitId,
            currentUnitId,
            procedureCode,
            dueDate,
          });
          expect(record!.resultAt).toBe(
            state.status === 'resolved' || state.status === 'returned' ? state.result.recordedAt : null,
          );
          expect(statusOf(record!)).toBe(state.status);
        }
      }),
      { numRuns: 200 },
    );
  });
});
