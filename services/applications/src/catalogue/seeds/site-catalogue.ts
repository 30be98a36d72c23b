import { plainToInstance, Type } from 'class-transformer';
import { IsArray, Matches, validateSync, ValidateNested } from 'class-validator';
import { readFileSync } from 'node:fs';
import { SLUG } from '../../common/validators';
import { CreateCallDto } from '../dto/call.dto';
import { CreateProgramDto } from '../dto/program.dto';
import agadir from './agadir.json';
import casablanca from './casablanca.json';
import essaouira from './essaouira.json';
import rabat from './rabat.json';
import tangier from './tangier.json';

class SeededCall extends CreateCallDto {
  @Matches(SLUG)
  programId!: string;
}

/** A site's starting catalogue: validated like API input, so a bad seed stops the service. */
export class SiteCatalogue {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CreateProgramDto)
  programs!: CreateProgramDto[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SeededCall)
  calls!: SeededCall[];
}

const BUNDLED: Record<string, unknown> = { agadir, casablanca, essaouira, rabat, tangier };

/** The operator's file when given, else the bundled catalogue of the site (none for a new site). */
export function siteCatalogue(site: string, seedFile?: string): SiteCatalogue | undefined {
  const raw = seedFile ? JSON.parse(readFileSync(seedFile, 'utf8')) : BUNDLED[site];
  if (raw === undefined) return undefined;
  const catalogue = plainToInstance(SiteCatalogue, raw);
  const errors = validateSync(catalogue, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0)
    throw new Error(
      `the catalogue seed of ${site} is invalid: ${JSON.stringify(errors.map((error) => error.toString()))}`,
    );
  return catalogue;
}
