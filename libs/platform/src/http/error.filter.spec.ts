import { type ArgumentsHost, BadRequestException, NotFoundException } from '@nestjs/common';
import { ErrorFilter } from './error.filter';

/** The body the filter answers `exception` with. */
function answer(exception: unknown): Record<string, unknown> {
  let body: Record<string, unknown> = {};
  const response = { status: () => response, json: (b: Record<string, unknown>) => (body = b) };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new ErrorFilter().catch(exception, host);
  return body;
}

describe('ErrorFilter: no error answer echoes what the request carried', () => {
  it("a URL no route serves is named without its query string (a look-up's ID number, phone or name)", () => {
    expect(
      answer(new NotFoundException('Cannot GET /api/v1/applicant/dossiers?idKind=cccd&idNumber=046301004567')),
    ).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'Cannot GET /api/v1/applicant/dossiers' });
    expect(answer(new NotFoundException('Cannot POST /api/v1/nothing'))).toMatchObject({
      message: 'Cannot POST /api/v1/nothing',
    });
  });

  it("malformed JSON is answered without the parser's words, which quote the body", () => {
    let syntaxError: SyntaxError | undefined;
    try {
      JSON.parse('{"fullName": Tôn Nữ Thị Hoàng Yến}');
    } catch (error) {
      syntaxError = error as SyntaxError;
    }
    const body = answer(new BadRequestException(syntaxError?.message, { cause: syntaxError }));
    expect(body).toEqual({ statusCode: 400, code: 'MALFORMED_BODY', message: 'The request body is not valid JSON.' });
  });
});
