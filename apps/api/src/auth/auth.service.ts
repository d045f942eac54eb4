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
import { UserSessions } from './userSessions.js';
import { poolOf } from '../database/dataSource.js';

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
  private readonly verified = new Map<
    string,
    { user: AuthenticatedUser; ver: unknown; exp: number; nbf: number | undefined }
  >();
  private readonly sessions: UserSessions;

  constructor(
    dataSource: DataSource,
    private readonly clock: Clock,
    @Inject('APP_CONFIG') private readonly config: AppConfig,
  ) {
    this.users = dataSource.getRepository(User);
    this.limiter = new LoginRateLimiter(poolOf(dataSource), () => this.clock.now());
    this.sessions = new UserSessions(poolOf(dataSource));
  }

  async signIn(username: string, password: string, address: string) {
    const attempt = await this.limiter.reserve(address, username);
    const user = await this.users.findOne({
      where: { username },
      select: {
        id: true,
        username: true,
        role: true,
        organizationId: true,
        disabled: true,
        passwordHash: true,
        tokenVersion: true,
      },
    });
    const { valid, needsRehash } = await verifyPassword(user?.passwordHash, password);
    if (!user || !valid || user.disabled) {
      this.logger.warn({ username, address }, 'sign-in refused');
      throw unauthenticated('wrong username or password');
    }
    await attempt.succeeded();
    // A hash made with older parameters is replaced while the password is at hand.
    if (needsRehash) await this.users.update({ id: user.id }, { passwordHash: await hashPassword(password) });
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const accessToken = await new SignJWT({
      role: user.role,
      org: user.organizationId,
      name: user.username,
      ver: user.tokenVersion,
    })
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
   * The user a bearer token names, if the token is still theirs. The signature and time window
   * are checked first: a token that passed the full check is remembered (up to 10,000, oldest
   * dropped first), and its later requests only have their time window checked against the same
   * clock — WebCrypto's HMAC through jose costs about 0.2 ms a call. A token is immutable and the
   * cache is keyed by its whole text, so a remembered token is exactly one that would verify
   * again; only `exp`/`nbf` can change that answer, and they are checked here as jose checks them
   * (no clock tolerance). A token without `exp` is refused: it would never expire. Then, on every
   * request, the user's row: disabled, or changed since the token was issued, is 401 at once.
   */
  async verify(token: string): Promise<AuthenticatedUser> {
    const { user, ver } = this.fromCache(token) ?? (await this.verifyFully(token));
    await this.sessions.assertCurrent(user.userId, ver);
    // A copy: the request owns its actor.
    return { ...user };
  }

  private fromCache(token: string): { user: AuthenticatedUser; ver: unknown } | undefined {
    const cached = this.verified.get(token);
    if (!cached) return undefined;
    const now = Math.floor(this.clock.now().getTime() / 1000);
    if (cached.exp <= now) {
      this.verified.delete(token);
      throw unauthenticated('the token has expired; sign in again');
    }
    return cached.nbf === undefined || cached.nbf <= now ? cached : undefined;
  }

  private async verifyFully(token: string): Promise<{ user: AuthenticatedUser; ver: unknown }> {
    try {
      const { payload } = await jwtVerify(token, this.config.secrets!.jwtSecret, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'sub'],
        currentDate: this.clock.now(),
      });
      const role = payload.role as AuthenticatedUser['role'];
      if (!payload.sub || !USER_ROLES.includes(role) || typeof payload.org !== 'string')
        throw unauthenticated('the token is malformed');
      const user: AuthenticatedUser = {
        userId: payload.sub,
        username: String(payload.name),
        role,
        organizationId: payload.org,
      };
      this.remember(token, { user, ver: payload.ver, exp: payload.exp!, nbf: payload.nbf });
      return { user, ver: payload.ver };
    } catch (error) {
      if (error instanceof DomainError) throw error;
      if (error instanceof errors.JWTExpired) throw unauthenticated('the token has expired; sign in again');
      if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'exp')
        throw unauthenticated('the token has no expiry (exp); sign in again');
      throw unauthenticated('the token is invalid');
    }
  }

  private remember(
    token: string,
    entry: { user: AuthenticatedUser; ver: unknown; exp: number; nbf: number | undefined },
  ): void {
    if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, entry);
  }
}
