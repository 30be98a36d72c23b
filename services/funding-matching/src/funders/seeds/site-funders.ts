import { plainToInstance, Type } from 'class-transformer';
import { IsArray, validateSync, ValidateNested } from 'class-validator';
import { readFileSync } from 'node:fs';
import { CreateFunderDto } from '../dto/funder.dto';
import { assertCoherentFunder } from '../funder-rules';
import { NATIONAL_FUNDERS } from './national-funders';

/** A site's starting funders: validated like API input, so a bad seed stops the service. */
export class FunderSeed {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CreateFunderDto)
  funders!: CreateFunderDto[];
}

/** The operator's file when given, else the national funders that cover the site. */
export function siteFunders(site: string, seedFile?: string): CreateFunderDto[] {
  const raw = seedFile ? JSON.parse(readFileSync(seedFile, 'utf8')) : { funders: NATIONAL_FUNDERS };
  const seed = plainToInstance(FunderSeed, raw);
  const errors = validateSync(seed, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0)
    throw new Error(`the funders seed is invalid: ${JSON.stringify(errors.map((error) => error.toString()))}`);
  const covering = seed.funders.filter((funder) => funder.sites.includes(site));
  for (const funder of covering) assertCoherentFunder(funder, site);
  return covering;
}
