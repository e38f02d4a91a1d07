import type { ScenarioDefinition } from './scenario-definition';

const DISTRICT_PROCEDURES = ['H-HKD-01', 'H-HKD-02', 'H-HTX-01', 'H-XD-01', 'H-DD-01', 'H-DD-02', 'H-CT-03'];
const PROVINCE_PROCEDURES = [
  'T-DKDN-01',
  'T-DKDN-02',
  'T-DKDN-03',
  'T-DT-01',
  'T-LLTP-01',
  'T-GPLX-01',
  'T-VT-01',
  'T-LD-01',
  'T-XD-01',
  'T-DUOC-01',
];

/**
 * Thừa Thiên Huế, 10/6/2020 → 04/9/2020: the figures of the Q3-2020 administrative reform report (§ II.3.b),
 * as calibration targets. The report gives received, resolved (early / on time / late), in progress and postal
 * receipts; it does not say how many dossiers were carried over, nor where the district line's
 * 41.085 − 33.445 − 6.503 = 1.137 other dossiers went. This scenario names them: carried over, withdrawn,
 * stopped, waiting for supplementary documents, waiting for fees — chosen, and shown by the reconciliation.
 */
export const HUE_2020_Q3: ScenarioDefinition = {
  id: 'hue-2020-q3',
  description:
    'Thừa Thiên Huế, Trung tâm Phục vụ hành chính công tỉnh và 9 Trung tâm Hành chính công cấp huyện, 10/6/2020 – 04/9/2020',
  period: { from: '2020-06-10', to: '2020-09-04' },
  carryOverWindowWorkingDays: 30,
  lines: [
    {
      name: 'Trung tâm Phục vụ hành chính công tỉnh',
      units: [{ unitId: 'tth-pvhcc', weight: 1 }],
      procedures: PROVINCE_PROCEDURES,
      received: { postal: 1940, onlineShare: 0.18 },
      // 1.199 carried over + 26.286 received = 22.174 resolved + 4.111 in progress + 1.200 elsewhere
      carriedOver: 1199,
      resolved: { early: 16305, onTime: 4765, late: 1104 },
      inProgress: { total: 4111, overdue: 247 },
      withdrawn: 400,
      stopped: 100,
      waitingSupplement: 600,
      waitingFinancialObligation: 100,
      realism: {
        supplementCycle: 0.08,
        transfer: 0.04,
        transferTo: 'tth',
        rescheduleLate: 0.5,
        returned: 0.7,
        financialCycle: 0.03,
      },
    },
    {
      name: 'Trung tâm Hành chính công cấp huyện',
      units: [
        { unitId: 'tth-hcc-hue', weight: 30 },
        { unitId: 'tth-hcc-huong-thuy', weight: 12 },
        { unitId: 'tth-hcc-huong-tra', weight: 11 },
        { unitId: 'tth-hcc-phong-dien', weight: 10 },
        { unitId: 'tth-hcc-quang-dien', weight: 8 },
        { unitId: 'tth-hcc-phu-vang', weight: 11 },
        { unitId: 'tth-hcc-phu-loc', weight: 10 },
        { unitId: 'tth-hcc-a-luoi', weight: 5 },
        { unitId: 'tth-hcc-nam-dong', weight: 3 },
      ],
      procedures: DISTRICT_PROCEDURES,
      received: { postal: 4774, onlineShare: 0.12 },
      // 2.863 carried over + 41.085 received = 33.445 resolved + 6.503 in progress + 4.000 elsewhere (1.137 + 2.863)
      carriedOver: 2863,
      resolved: { early: 23060, onTime: 8522, late: 1863 },
      inProgress: { total: 6503, overdue: 520 },
      withdrawn: 1200,
      stopped: 300,
      waitingSupplement: 2000,
      waitingFinancialObligation: 500,
      realism: {
        supplementCycle: 0.1,
        transfer: 0.05,
        transferTo: 'tth',
        rescheduleLate: 0.5,
        returned: 0.6,
        financialCycle: 0.05,
      },
    },
  ],
};
