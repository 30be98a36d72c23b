import { BadRequestException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { createValidationPipe } from './validation.pipe';

class FounderDto {
  @IsEmail()
  email!: string;
}

class StartupDto {
  @IsString()
  name!: string;

  @IsInt()
  @Min(1)
  teamSize!: number;

  @ValidateNested({ each: true })
  @Type(() => FounderDto)
  founders!: FounderDto[];
}

async function rejectionOf(body: unknown): Promise<Record<string, unknown>> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: StartupDto });
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return (error as BadRequestException).getResponse() as Record<string, unknown>;
  }
  throw new Error('expected the body to be rejected');
}

describe('createValidationPipe', () => {
  it('names every invalid field, nested ones by their path', async () => {
    const response = await rejectionOf({
      name: 42,
      teamSize: 0,
      founders: [{ email: 'ok@example.ma' }, { email: 'nope' }],
    });
    expect(response).toMatchObject({ statusCode: 400, code: 'REQUEST.INVALID' });
    expect((response['fields'] as Array<{ field: string }>).map((entry) => entry.field)).toEqual([
      'name',
      'teamSize',
      'founders.1.email',
    ]);
  });

  it('rejects fields the DTO does not declare', async () => {
    const response = await rejectionOf({ name: 'Atlas AI', teamSize: 3, founders: [], isAdmin: true });
    expect(response['fields']).toEqual([{ field: 'isAdmin', problems: ['property isAdmin should not exist'] }]);
  });

  it('passes a valid body through as an instance of the DTO', async () => {
    const value = await createValidationPipe().transform(
      { name: 'Atlas AI', teamSize: 3, founders: [{ email: 'salma@atlas.ma' }] },
      { type: 'body', metatype: StartupDto },
    );
    expect(value).toBeInstanceOf(StartupDto);
    expect(value.founders[0]).toBeInstanceOf(FounderDto);
  });
});
