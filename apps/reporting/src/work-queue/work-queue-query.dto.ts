import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { QUEUE_TABS } from './queue-tabs';

/**
 * The query string of GET /api/v1/work-queue. Only the shape is checked here (unknown parameters are refused by the
 * global pipe, and so is text PostgreSQL cannot store); the meaning by parseWorkQueueRequest.
 */
export class WorkQueueQueryDto {
  @ApiPropertyOptional({ example: 'hue-pvhcc', description: 'The unit (required)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  unitId?: string;

  @ApiPropertyOptional({ enum: QUEUE_TABS, description: 'Default in_progress' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  tab?: string;

  @ApiPropertyOptional({ example: 'T-DKDN-01' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  procedureCode?: string;

  @ApiPropertyOptional({ enum: ['counter', 'online', 'postal'] })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  channel?: string;

  @ApiPropertyOptional({ example: 'lan', description: 'The account (username) that recorded the receipt' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  receivedBy?: string;

  @ApiPropertyOptional({ example: '2026-11-01', description: 'Received on or after this local date (YYYY-MM-DD)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  receivedFrom?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Received on or before this local date' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  receivedTo?: string;

  @ApiPropertyOptional({
    example: '000.00.01.H57-261126',
    description: 'A dossier code or its start, an ID number, a phone number, or part of a name',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ example: '50', description: '1..200, default 50' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  limit?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string;

  @ApiPropertyOptional({
    example: '5d0c3c8e-0b3a-4d4b-9a43-8d5a5b1f0b2a:1234',
    description:
      '<dossierId>:<globalPosition> of a change heard on GET /api/v1/live: the answer waits (≤ 1.5 s) until the read models have it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  seen?: string;
}
