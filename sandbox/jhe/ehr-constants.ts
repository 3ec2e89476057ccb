/**
 * The identity of the emulated EHR whose id_tokens the sandbox's `/o/token-exchange`
 * trusts (reference §2.4). The issuer uses the reserved `.invalid` domain on purpose: the
 * sandbox resolves its keys in process and nothing may ever try to reach it.
 */

/** `iss` of EHR id_tokens, and the value seeded in `auth.sof.trusted_issuers`. */
export const EHR_SANDBOX_ISSUER = 'https://ehr.sandbox.invalid/fhir';

/** `aud` of EHR id_tokens: the SMART client id JHE holds at the EHR. */
export const EHR_SANDBOX_AUDIENCE = 'pause-sandbox-smart-app';
