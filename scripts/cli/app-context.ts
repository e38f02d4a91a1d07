import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { StandaloneModule } from '@app/standalone';
import type { CommandContext } from './command';

/** The standalone composition without HTTP (intake's command bus, projector, reporting), on the CLI's database. */
export async function standaloneContext(context: CommandContext): Promise<INestApplicationContext> {
  const database = await context.database();
  const app = await NestFactory.createApplicationContext(
    StandaloneModule.create({ config: context.config, database }),
    { logger: ['error', 'warn'] },
  );
  app.enableShutdownHooks();
  return app;
}
