import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateBy } from 'class-validator';
import type { FlowPolicy } from '@jiefen/flows';
import { HOST_POLICY_KEYS } from '../../centres/hostPolicy.js';
import { isValidCaseNumberPattern, SHORT_NAME } from '../caseNumberPattern.js';
import {
  ORGANIZATION_KINDS,
  ORGANIZATION_LEVELS,
  type OrganizationKind,
  type OrganizationLevel,
} from '../organization.entity.js';

const IsCaseNumberPattern = () =>
  ValidateBy(
    {
      name: 'isCaseNumberPattern',
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidCaseNumberPattern(value) },
    },
    {
      message:
        'must contain {year} and {seq} (e.g. （{year}）{short}调字第{seq:5}号), no other digits, ' +
        'and be at most 100 characters',
    },
  );

/** `{ <deadline kind>: { length: 1-365, unit, basis? } }` */
export const IsFlowPolicy = () =>
  ValidateBy(
    { name: 'isFlowPolicy', validator: { validate: isFlowPolicy } },
    {
      message:
        'must map deadline kinds to { length (1-365), unit (day, workingDay, month, year), basis? (the local rule, ' +
        '1-200 characters) }; stuckThreshold and returnVisitTarget count in day or workingDay, ' +
        'resolutionTarget in day, workingDay or month',
    },
  );

function isFlowPolicy(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.entries(value).every(
    ([kind, period]) =>
      /^[a-z][A-Za-z]{1,40}$/.test(kind) &&
      isPeriod(period) &&
      SERVICE_UNITS[kind]?.includes((period as { unit: string }).unit) !== false,
  );
}

/** The service's own policies count in these units only (centres/hostPolicy.ts, centres/centrePolicy.ts). */
const SERVICE_UNITS: Record<string, readonly string[]> = {
  ...Object.fromEntries(HOST_POLICY_KEYS.map((key) => [key, ['day', 'workingDay']])),
  resolutionTarget: ['day', 'workingDay', 'month'],
};

function isPeriod(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const { length, unit, basis, ...rest } = value as { length?: unknown; unit?: unknown; basis?: unknown };
  return (
    Object.keys(rest).length === 0 &&
    (basis === undefined || (typeof basis === 'string' && basis.trim().length >= 1 && basis.length <= 200)) &&
    Number.isInteger(length) &&
    (length as number) >= 1 &&
    (length as number) <= 365 &&
    ['day', 'workingDay', 'month', 'year'].includes(unit as string)
  );
}

export class CreateOrganizationDto {
  @ApiProperty({ example: '梅园新村街道矛盾纠纷调处化解中心' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({
    example: '梅园',
    description: 'abbreviation used in case numbers; no digits, and no other organisation’s numbers may read the same',
  })
  @IsString()
  @Length(1, 20)
  @Matches(SHORT_NAME, {
    message: 'must not contain digits or braces: the only digits of a case number are its year and sequence',
  })
  shortName: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS })
  @IsIn(ORGANIZATION_KINDS)
  kind: OrganizationKind;

  @ApiProperty({ enum: ORGANIZATION_LEVELS })
  @IsIn(ORGANIZATION_LEVELS)
  level: OrganizationLevel;

  @ApiPropertyOptional({ format: 'uuid', description: 'required except for a city-level centre' })
  @IsOptional()
  @IsUUID('all')
  parentId?: string;

  @ApiPropertyOptional({
    description: 'local periods overriding the flows’ configurable defaults',
    example: { mediationPeriod: { length: 30, unit: 'day', basis: 'SZ-DR Art. 25' } },
  })
  @IsOptional()
  @IsFlowPolicy()
  policy?: FlowPolicy;

  @ApiPropertyOptional({ example: '（{year}）{short}调字第{seq:5}号' })
  @IsOptional()
  @IsCaseNumberPattern()
  caseNumberPattern?: string;
}
