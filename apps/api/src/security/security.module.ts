import { Global, Module } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';
import { DataProtection } from './dataProtection.js';

@Global()
@Module({
  providers: [
    {
      provide: DataProtection,
      inject: ['APP_CONFIG'],
      useFactory: (config: AppConfig) => new DataProtection(config.secrets!.dataKeys, config.secrets!.hashKey),
    },
  ],
  exports: [DataProtection],
})
export class SecurityModule {}
