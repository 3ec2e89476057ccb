// Generated from the OpenAPI contract by `npm run gen:types`. Do not edit.
export interface paths {
    "/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The accounts the worker polls, with the collections it pulls for each.
         * @description Every connected Oura connection, plus every patient configured with an Open Wearables user for pulls. An Oura connection that is revoked or in error is not polled.
         */
        get: operations["listSyncAccounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/{vendor}/{patientId}/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enqueues a pull of every collection of the account now.
         * @description One sync.pull job per collection, each with its own id, so that it never merges with a scheduled job of the same collection. The jobs pull from the watermark, as scheduled ones do.
         */
        post: operations["syncAccountNow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sync-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sync status per account and data type, with the lag and the counts. */
        get: operations["getSyncStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Dead letters, newest failure first. */
        get: operations["listDeadLetters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dead-letters/{name}/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One dead letter, with its data and the reason it was given up on. */
        get: operations["getDeadLetter"];
        put?: never;
        post?: never;
        /** Discards a dead letter without running its job. */
        delete: operations["removeDeadLetter"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dead-letters/{name}/{jobId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Runs the job again with a fresh set of attempts and removes the dead letter.
         * @description The job keeps its name, id and data. 409 DEAD_LETTER.NOT_REPLAYED when a job with that id is queued or running again; the dead letter then stays as it is.
         */
        post: operations["replayDeadLetter"];
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
        /** @description A vendor as the ingest process API names it, e.g. oura or open-wearables. */
        Vendor: string;
        JobName: string;
        /**
         * @description JHE Patient.id as the state layer stores it (decimal digits).
         * @example 40001
         */
        StoredPatientId: string;
        Account: {
            /** @example oura:40001 */
            accountKey: string;
            vendor: components["schemas"]["Vendor"];
            patientId: components["schemas"]["StoredPatientId"];
            /** @description The collections the ingest process API can pull for this vendor. */
            collections: string[];
        };
        AccountList: {
            items: components["schemas"]["Account"][];
        };
        SyncStarted: {
            accountKey: string;
            /** @description One sync.pull job per collection. */
            jobIds: string[];
        };
        /** @description Cumulative since the account's first run. */
        SyncCounts: {
            fetched: number;
            stored: number;
            duplicate: number;
            rejected: number;
            skipped: number;
            held: number;
            deadLettered: number;
        };
        /** @description The last failure's code and message; never carries patient data. */
        SyncError: {
            code: string;
            message: string;
        };
        SyncStatus: {
            accountKey: string;
            vendor: string;
            patientId: components["schemas"]["StoredPatientId"];
            /** @description The vendor collection, e.g. heartrate. */
            dataType: string;
            /** Format: date-time */
            lastRunAt?: string;
            /** Format: date-time */
            lastSuccessAt?: string;
            /** Format: date-time */
            lastFailureAt?: string;
            lastError?: components["schemas"]["SyncError"];
            consecutiveFailures: number;
            /** @description How far the data has been ingested: the latest data instant, with its offset as in the data. */
            watermark?: string;
            /** @description Whole seconds from the watermark to now (0 when the watermark is ahead of the gateway's clock); absent without a watermark. */
            lagSeconds?: number;
            counts: components["schemas"]["SyncCounts"];
        };
        SyncStatusList: {
            items: components["schemas"]["SyncStatus"][];
            totals: components["schemas"]["SyncCounts"];
        };
        /** @description A job that was given up on, with the reason. */
        DeadLetter: {
            jobId: string;
            name: components["schemas"]["JobName"];
            /** @description The job's data as it was enqueued (JSON; any shape). */
            data: unknown;
            /**
             * @description permanent: the failure cannot pass by retrying; exhausted: every attempt failed; stalled: the worker running it kept dying.
             * @enum {string}
             */
            kind: "permanent" | "exhausted" | "stalled";
            /** @description The last error's message. */
            reason: string;
            attempts: number;
            maxAttempts: number;
            /** Format: date-time */
            firstFailedAt: string;
            /** Format: date-time */
            lastFailedAt: string;
        };
        DeadLetterList: {
            items: components["schemas"]["DeadLetter"][];
        };
        Replayed: {
            /** @enum {boolean} */
            replayed: true;
        };
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
        /** @description JHE Patient.id (not the patient's jheUserId). */
        PatientId: number;
    };
    responses: {
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
        vendor: components["schemas"]["Vendor"];
        patientId: components["schemas"]["PatientId"];
        /** @description The job name, e.g. sync.pull or sync.record. */
        name: components["schemas"]["JobName"];
        /** @description The job id, percent-encoded as a path segment (ids contain `:`). */
        jobId: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listSyncAccounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The accounts, ordered by vendor then patient. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountList"];
                };
            };
            500: components["responses"]["Problem"];
        };
    };
    syncAccountNow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                vendor: components["parameters"]["vendor"];
                patientId: components["parameters"]["patientId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The jobs are queued. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SyncStarted"];
                };
            };
            400: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            500: components["responses"]["Problem"];
        };
    };
    getSyncStatus: {
        parameters: {
            query?: {
                patientId?: components["schemas"]["PatientId"];
                vendor?: components["schemas"]["Vendor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The statuses, ordered by account then data type. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SyncStatusList"];
                };
            };
            400: components["responses"]["Problem"];
            500: components["responses"]["Problem"];
        };
    };
    listDeadLetters: {
        parameters: {
            query?: {
                /** @description Only jobs of this name, e.g. sync.pull. */
                name?: components["schemas"]["JobName"];
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dead letters. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadLetterList"];
                };
            };
            400: components["responses"]["Problem"];
            500: components["responses"]["Problem"];
        };
    };
    getDeadLetter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The job name, e.g. sync.pull or sync.record. */
                name: components["parameters"]["name"];
                /** @description The job id, percent-encoded as a path segment (ids contain `:`). */
                jobId: components["parameters"]["jobId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dead letter. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadLetter"];
                };
            };
            400: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            500: components["responses"]["Problem"];
        };
    };
    removeDeadLetter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The job name, e.g. sync.pull or sync.record. */
                name: components["parameters"]["name"];
                /** @description The job id, percent-encoded as a path segment (ids contain `:`). */
                jobId: components["parameters"]["jobId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dead letter is gone. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            500: components["responses"]["Problem"];
        };
    };
    replayDeadLetter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The job name, e.g. sync.pull or sync.record. */
                name: components["parameters"]["name"];
                /** @description The job id, percent-encoded as a path segment (ids contain `:`). */
                jobId: components["parameters"]["jobId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job is queued again. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Replayed"];
                };
            };
            400: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            500: components["responses"]["Problem"];
        };
    };
}
