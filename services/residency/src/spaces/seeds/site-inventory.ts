import { plainToInstance, Type } from 'class-transformer';
import { IsArray, validateSync, ValidateNested } from 'class-validator';
import { readFileSync } from 'node:fs';
import { CreateSpaceDto } from '../dto/space.dto';
import agadir from './agadir.json';
import casablanca from './casablanca.json';
import essaouira from './essaouira.json';
import rabat from './rabat.json';
import tangier from './tangier.json';

/** A site's starting inventory: validated like API input, so a bad seed stops the service. */
export class SiteInventory {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CreateSpaceDto)
  spaces!: CreateSpaceDto[];
}

const BUNDLED: Record<string, unknown> = { agadir, casablanca, essaouira, rabat, tangier };

/** The operator's file when given, else the bundled inventory of the site (none for a new site). */
export function siteInventory(site: string, seedFile?: string): SiteInventory | undefined {
  const raw = seedFile ? JSON.parse(readFileSync(seedFile, 'utf8')) : BUNDLED[site];
  if (raw === undefined) return undefined;
  const inventory = plainToInstance(SiteInventory, raw);
  const errors = validateSync(inventory, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0)
    throw new Error(
      `the inventory seed of ${site} is invalid: ${JSON.stringify(errors.map((error) => error.toString()))}`,
    );
  const ids = inventory.spaces.map((space) => space.id);
  const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
  if (repeated.length > 0)
    throw new Error(`the inventory seed of ${site} repeats space ids: ${[...new Set(repeated)].join(', ')}`);
  return inventory;
}
