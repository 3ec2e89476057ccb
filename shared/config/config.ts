/**
 * The layer's configuration, read once from the environment. Every value has an embedded
 * default so that `npm start` runs everything on a laptop; a bad value stops start-up with
 * a sentence naming the variable.
 */

export type Tier = 'system' | 'process' | 'experience';

/** Raw environment, as `process.env` gives it. */
export type Env = Record<string, string | undefined>;

export interface JheConfig {
  /** Empty means: start the embedded JHE sandbox. */
  baseUrl?: string;
  clientId?: string;
  clientSecret?: string;
  /** `/FHIR/R5` on current JHE, `/fhir/r5` on the chart's default v0.0.10 image, or `auto`
   * to detect it at start-up. */
  fhirBasePath: string;
  timeoutMs: number;
  /** The SMART EHR token-exchange client (JHE seeds `sof-ehr-launch`); defaults to the
   * practitioner client. */
  sofClientId?: string;
  sofClientSecret?: string;
  /** JHE's `site.url`, the audience a token exchange must name; defaults to the base URL. */
  siteUrl?: string;
  /** Where the embedded sandbox keeps its data between restarts; `none` keeps it in memory. */
  sandboxDataFile: string;
}

export interface OuraConfig {
  /** Empty means: start the embedded Oura sandbox. */
  baseUrl?: string;
  /** A single token for the unscoped collection routes (development). */
  accessToken?: string;
  timeoutMs: number;
  /** The OAuth client patients connect through; all three or none. */
  clientId?: string;
  clientSecret?: string;
  redirectUri?: string;
  authorizeUrl: string;
  tokenUrl: string;
  revokeUrl?: string;
}

export interface StateConfig {
  /** Selects the Redis adapter when set. */
  redisUrl?: string;
  /** Prefix of every Redis key, so that deployments can share one Redis. */
  redisPrefix: string;
  /** How soon a job whose worker died runs again elsewhere (its lease). */
  queueLeaseMs: number;
  /** The embedded SQLite file, relative to the project root unless absolute. */
  sqliteFile: string;
  /** 32 bytes, base64, sealing vendor tokens at rest. Absent: a development key is kept in
   * a file beside the SQLite file (and a warning is logged). */
  encryptionKey?: Buffer;
}

export interface OpenWearablesConfig {
  /** Empty means: start the embedded Open Wearables sandbox. */
  baseUrl?: string;
  apiKey?: string;
  timeoutMs: number;
  /** JHE Patient.id -> Open Wearables user id, for pulls (`40001=<uuid>,...`). */
  users: Record<string, string>;
}

export interface IngestConfig {
  /** JHE DataSource id (a personal_device) that Observations from each vendor cite. */
  deviceIds: Record<string, number>;
  identifierSystem: string;
  batchSize: number;
  /** Largest vendor payload a push may carry (`32mb` holds a year of 5-minute heart rate). */
  bodyLimit?: string;
}

/** The background sync worker (`pause-gateway worker`, or `SYNC_WORKER=true` in `start`). */
export interface SyncConfig {
  /** Run the worker inside `start` too, calling the process tier in memory. */
  inLayer: boolean;
  /** How often every account is polled. */
  intervalMs: number;
  /** How far back the first pull of an account reaches, having no watermark yet. */
  lookbackDays: number;
  /** Pull jobs run at once by one worker process. */
  concurrency: number;
  /** Tries per pull job, the first one included, before it is dead-lettered. */
  attempts: number;
  /** First retry delay; doubled per attempt with jitter, capped at five minutes. */
  backoffMs: number;
  /** How long an account lock lasts without renewal (a dead worker's lock then frees). */
  lockTtlMs: number;
  /** How long a job waits for another worker to finish with the same account. */
  lockWaitMs: number;
}

export interface LayerConfig {
  host: string;
  port: number;
  /**
   * Where callers and browsers reach this gateway (`PUBLIC_BASE_URL`); absent means the
   * address this process listens on, known only once it listens.
   */
  publicBaseUrl?: string;
  tiers: Tier[];
  /** Where a tier that is not in this process listens; absent means in memory. */
  systemUrl?: string;
  processUrl?: string;
  tierTimeoutMs: number;
  jhe: JheConfig;
  oura: OuraConfig;
  openWearables: OpenWearablesConfig;
  state: StateConfig;
  ingest: IngestConfig;
  sync: SyncConfig;
  validateResponses: boolean;
}

/** Reads the configuration; throws one error listing every bad variable. */
export function loadConfig(env: Env = process.env): LayerConfig {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min = 0) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) {
      problems.push(`${name} must be an integer >= ${min}, got "${raw}"`);
      return fallback;
    }
    return value;
  };

  const config: LayerConfig = {
    host: env.HOST || '127.0.0.1',
    port: int('PORT', 8080),
    publicBaseUrl: url(env, 'PUBLIC_BASE_URL', problems),
    tiers: parseTiers(env.TIERS, problems),
    systemUrl: url(env, 'SYSTEM_API_URL', problems),
    processUrl: url(env, 'PROCESS_API_URL', problems),
    tierTimeoutMs: int('TIER_TIMEOUT_MS', 30_000, 1),
    jhe: {
      baseUrl: url(env, 'JHE_BASE_URL', problems),
      clientId: env.JHE_CLIENT_ID || undefined,
      clientSecret: env.JHE_CLIENT_SECRET || undefined,
      fhirBasePath: env.JHE_FHIR_BASE_PATH || '/FHIR/R5',
      timeoutMs: int('JHE_TIMEOUT_MS', 30_000, 1),
      sofClientId: env.JHE_SOF_CLIENT_ID || undefined,
      sofClientSecret: env.JHE_SOF_CLIENT_SECRET || undefined,
      siteUrl: url(env, 'JHE_SITE_URL', problems),
      sandboxDataFile: env.JHE_SANDBOX_DATA_FILE || 'var/jhe-sandbox.json',
    },
    oura: {
      baseUrl: url(env, 'OURA_BASE_URL', problems),
      accessToken: env.OURA_ACCESS_TOKEN || undefined,
      timeoutMs: int('OURA_TIMEOUT_MS', 30_000, 1),
      clientId: env.OURA_CLIENT_ID || undefined,
      clientSecret: env.OURA_CLIENT_SECRET || undefined,
      redirectUri: url(env, 'OURA_REDIRECT_URI', problems),
      authorizeUrl: env.OURA_AUTHORIZE_URL || 'https://cloud.ouraring.com/oauth/authorize',
      tokenUrl: env.OURA_TOKEN_URL || 'https://api.ouraring.com/oauth/token',
      revokeUrl: env.OURA_REVOKE_URL || undefined,
    },
    state: {
      redisUrl: env.REDIS_URL || undefined,
      redisPrefix: env.REDIS_PREFIX || 'pause:',
      queueLeaseMs: int('STATE_QUEUE_LEASE_MS', 30_000, 1_000),
      sqliteFile: env.STATE_SQLITE_FILE || 'var/state.sqlite',
      encryptionKey: key(env, 'STATE_ENCRYPTION_KEY', problems),
    },
    openWearables: {
      baseUrl: url(env, 'OPEN_WEARABLES_BASE_URL', problems),
      apiKey: env.OPEN_WEARABLES_API_KEY || undefined,
      timeoutMs: int('OPEN_WEARABLES_TIMEOUT_MS', 30_000, 1),
      users: pairs(env, 'OPEN_WEARABLES_USERS', problems),
    },
    ingest: {
      deviceIds: {
        'oura': int('JHE_DEVICE_ID_OURA', 70001, 1),
        'open-wearables': int('JHE_DEVICE_ID_OPEN_WEARABLES', 70004, 1),
        'apple-health': int('JHE_DEVICE_ID_APPLE_HEALTH', 70005, 1),
      },
      identifierSystem: env.DATA_POINT_IDENTIFIER_SYSTEM || 'urn:pause-gateway:data-point',
      batchSize: int('INGEST_BATCH_SIZE', 200, 1),
      bodyLimit: env.INGEST_BODY_LIMIT || '16mb',
    },
    sync: {
      inLayer: env.SYNC_WORKER === 'true',
      intervalMs: int('SYNC_INTERVAL_MS', 300_000, 1_000),
      lookbackDays: int('SYNC_LOOKBACK_DAYS', 30, 1),
      concurrency: int('SYNC_CONCURRENCY', 2, 1),
      attempts: int('SYNC_ATTEMPTS', 6, 1),
      backoffMs: int('SYNC_BACKOFF_MS', 2_000, 0),
      lockTtlMs: int('SYNC_LOCK_TTL_MS', 60_000, 1_000),
      lockWaitMs: int('SYNC_LOCK_WAIT_MS', 30_000, 0),
    },
    validateResponses: env.VALIDATE_RESPONSES === 'true',
  };

  if (config.jhe.baseUrl && !(config.jhe.clientId && config.jhe.clientSecret)) {
    problems.push('JHE_BASE_URL is set, so JHE_CLIENT_ID and JHE_CLIENT_SECRET are required');
  }
  if (Boolean(config.jhe.sofClientId) !== Boolean(config.jhe.sofClientSecret)) {
    problems.push('JHE_SOF_CLIENT_ID and JHE_SOF_CLIENT_SECRET must be set together');
  }
  if (!['/FHIR/R5', '/fhir/r5', 'auto'].includes(config.jhe.fhirBasePath)) {
    problems.push('JHE_FHIR_BASE_PATH must be /FHIR/R5, /fhir/r5 or auto, '
      + `got "${config.jhe.fhirBasePath}"`);
  }
  if (config.openWearables.baseUrl && !config.openWearables.apiKey) {
    problems.push('OPEN_WEARABLES_BASE_URL is set, so OPEN_WEARABLES_API_KEY is required');
  }
  // Without OURA_REDIRECT_URI the redirect URI is the gateway's own Oura callback.
  const ouraClient = [config.oura.clientId, config.oura.clientSecret];
  if (ouraClient.some(Boolean) && !ouraClient.every(Boolean)) {
    problems.push('OURA_CLIENT_ID and OURA_CLIENT_SECRET go together');
  }
  if (config.oura.baseUrl && !config.oura.accessToken && !config.oura.clientId) {
    problems.push('OURA_BASE_URL is set, so OURA_ACCESS_TOKEN or OURA_CLIENT_ID and _SECRET are '
      + 'required');
  }
  if (problems.length) throw new Error(`Invalid configuration:\n- ${problems.join('\n- ')}`);
  return config;
}

/** A base64 key of exactly 32 bytes. */
function key(env: Env, name: string, problems: string[]): Buffer | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  const bytes = Buffer.from(raw, 'base64');
  if (bytes.length !== 32) problems.push(`${name} must be 32 bytes in base64`);
  return bytes;
}

/** `a=b,c=d` -> { a: 'b', c: 'd' }. */
function pairs(env: Env, name: string, problems: string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of (env[name] ?? '').split(',').filter((part) => part.trim())) {
    const [key, value] = entry.split('=').map((part) => part.trim());
    if (key && value) result[key] = value;
    else problems.push(`${name} entries must look like key=value, got "${entry}"`);
  }
  return result;
}

function parseTiers(raw: string | undefined, problems: string[]): Tier[] {
  if (!raw || raw === 'all') return ['system', 'process', 'experience'];
  const tiers = raw.split(',').map((tier) => tier.trim());
  const unknown = tiers.filter((tier) => !['system', 'process', 'experience'].includes(tier));
  if (unknown.length) problems.push(`TIERS has unknown tiers: ${unknown.join(', ')}`);
  return tiers as Tier[];
}

function url(env: Env, name: string, problems: string[]): string | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  try {
    const parsed = new URL(raw);
    return parsed.origin + parsed.pathname.replace(/\/$/, '');
  } catch {
    problems.push(`${name} must be an absolute URL, got "${raw}"`);
    return undefined;
  }
}
