/**
 * Redeeming a patient invitation (reference §2.5), as JHE's `PatientInvitation.redeem`
 * does it: unknown token 404, expired 410, cancelled 403, reissued or used 409, except that
 * a redeemed invitation may be redeemed again within the redemption window (12 h by
 * default). Each redemption replaces the user's codes at that client with a fresh one and
 * saves the invitation, which moves its `last_updated` and so the window.
 */
import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { siteUrl, type SandboxContext } from '../context.ts';
import { drfDetail } from '../drf-error.ts';
import { dateToMicros } from '../iso-time.ts';
import type { GrantRow, InvitationRow } from '../model.ts';
import { randomToken } from '../oauth/issue-tokens.ts';

/** DOT's AUTHORIZATION_CODE_EXPIRE_SECONDS default. */
const CODE_LIFETIME_SECONDS = 60;
const MICROS_PER_HOUR = 3_600_000_000;

/** Checks the invitation and creates the authorization code. */
export function redeemInvitation(
  ctx: SandboxContext, req: Request, token: string, hash: string,
): GrantRow {
  const { oauth } = ctx.store;
  const invitation = oauth.invitationByHash(hash);
  if (!invitation) throw drfDetail(404, 'Invitation not found or already used.');
  const now = dateToMicros(ctx.now());
  const recentlyRedeemed = checkStatus(ctx, invitation, now);

  const patient = ctx.store.patient(invitation.patientId);
  const client = oauth.application(invitation.applicationId);
  if (!patient || !client) throw drfDetail(404, 'Invitation not found or already used.');

  oauth.deleteGrants((row) => row.jheUserId === patient.jheUserId
    && row.clientId === client.clientId);
  const verifier = Buffer.from(token, 'utf8').toString('base64url');
  const grant: GrantRow = {
    code: randomToken(30),
    clientId: client.clientId,
    jheUserId: patient.jheUserId,
    redirectUri: `${siteUrl(ctx, req)}/auth/callback`,
    scope: 'openid email',
    codeChallenge: createHash('sha256').update(verifier, 'ascii').digest('base64url'),
    codeChallengeMethod: 'S256',
    expiresAt: ctx.now().getTime() + CODE_LIFETIME_SECONDS * 1000,
  };
  oauth.saveGrant(grant);
  oauth.saveInvitation(invitation, recentlyRedeemed ? invitation.status : 'redeemed', now);
  return grant;
}

/** True when this is a repeat within the window; throws JHE's error otherwise. */
function checkStatus(ctx: SandboxContext, invitation: InvitationRow, now: number): boolean {
  const elapsed = now - invitation.lastUpdated;
  switch (invitation.status) {
    case 'issued': {
      const days = numberSetting(ctx, 'auth.patient.invitation_expiration_days', 7);
      if (Math.floor(elapsed / (24 * MICROS_PER_HOUR)) >= days) {
        ctx.store.oauth.saveInvitation(invitation, 'expired', now);
        throw drfDetail(410, 'Invitation has expired.');
      }
      return false;
    }
    case 'redeemed': {
      const hours = numberSetting(ctx, 'auth.patient.invitation_redemption_window_hours', 12);
      if (elapsed / MICROS_PER_HOUR <= hours) return true;
      throw drfDetail(409, 'Invitation has already been used.');
    }
    case 'expired':
      throw drfDetail(410, 'Invitation has expired.');
    case 'cancelled':
      throw drfDetail(403, 'Invitation has been cancelled.');
    default:
      throw drfDetail(409, 'Invitation has already been used.');
  }
}

function numberSetting(ctx: SandboxContext, key: string, fallback: number): number {
  const value = ctx.store.setting(key);
  return typeof value === 'number' ? value : fallback;
}
