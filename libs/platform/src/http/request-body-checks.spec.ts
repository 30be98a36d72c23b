import { BadRequestException } from '@nestjs/common';
import { IsOptional, IsString } from 'class-validator';
import { createValidationPipe } from './validation.pipe';
import { depthOf, MAX_BODY_DEPTH } from './request-body-checks';

class NoteDto {
  @IsString()
  text!: string;

  @IsOptional()
  @IsString()
  author?: string;
}

function nested(levels: number): unknown {
  let body: unknown = {};
  for (let level = 1; level < levels; level += 1) body = { a: body };
  return body;
}

describe('request body checks before transformation', () => {
  it('measures nesting without recursion, even 100,000 levels deep', () => {
    expect(depthOf({ a: [{ b: 1 }] })).toBe(3);
    expect(depthOf(nested(100_000))).toBe(MAX_BODY_DEPTH + 1);
  });

  it('refuses a deeply nested body with 400 REQUEST.TOO_DEEP (class-transformer would overflow the stack)', async () => {
    const error = await createValidationPipe()
      .transform({ text: 'x', extra: nested(5_000) }, { type: 'body', metatype: NoteDto })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as BadRequestException).getResponse()).toMatchObject({ code: 'REQUEST.TOO_DEEP' });
  });

  it('refuses null for an optional field outside a merge patch', async () => {
    const error = await createValidationPipe()
      .transform({ text: 'x', author: null }, { type: 'body', metatype: NoteDto })
      .catch((caught: unknown) => caught);
    expect((error as BadRequestException).getResponse()).toMatchObject({
      code: 'REQUEST.INVALID',
      fields: [{ field: 'author', problems: [expect.stringContaining('must not be null')] }],
    });
  });
});
