import { APPLICANTS, type ApplicantInput, type Needle, findNeedles, needlesOf } from './personal-data';

/**
 * What a counter does with applicants in a day, against a running app (`url`), as a clerk of `unit` and an
 * administrator: refused receipts (bad CCCD, bad phone, bad e-mail, a name with a digit, a NUL, malformed JSON…), a
 * correct one, its repeat with the same Idempotency-Key, the key reused for another body, a returning applicant, reads
 * and look-ups (ID number, phone, name in query strings), a supervisor's correction (and a refused one), then the
 * erasure. Asserts each answer, and that no error
 * answer echoes a personal value. Returns every personal value sent, for the caller's grep.
 */
export async function runApplicantRequests(
  url: string,
  tokens: { clerk: string; supervisor: string; admin: string },
  unit: string,
): Promise<ApplicantRequestsResult> {
  const needles: Needle[] = [];
  const call = async (
    method: string,
    path: string,
    options: { body?: unknown; raw?: string; token?: string; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; text: string; json: Record<string, unknown>; headers: Headers }> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${options.token ?? tokens.clerk}`,
        ...(options.body !== undefined || options.raw !== undefined ? { 'content-type': 'application/json' } : {}),
        ...options.headers,
      },
      body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    const text = await response.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      /* not JSON */
    }
    return { status: response.status, text, json, headers: response.headers };
  };
  const receipt = (applicant: unknown, extra: Record<string, unknown> = {}) => ({
    procedureCode: 'H-HKD-01',
    receivingUnitId: unit,
    channel: 'counter',
    receivedAt: '2020-09-01T02:00:00Z',
    applicant,
    ...extra,
  });
  /** A refused request: its status, the fields it names, and not one personal value of `sent` in the answer. */
  const refused = async (
    label: string,
    sent: ApplicantInput,
    request: Promise<Awaited<ReturnType<typeof call>>>,
    expected: { status: number; code: string; fields?: string[] },
  ): Promise<void> => {
    const own = needlesOf(sent);
    needles.push(...own);
    const answer = await request;
    const errors = (answer.json.errors ?? []) as { field: string }[];
    expect({ label, status: answer.status, code: answer.json.code }).toEqual({
      label,
      status: expected.status,
      code: expected.code,
    });
    if (expected.fields)
      expect({ label, fields: errors.map((e) => e.field) }).toEqual({ label, fields: expected.fields });
    expect({ label, echoed: findNeedles(answer.text, own) }).toEqual({ label, echoed: [] });
  };

  // 1. Refused receipts: each names the field and the rule, never the value.
  const badNumbers: ApplicantInput = {
    kind: 'citizen',
    fullName: 'Hồ Thị Thu Trang',
    idDocument: { kind: 'cccd', number: '04619200567' }, // 11 digits
    phone: '0165 432 1987', // the old 11-digit mobile numbers
    email: 'thutrang.ho@example.vn',
  };
  await refused('bad CCCD and phone', badNumbers, call('POST', '/api/v1/dossiers', { body: receipt(badNumbers) }), {
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['applicant.idDocument.number', 'applicant.phone'],
  });
  const badEmail: ApplicantInput = {
    kind: 'citizen',
    fullName: 'Đặng Văn Quý',
    idDocument: { kind: 'cccd', number: '046090112233' },
    phone: '0905 112 233',
    email: 'quy.dang@@example.vn',
  };
  await refused('bad e-mail', badEmail, call('POST', '/api/v1/dossiers', { body: receipt(badEmail) }), {
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['applicant.email'],
  });
  const digitInName: ApplicantInput = {
    kind: 'citizen',
    fullName: 'Trương Công Định 2',
    idDocument: { kind: 'cccd', number: '046088445566' },
    phone: '0914 445 566',
  };
  await refused('a digit in the name', digitInName, call('POST', '/api/v1/dossiers', { body: receipt(digitInName) }), {
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['applicant.fullName'],
  });
  const nulInName: ApplicantInput = {
    kind: 'citizen',
    fullName: 'Võ Thị Sáu\u0000',
    idDocument: { kind: 'cccd', number: '046099778899' },
    phone: '0916 778 899',
  };
  await refused(
    'a NUL in the name',
    { ...nulInName, fullName: 'Võ Thị Sáu' },
    call('POST', '/api/v1/dossiers', { body: receipt(nulInName) }),
    { status: 400, code: 'VALIDATION_FAILED', fields: ['applicant.fullName'] },
  );
  const organisationWithCccd: ApplicantInput = {
    kind: 'organisation',
    fullName: 'Công ty TNHH Hương Giang Xanh',
    idDocument: { kind: 'cccd', number: '046123456789' },
    phone: '0234 3999 111',
  };
  await refused(
    'an organisation with a CCCD',
    organisationWithCccd,
    call('POST', '/api/v1/dossiers', { body: receipt(organisationWithCccd) }),
    { status: 400, code: 'VALIDATION_FAILED', fields: ['applicant.idDocument.kind'] },
  );
  const badPassportAndBirth: ApplicantInput = {
    kind: 'citizen',
    fullName: 'Mai Thị Kim Liên',
    idDocument: { kind: 'passport', number: 'C1234' },
    dateOfBirth: '2099-01-01',
    phone: '0987 001 002',
  };
  await refused(
    'a bad passport number and a birth in the future',
    badPassportAndBirth,
    call('POST', '/api/v1/dossiers', { body: receipt(badPassportAndBirth) }),
    { status: 400, code: 'VALIDATION_FAILED', fields: ['applicant.idDocument.number', 'applicant.dateOfBirth'] },
  );
  const malformed: ApplicantInput = {
    kind: 'citizen',
    fullName: 'Bùi Xuân Phái',
    idDocument: { kind: 'cccd', number: '046077665544' },
    phone: '0932 665 544',
  };
  await refused(
    'malformed JSON',
    malformed,
    call('POST', '/api/v1/dossiers', { raw: JSON.stringify(receipt(malformed)).slice(0, -30) + ',}' }),
    { status: 400, code: 'MALFORMED_BODY' },
  );
  const unknownProcedure: ApplicantInput = {
    kind: 'citizen',
    fullName: 'Hoàng Văn Tiến',
    idDocument: { kind: 'cccd', number: '046066554433' },
    phone: '0913 554 433',
  };
  await refused(
    'an unknown procedure',
    unknownProcedure,
    call('POST', '/api/v1/dossiers', { body: receipt(unknownProcedure, { procedureCode: 'X-KHONG-CO' }) }),
    { status: 404, code: 'PROCEDURE_NOT_FOUND' },
  );

  // 2. A correct receipt, its repeat, the key reused for another body, a returning applicant.
  const yen = APPLICANTS.yen;
  needles.push(...needlesOf(yen));
  const key = { 'idempotency-key': `applicant-requests-${unit}-1` };
  const first = await call('POST', '/api/v1/dossiers', { body: receipt(yen), headers: key });
  expect(first.status).toBe(201);
  const dossierId = first.json.id as string;
  const applicantId = (first.json.applicant as { applicantId: string }).applicantId;
  expect(first.json.applicant).toEqual({ applicantId });
  expect(findNeedles(first.text, needlesOf(yen))).toEqual([]);
  const repeat = await call('POST', '/api/v1/dossiers', { body: receipt(yen), headers: key });
  expect(repeat.status).toBe(201);
  expect(repeat.headers.get('idempotent-replayed')).toBe('true');
  expect(repeat.json.id).toBe(dossierId);
  const otherPhone = { ...yen, phone: '+84 935 111 222' };
  await refused(
    'the key reused for another body',
    otherPhone,
    call('POST', '/api/v1/dossiers', { body: receipt(otherPhone), headers: key }),
    { status: 422, code: 'IDEMPOTENCY_KEY_REUSED' },
  );
  const returning = await call('POST', '/api/v1/dossiers', { body: receipt(yen) });
  expect(returning.status).toBe(201);
  expect((returning.json.applicant as { applicantId: string }).applicantId).toBe(applicantId);

  // 3. Reads and look-ups: the details to the clerk of the unit; the history holds them sealed only.
  const read = await call('GET', `/api/v1/dossiers/${dossierId}`);
  expect(read.status).toBe(200);
  expect((read.json.applicant as { details: { fullName: string } }).details.fullName).toBe(yen.fullName);
  expect(findNeedles(read.text, needlesOf(yen)).length).toBeGreaterThan(3); // the grep finds what is there
  const history = await call('GET', `/api/v1/dossiers/${dossierId}/history`);
  expect(history.status).toBe(200);
  expect(history.json.events).toHaveLength(1);
  expect(findNeedles(JSON.stringify(history.json.events), needlesOf(yen))).toEqual([]); // the events: sealed
  const lookUps = [
    `idKind=cccd&idNumber=${yen.idDocument.number}`,
    `phone=${encodeURIComponent(yen.phone)}`,
    `name=${encodeURIComponent('tôn nữ thị hoàng yến')}`,
  ];
  for (const query of lookUps) {
    const found = await call('GET', `/api/v1/applicants/dossiers?${query}`);
    expect({ query, status: found.status }).toEqual({ query, status: 200 });
    expect((found.json as unknown as { dossierId: string }[]).map((d) => d.dossierId)).toContain(dossierId);
  }
  await refused(
    'a look-up by ID number without its kind',
    yen,
    call('GET', `/api/v1/applicants/dossiers?idNumber=${yen.idDocument.number}`),
    { status: 400, code: 'VALIDATION_FAILED', fields: ['idNumber'] },
  );
  await refused(
    'a look-up by a phone too long',
    yen,
    call('GET', `/api/v1/applicants/dossiers?phone=${encodeURIComponent(`${yen.phone} / ${yen.phone}`)}`),
    { status: 400, code: 'VALIDATION_FAILED', fields: ['phone'] },
  );
  await refused(
    'a mistyped look-up URL',
    yen,
    call('GET', `/api/v1/applicant/dossiers?idKind=cccd&idNumber=${yen.idDocument.number}&phone=${yen.phone}`),
    { status: 404, code: 'NOT_FOUND' },
  );
  await refused(
    'an unknown idKind',
    yen,
    call('GET', `/api/v1/applicants/dossiers?idKind=cccd-x&idNumber=${yen.idDocument.number}`),
    { status: 400, code: 'VALIDATION_FAILED', fields: ['idKind'] },
  );

  // 4. A supervisor corrects the details (new phone and e-mail); a correction with a bad CCCD is refused.
  const corrected = { ...yen, phone: '0905 135 790', email: 'yen.tonnu.hoang@example.vn' };
  needles.push(...needlesOf(corrected));
  const correction = await call('POST', `/api/v1/dossiers/${dossierId}/correct`, {
    token: tokens.supervisor,
    body: { reason: 'Nhập nhầm số điện thoại và thư điện tử', changes: { applicant: corrected } },
  });
  expect(correction.status).toBe(200);
  expect(findNeedles(correction.text, needlesOf(corrected))).toEqual([]);
  const badCorrection = { ...yen, idDocument: { kind: 'cccd' as const, number: '04630100456X' } };
  await refused(
    'a correction with a bad CCCD',
    badCorrection,
    call('POST', `/api/v1/dossiers/${dossierId}/correct`, {
      token: tokens.supervisor,
      body: { reason: 'Nhập nhầm số CCCD', changes: { applicant: badCorrection } },
    }),
    { status: 400, code: 'VALIDATION_FAILED', fields: ['changes.applicant.idDocument.number'] },
  );
  const byNewPhone = await call('GET', `/api/v1/applicants/dossiers?phone=${encodeURIComponent(corrected.phone)}`);
  expect((byNewPhone.json as unknown as { dossierId: string }[]).map((d) => d.dossierId)).toContain(dossierId);

  // 5. The erasure: the marker where the details were; the look-ups find nothing.
  const erasure = await call('POST', `/api/v1/applicants/${applicantId}/erasure`, {
    token: tokens.admin,
    body: { legalBasis: 'Điều 16 Nghị định 13/2023/NĐ-CP', reason: 'Chủ thể dữ liệu yêu cầu xoá (phiếu số 12/2026)' },
  });
  expect(erasure.status).toBe(200);
  const erased = await call('GET', `/api/v1/dossiers/${dossierId}`);
  expect(erased.json.applicant).toEqual({ applicantId, erased: '[đã xoá theo yêu cầu]' });
  for (const query of [...lookUps, `phone=${encodeURIComponent(corrected.phone)}`]) {
    const found = await call('GET', `/api/v1/applicants/dossiers?${query}`);
    expect({ query, found: found.json }).toEqual({ query, found: [] });
  }
  return { needles, dossierId, applicantId };
}

export interface ApplicantRequestsResult {
  /** Every personal value the requests sent (valid or not). */
  needles: Needle[];
  dossierId: string;
  applicantId: string;
}
