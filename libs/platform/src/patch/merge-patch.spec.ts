import { BadRequestException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { createValidationPipe } from '../http/validation.pipe';
import { MergePatchType, mergePatchUpdate } from './merge-patch';

class PhoneBookEntryDto {
  @IsString()
  name!: string;

  @IsOptional()
  @IsString()
  phone?: string;
}

class ProgramDto {
  @IsString()
  @Length(1, 200)
  name!: string;

  @IsOptional()
  @IsString()
  description?: string;

  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => PhoneBookEntryDto)
  contacts!: PhoneBookEntryDto[];
}

class ProgramPatchDto extends MergePatchType(ProgramDto) {}

async function patch(body: unknown) {
  return createValidationPipe().transform(body, { type: 'body', metatype: ProgramPatchDto });
}

async function refusedFields(body: unknown): Promise<string[]> {
  const error = await patch(body).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BadRequestException);
  return ((error as BadRequestException).getResponse() as { fields: { field: string }[] }).fields
    .map(({ field }) => field)
    .sort();
}

describe('merge patch (RFC 7396)', () => {
  it('accepts a partial body and leaves absent fields out', async () => {
    await expect(patch({ name: 'Greentech' })).resolves.toEqual({ name: 'Greentech' });
  });

  it('refuses null for a field the resource cannot lack, naming each', async () => {
    await expect(refusedFields({ name: null, contacts: null })).resolves.toEqual(['contacts', 'name']);
  });

  it('accepts null for an optional field: it removes it', async () => {
    const body = await patch({ description: null });
    expect(body).toEqual({ description: null });
    expect(mergePatchUpdate(body as object, { updatedBy: 'staff-1' })).toEqual({
      $set: { updatedBy: 'staff-1' },
      $unset: { description: '' },
    });
  });

  it('refuses null inside a replaced array, even for an optional nested field', async () => {
    await expect(refusedFields({ contacts: [{ name: 'Amina', phone: null }] })).resolves.toEqual(['contacts.0.phone']);
  });

  it('reports nulls and other invalid fields together', async () => {
    await expect(refusedFields({ name: null, contacts: [] })).resolves.toEqual(['contacts', 'name']);
  });

  it('turns values into $set and leaves out what is absent', () => {
    expect(mergePatchUpdate({ name: 'X', description: undefined })).toEqual({ $set: { name: 'X' } });
  });
});
