import fc from 'fast-check';

/** Values and bodies for the HTTP fuzz test: plausible values (to reach the domain) mixed with hostile ones. */

const CENTRE = 'tth-pvhcc';

/** Text PostgreSQL cannot store, text that looks like code, lengths around the limits, odd Unicode. */
export const hostileText = fc.constantFrom(
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '\udc00\ud800',
  '📄\ud83d',
  '\u202eRTL',
  "'; DROP TABLE event_store.events; --",
  '$1',
  '%00',
  '\\u0000',
  'x'.repeat(2001),
  'y'.repeat(100),
  ' ',
  '\t\n',
  'Công dân đề nghị rút hồ sơ',
);

export const plausible = fc.constantFrom(
  CENTRE,
  'tth-hcc-huong-thuy',
  'hue-pvhcc',
  'T-DKDN-01',
  'H-HT-01',
  'counter',
  'online',
  'postal',
  'approved',
  'refused',
  '2020-09-01T02:00:00Z',
  '2020-09-15',
  '2020-09-30',
  '2999-01-01T00:00:00Z',
  '2020-02-30',
  '',
);

export const scalar = fc.oneof(
  { weight: 3, arbitrary: plausible },
  { weight: 3, arbitrary: hostileText },
  { weight: 2, arbitrary: fc.string({ maxLength: 30, unit: 'binary' }) },
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);

export const FIELDS = [
  'procedureCode',
  'receivingUnitId',
  'competentUnitId',
  'channel',
  'receivedAt',
  'refusedAt',
  'applicantReference',
  'reason',
  'at',
  'outcome',
  'via',
  'toUnitId',
  'stepDueDate',
  'newAppointmentDate',
  'changes',
  'documents',
  'amount',
  'description',
  'correctsPosition',
  'format',
  'content',
  'source',
  '__proto__',
  'constructor',
  'a\u0000',
] as const;

const field = fc.constantFrom(...FIELDS);
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), fc.dictionary(field, scalar, { maxKeys: 3 }));

/** A JSON body: mostly an object of known fields (some right, some wrong), sometimes anything. */
export const jsonBody = fc.oneof(
  { weight: 6, arbitrary: fc.dictionary(field, value, { maxKeys: 7 }) },
  { weight: 1, arbitrary: value },
);

/** Reference-data uploads: the empty set, `[{}]`, broken calendars, CSV, deep nesting inside the content, NUL escapes. */
export const referenceBody = fc.record(
  {
    format: fc.oneof(fc.constantFrom('json', 'csv'), scalar),
    content: fc.oneof(
      fc.constantFrom(
        '[]',
        '[{}]',
        '{}',
        '[null]',
        '{"records":[]}',
        '[{"year":2020}]',
        '[{"year":2020,"notice":"n","daysOff":[{}]}]',
        '[{"year":2020,"notice":"n","daysOff":[{"date":"2020-01-01","name":"\\u0000"}]}]',
        '[{"year":1e400}]',
        'id,code,name\n',
        'code,name,level\nA,\u0000,x',
        `[${'['.repeat(3000)}${']'.repeat(3000)}]`,
        `[{"name":${'['.repeat(3000)}1${']'.repeat(3000)}}]`,
      ),
      fc.json({ maxDepth: 3 }),
      scalar,
    ),
    source: scalar,
  },
  { requiredKeys: [] },
);

/** Raw bodies the JSON parser must refuse cleanly: malformed, deeply nested (~4 KB), oversized, empty. */
export const rawBody = fc.oneof(
  fc.constantFrom('{"procedureCode":', '{', ']', 'null', '"x"', '', '{"a":1}}', '\u0000'),
  fc.integer({ min: 1000, max: 3000 }).map((n) => `{"reason":${'['.repeat(n)}${']'.repeat(n)}}`),
  fc.integer({ min: 1000, max: 3000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`),
  fc.constant(`{"reason":"${'x'.repeat(120 * 1024)}"}`),
  fc.string({ maxLength: 40 }),
);

/** Header values Node's client can send (latin1 printable), for Idempotency-Key, If-Match and X-Correlation-Id. */
export const headerValue = fc.oneof(
  fc.constantFrom('1', '"2"', 'W/"3"', '-1', '99999999999999999999', 'abc', 'qu\xe0y', 'k-1', 'k-2'),
  fc.string({
    maxLength: 40,
    unit: fc
      .integer({ min: 0x20, max: 0xff })
      .filter((c) => c !== 0x7f)
      .map((c) => String.fromCharCode(c)),
  }),
);

/** Query parameters of GET /api/v1/reports/dossier-figures. */
export const reportQuery = fc.dictionary(
  fc.constantFrom('from', 'to', 'unit', 'level', 'groupBy', 'asKnownAt', 'source', 'format', 'extra', 'from[]'),
  fc.oneof(
    fc.constantFrom(
      '2020-06-10',
      '2020-09-04',
      '2020-02-30',
      '2019-01-01',
      '2099-12-31',
      '1900-01-01',
      CENTRE,
      'tth-pvhcc,tth-hcc-huong-thuy',
      'nowhere',
      'province',
      'district',
      'province,district',
      'unit',
      'level',
      'procedure',
      'none',
      'read-model',
      'replay',
      'json',
      'csv',
      'text',
      '2020-09-05T17:00:00+07:00',
      '2020-09-05',
      'now',
    ),
    hostileText,
    fc.string({ maxLength: 20, unit: 'binary' }),
  ),
  { maxKeys: 6 },
);

const AT = '2020-09-02T02:00:00Z';
/** A body each write endpoint accepts in some state, so that mutations of it reach the domain and the store. */
export const VALID_BODIES: Record<string, Record<string, unknown>> = {
  '/api/v1/dossiers': {
    procedureCode: 'T-DKDN-01',
    receivingUnitId: CENTRE,
    channel: 'counter',
    receivedAt: '2020-09-01T02:00:00Z',
    applicantReference: 'CCCD 1',
  },
  '/api/v1/receipt-refusals': {
    procedureCode: 'T-DKDN-01',
    receivingUnitId: CENTRE,
    channel: 'counter',
    reason: 'không thuộc thẩm quyền',
  },
  transfer: { toUnitId: 'tth-hcc-huong-thuy', reason: 'liên thông', at: AT },
  'request-supplement': { reason: 'thiếu giấy tờ', documents: ['Bản sao', 'Tờ khai'], at: AT },
  'receive-supplement': { at: AT },
  'request-financial-obligation': { amount: 50000, description: 'Lệ phí', at: AT },
  'fulfil-financial-obligation': { at: AT },
  reschedule: { newAppointmentDate: '2020-09-30', reason: 'xin lỗi', at: AT },
  'record-result': { outcome: 'refused', reason: 'không đủ điều kiện', at: AT },
  'return-result': { via: 'counter', at: AT },
  withdraw: { reason: 'công dân rút', at: AT },
  stop: { reason: 'dừng', at: AT },
  correct: { reason: 'sửa', changes: { channel: 'online', receivingUnitId: CENTRE } },
};

/** A valid body for the path with one field changed (or removed, or one added). */
export const mutatedBody = (path: string): fc.Arbitrary<Record<string, unknown>> => {
  const valid = VALID_BODIES[path] ?? VALID_BODIES[path.split('/').pop() as string] ?? {};
  const keys = Object.keys(valid);
  const key = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...(keys.length > 0 ? keys : FIELDS)) },
    { weight: 1, arbitrary: fc.constantFrom(...FIELDS) },
  );
  const replacement = fc.oneof(
    { weight: 3, arbitrary: hostileText },
    { weight: 2, arbitrary: value },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  return fc.tuple(key, replacement).map(([key, replacement]) => {
    const body: Record<string, unknown> = { ...valid };
    if (replacement === undefined) delete body[key];
    else body[key] = replacement;
    return body;
  });
};
