import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'jiefen:isPublic';

/** A route anyone may call without a token (health, sign-in). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
