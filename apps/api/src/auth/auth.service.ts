import { Inject, Injectable, Logger } from '@nestjs/common';
import { errors, jwtVerify, SignJWT } from 'jose';
import { DataSource, type Repository } from 'typeorm';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors/DomainError.js';
import type { AppConfig } from '../config/config.js';
import { hashPassword, verifyPassword } from '../security/passwordHasher.js';
import { User, USER_ROLES } from '../users/user.entity.js';
import type { AuthenticatedUser } from './authenticatedUser.js';
import { LoginRateLimiter } from './loginRateLimiter.js';

const ISSUER = 'jiefen';
const AUDIENCE = 'jiefen-api';
/** Tokens verified recently, kept so that a client's next request skips the HMAC (see `verify`). */
const VERIFIED_CACHE_SIZE = 10_000;

export const unauthenticated = (message: string) => new DomainError('UNAUTHENTICATED', message);

/** Password sign-in (argon2id) issuing short-lived HS256 bearer tokens, and their verification. */
@Injectable()
export class AuthService {
  private readonly logger = new Logger('AuthService');
  private readonly users: Repository<User>;
  private readonly limiter: LoginRateLimiter;
  /** token → who it names and when it stops being valid, for tokens that passed `jwtVerify`. */
  private readonly verified = new Map<string, { user: AuthenticatedUser; exp: number; nbf: number | undefined }>();

  constructor(
    dataSource: DataSource,
    private readonly clock: Clock,
    @Inject('APP_CONFIG') private readonly config: AppConfig,
  ) {
    this.users = dataSource.getRepository(User);
    this.limiter = new LoginRateLimiter(() => this.clock.now().getTime());
  }

  async signIn(username: string, password: string, address: string) {
    this.limiter.check(address, username);
    const user = await this.users.findOne({ where: { username }, select: { id: true, username: true, role: true, organizationId: true, disabled: true, passwordHash: true } });
    const { valid, needsRehash } = await verifyPassword(user?.passwordHash, password);
    if (!user || !valid || user.disabled) {
      this.limiter.recordFailure(address, username);
      this.logger.warn({ username, address }, 'sign-in refused');
      throw unauthenticated('wrong username or password');
    }
    this.limiter.recordSuccess(address, username);
    // A hash made with older parameters is replaced while the password is at hand.
    if (needsRehash) await this.users.update({ id: user.id }, { passwordHash: await hashPassword(password) });
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const accessToken = await new SignJWT({ role: user.role, org: user.organizationId, name: user.username })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + this.config.tokenTtlSeconds)
      .sign(this.config.secrets!.jwtSecret);
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.tokenTtlSeconds };
  }

  /**
   * The user a bearer token names. A token that passed the full check is remembered (up to
   * 10,000, oldest dropped first), and its later requests only have their time window checked
   * against the same clock: WebCrypto's HMAC through jose costs about 0.2 ms a call, the most
   * expensive step of a request. A token is immutable and the cache is keyed by its whole text, so
   * a remembered token is exactly one that would verify again; only `exp`/`nbf` can change the
   * answer, and they are checked here as jose checks them (no clock tolerance).
   */
  async verify(token: string): Promise<AuthenticatedUser> {
    const cached = this.verified.get(token);
    if (cached) {
      const now = Math.floor(this.clock.now().getTime() / 1000);
      if (cached.exp <= now) {
        this.verified.delete(token);
        throw unauthenticated('the token has expired; sign in again');
      }
      // A copy: the request owns its actor.
      if (cached.nbf === undefined || cached.nbf <= now) return { ...cached.user };
    }
    return this.verifyFully(token);
  }

  private async verifyFully(token: string): Promise<AuthenticatedUser> {
    try {
      const { payload } = await jwtVerify(token, this.config.secrets!.jwtSecret, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        currentDate: this.clock.now(),
      });
      const role = payload.role as AuthenticatedUser['role'];
      if (!payload.sub || !USER_ROLES.includes(role) || typeof payload.org !== 'string') throw unauthenticated('the token is malformed');
      const user: AuthenticatedUser = { userId: payload.sub, username: String(payload.name), role, organizationId: payload.org };
      if (typeof payload.exp === 'number') this.remember(token, { ...user }, payload.exp, payload.nbf);
      return user;
    } catch (error) {
      if (error instanceof DomainError) throw error;
      if (error instanceof errors.JWTExpired) throw unauthenticated('the token has expired; sign in again');
      throw unauthenticated('the token is invalid');
    }
  }

  private remember(token: string, user: AuthenticatedUser, exp: number, nbf: number | undefined): void {
    if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { user, exp, nbf });
  }
}
