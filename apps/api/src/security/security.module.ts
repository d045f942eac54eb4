import { Global, Module } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';
import { DataProtection } from './dataProtection.js';

@Global()
@Module({
  providers: [
    {
      provide: DataProtection,
      inject: ['APP_CONFIG'],
      useFactory: (config: AppConfig) => DataProtection.fromSecrets(config.secrets!),
    },
  ],
  exports: [DataProtection],
})
export class SecurityModule {}
