// Generated from the OpenAPI contract by `npm run gen:types`. Do not edit.
export interface paths {
    "/patients/{patientId}/wearables/oura/connection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the patient's Oura account is connected. */
        get: operations["getOuraConnection"];
        put?: never;
        /**
         * Starts connecting the patient's Oura account; answers the URL to open.
         * @description Open authorizeUrl in the patient's browser. Oura asks the patient to consent and sends the browser to the gateway's callback (/wearables/oura/callback), which completes the connection. The URL is single use and expires at expiresAt.
         */
        post: operations["startOuraConnection"];
        /** Disconnects the patient's Oura account (the grant is revoked at Oura too). */
        delete: operations["disconnectOura"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/patients/{patientId}/wearables/sync-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How the background sync of the patient's wearable data stands.
         * @description Per vendor and data type: when the last sync succeeded and failed, the last error, how far the ingested data lags behind now, the watermark, and what the sync has done so far (counts since the first run). A patient whose data was never synced gets an empty list of vendors.
         */
        get: operations["getWearableSyncStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wearables/oura/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where Oura sends the patient's browser after the consent page.
         * @description The gateway's Oura redirect URI. Completes the connection the state names and answers its status; a patient who declined gets 403 OURA.CONSENT_DENIED, a used or expired state 400 OURA.STATE_INVALID.
         */
        get: operations["ouraCallback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/patients/{patientId}/wearables/{vendor}/{collection}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Push one vendor payload for a patient.
         * @description Answers the per-item report when the upload is done. For a large payload (a year of 5-minute heart rate) send `Prefer: respond-async`: the answer is then 202 at once, with the ingest job's Location to poll. Resubmitting a payload is always safe.
         */
        post: operations["postWearablePayload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/patients/{patientId}/apple-health/sync-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Push what a HealthKit bridge app uploaded for a patient.
         * @description The body is the Open Wearables mobile SDK sync request: HealthKit quantity and category samples with their identifiers, units and instants, sleep stages and workouts. With `Prefer: respond-async` the answer is 202 at once, with the ingest job's Location.
         */
        post: operations["postAppleHealthSync"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ingest-jobs/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How an asynchronous push stands, with its report once it has succeeded.
         * @description Poll until status is succeeded (report is the per-item report the synchronous push answers) or failed (problem is the problem it would have answered). Jobs are kept in the gateway's memory: a job is lost if the gateway restarts and dropped an hour after it finished, and then answers 404 INGEST_JOB.NOT_FOUND; resubmitting the payload is safe, because what was already stored comes back as duplicate.
         */
        get: operations["getIngestJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/patients/{patientId}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The patient's readings in a window, oldest first. */
        get: operations["getTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        IngestJobAccepted: {
            /** Format: uuid */
            jobId: string;
            /** @enum {string} */
            status: "running";
            /** @description Where to poll the job; the same as the Location header. */
            location: string;
        };
        /** @description An asynchronous push of one vendor payload. */
        IngestJob: {
            /** Format: uuid */
            jobId: string;
            /** @enum {string} */
            status: "running" | "succeeded" | "failed";
            patientId: components["schemas"]["PatientId"];
            vendor: string;
            collection: string;
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            finishedAt?: string;
            /** @description Vendor records done so far out of total (a record may give several data points), and what became of the data points of the records done. */
            progress: {
                done: number;
                total: number;
                summary: {
                    received: number;
                    stored: number;
                    duplicate: number;
                    rejected: number;
                    skipped: number;
                    held: number;
                };
            };
            report?: components["schemas"]["IngestReport"];
            problem?: components["schemas"]["Problem"];
        };
        OuraConnectionStart: {
            patientId: components["schemas"]["PatientId"];
            /** @enum {string} */
            vendor: "oura";
            /**
             * Format: uri
             * @description Open this in the patient's browser.
             */
            authorizeUrl: string;
            /**
             * Format: date-time
             * @description The patient must finish at Oura before this.
             */
            expiresAt: string;
        };
        /** @description A patient's wearable connection (never its tokens). */
        WearableConnection: {
            patientId: components["schemas"]["PatientId"];
            /** @enum {string} */
            vendor: "oura";
            /**
             * @description error means Oura stopped honouring the grant; connect again.
             * @enum {string}
             */
            status: "connected" | "revoked" | "error";
            /** @description What Oura granted. */
            scopes: string[];
            /** Format: date-time */
            updatedAt?: string;
        };
        WearableSyncStatus: {
            patientId: components["schemas"]["PatientId"];
            vendors: {
                /** @example oura */
                vendor: string;
                dataTypes: components["schemas"]["DataTypeSyncStatus"][];
            }[];
        };
        DataTypeSyncStatus: {
            /** @description The vendor collection, e.g. heartrate. */
            dataType: string;
            /** Format: date-time */
            lastSuccessAt?: string;
            /** Format: date-time */
            lastFailureAt?: string;
            /** @description Why the last sync failed (a stable code and a message). */
            lastError?: {
                code: string;
                message: string;
            };
            /** @description Whole seconds the ingested data lags behind now; absent before any. */
            lagSeconds?: number;
            /** @description The latest data instant ingested, with its offset as in the data. */
            watermark?: string;
            /** @description What the sync has done since its first run. */
            counts: {
                fetched: number;
                stored: number;
                duplicate: number;
                rejected: number;
                skipped: number;
                held: number;
                deadLettered: number;
            };
        };
        AppleSample: {
            id: string;
            /** @description HealthKit identifier, e.g. HKQuantityTypeIdentifierHeartRate */
            type?: string;
            /** @description Sleep stage of a sleep sample */
            stage?: string;
            startDate: string;
            endDate: string;
            zoneOffset?: string | null;
            value?: number | null;
            unit?: string | null;
        } & {
            [key: string]: unknown;
        };
        AppleSyncRequest: {
            /** @enum {string} */
            provider: "apple";
            sdkVersion?: string;
            syncTimestamp?: string;
            data: {
                records?: components["schemas"]["AppleSample"][];
                sleep?: components["schemas"]["AppleSample"][];
                workouts?: components["schemas"]["AppleSample"][];
            };
        };
        Reading: {
            /** @description The data point's deterministic id. */
            id: string;
            /** @example heart-rate */
            type: string;
            /** @example omh:heart-rate:2.0 */
            schema: string;
            /** @description Instants exactly as recorded, with their UTC offsets. */
            effective: {
                dateTime?: string;
                start?: string;
                end?: string;
            };
            /** @description The vendor's calendar day for day-scoped readings such as a night's sleep. */
            calendarDay?: string;
            /** @description The data point body without its time frame. */
            values: {
                [key: string]: unknown;
            };
        };
        Timeline: {
            patientId: components["schemas"]["PatientId"];
            window: {
                start: string;
                end: string;
            };
            count: number;
            readings: components["schemas"]["Reading"][];
        };
        /** @description JHE Patient.id (not the patient's jheUserId). */
        PatientId: number;
        /** @description RFC 9457 problem details, answered by every tier for every error. */
        Problem: {
            /** Format: uri */
            type: string;
            title: string;
            status: number;
            /** @description Stable error code (see specs/error-codes.md). */
            code: string;
            detail?: string;
            instance?: string;
            correlationId?: string;
            errors?: {
                /** @description JSON pointer of the failed field */
                pointer: string;
                detail: string;
            }[];
        };
        /** @description One page of a vendor collection, in the vendor's own shape. */
        VendorPage: {
            data: {
                [key: string]: unknown;
            }[];
            next_token?: string | null;
        };
        IngestItem: {
            /** @description Identifies the vendor record the item came from. */
            sourceKey: string;
            /** @example omh:heart-rate:2.0 */
            schema?: string;
            /** @description Deterministic data point id; the Observation identifier value. */
            identifier?: string;
            /**
             * @description `held` means valid but of a schema JHE cannot store yet; it is kept by the gateway and listed by the ingest API's held-data-points operation.
             * @enum {string}
             */
            status: "stored" | "duplicate" | "rejected" | "skipped" | "held";
            observationId?: string;
            /** @description Stable code of the rejection reason */
            code?: string;
            reason?: string;
            /**
             * Format: date-time
             * @description The latest instant of the data point's effective time frame, in the data's own offset.
             */
            effectiveAt?: string;
            errors?: {
                pointer: string;
                detail: string;
            }[];
        };
        IngestReport: {
            patientId: components["schemas"]["PatientId"];
            vendor: string;
            collection: string;
            summary: {
                /** @description Data points the mapping produced */
                received: number;
                stored: number;
                duplicate: number;
                rejected: number;
                skipped: number;
                /** @description Valid data points kept until JHE stores them */
                held: number;
            };
            /**
             * Format: date-time
             * @description The latest effectiveAt of all items; absent when no item has one.
             */
            dataThrough?: string;
            items: components["schemas"]["IngestItem"][];
        };
    };
    responses: {
        /** @description Accepted; the upload runs as the ingest job at Location. */
        IngestAccepted: {
            headers: {
                /** @description The job, /pause/v1/ingest-jobs/{jobId}. */
                Location?: string;
                "Preference-Applied"?: "respond-async";
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["IngestJobAccepted"];
            };
        };
        /** @description The request failed; the body says why. */
        Problem: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        patientId: components["schemas"]["PatientId"];
        /** @description RFC 7240 preferences; `respond-async` asks for a 202 and an ingest job instead of waiting for the report. Other preferences are ignored. */
        prefer: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getOuraConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: components["parameters"]["patientId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The connection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WearableConnection"];
                };
            };
            400: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            501: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
    startOuraConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: components["parameters"]["patientId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Where to send the patient. */
            201: {
                headers: {
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OuraConnectionStart"];
                };
            };
            400: components["responses"]["Problem"];
            501: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
    disconnectOura: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: components["parameters"]["patientId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The connection, now revoked. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WearableConnection"];
                };
            };
            400: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            501: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
    getWearableSyncStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: components["parameters"]["patientId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sync status. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WearableSyncStatus"];
                };
            };
            400: components["responses"]["Problem"];
            500: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
    ouraCallback: {
        parameters: {
            query: {
                state: string;
                code?: string;
                error?: string;
                error_description?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The patient's Oura account is connected. */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WearableConnection"];
                };
            };
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            501: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
    postWearablePayload: {
        parameters: {
            query?: never;
            header?: {
                /** @description RFC 7240 preferences; `respond-async` asks for a 202 and an ingest job instead of waiting for the report. Other preferences are ignored. */
                Prefer?: components["parameters"]["prefer"];
            };
            path: {
                patientId: components["parameters"]["patientId"];
                vendor: "oura" | "open-wearables";
                /** @description Oura: heartrate, sleep, daily_spo2, daily_activity, daily_readiness, workout. Open Wearables: timeseries, summaries_activity, events_sleep. */
                collection: "heartrate" | "sleep" | "daily_spo2" | "daily_activity" | "daily_readiness" | "workout" | "timeseries" | "summaries_activity" | "events_sleep";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VendorPage"];
            };
        };
        responses: {
            /** @description Per-item outcome of the upload. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IngestReport"];
                };
            };
            202: components["responses"]["IngestAccepted"];
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            422: components["responses"]["Problem"];
            500: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
    postAppleHealthSync: {
        parameters: {
            query?: never;
            header?: {
                /** @description RFC 7240 preferences; `respond-async` asks for a 202 and an ingest job instead of waiting for the report. Other preferences are ignored. */
                Prefer?: components["parameters"]["prefer"];
            };
            path: {
                patientId: components["parameters"]["patientId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AppleSyncRequest"];
            };
        };
        responses: {
            /** @description Per-item outcome of the upload. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IngestReport"];
                };
            };
            202: components["responses"]["IngestAccepted"];
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            422: components["responses"]["Problem"];
            500: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
    getIngestJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job. */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IngestJob"];
                };
            };
            400: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            500: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
    getTimeline: {
        parameters: {
            query: {
                start: string;
                end: string;
                /** @description Reading types to include; all when absent. */
                type?: ("heart-rate" | "sleep-duration" | "sleep-episode" | "oxygen-saturation" | "step-count" | "physical-activity")[];
            };
            header?: never;
            path: {
                patientId: components["parameters"]["patientId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The readings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Timeline"];
                };
            };
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            422: components["responses"]["Problem"];
            500: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
}
