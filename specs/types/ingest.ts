// Generated from the OpenAPI contract by `npm run gen:types`. Do not edit.
export interface paths {
    "/patients/{patientId}/vendors/{vendor}/{collection}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ingest one vendor payload pushed by the caller.
         * @description Answers the report when done. With `Prefer: respond-async` it answers 202 as soon as the payload is accepted (contract checked and a mapping exists for the collection) and ingests it in the background as an ingest job.
         */
        post: operations["ingestVendorPayload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/patients/{patientId}/vendors/{vendor}/{collection}/pull": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fetch a window from the vendor system API, then ingest it.
         * @description A data point whose period ends after the window's end (a day still running) is not final: it is reported skipped with DATAPOINT.NOT_FINAL and left for a later pull, since its identifier is fixed by its period and a partial value could never be replaced.
         */
        post: operations["pullFromVendor"];
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
         * The state of an asynchronous ingest, with its report once it has succeeded.
         * @description Poll until status is succeeded (report holds the full ingest report) or failed (problem holds the problem the synchronous call would have answered). A job that is unknown, older than an hour, or lost because the process restarted answers 404 INGEST_JOB.NOT_FOUND; resubmit the payload, which is safe.
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
    "/patients/{patientId}/held-data-points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the patient's data points held until JHE stores their data type.
         * @description Valid data points of a schema JHE cannot store on its Open mHealth path (this project's pause: schemas) are held by the gateway instead of uploaded; this lists them oldest first, each exactly as it was validated.
         */
        get: operations["listHeldDataPoints"];
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
        /** @description An asynchronous ingest. Kept in the memory of the process running it: lost if that process restarts, and dropped an hour after it finished (sooner when finished jobs hold very large reports, oldest first). */
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
            progress: components["schemas"]["IngestProgress"];
            report?: components["schemas"]["IngestReport"];
            problem?: components["schemas"]["Problem"];
        };
        /** @description Vendor records done so far out of total (a record may give several data points), and what became of the data points of the records done. */
        IngestProgress: {
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
        HeldDataPoint: {
            /** @description The data point's deterministic id, as in the ingest report. */
            identifier: string;
            /** @example pause:heart-rate-variability:1.0 */
            schema: string;
            vendor: string;
            /** Format: date-time */
            heldAt: string;
            reason: string;
            /** @description The Open mHealth data point, header and body, as validated. */
            dataPoint: {
                header: {
                    [key: string]: unknown;
                };
                body: {
                    [key: string]: unknown;
                };
            } & {
                [key: string]: unknown;
            };
        };
        /** @description JHE Patient.id (not the patient's jheUserId). */
        PatientId: number;
        /** @description A vendor document in the vendor's own shape (an Oura page, an Open Wearables page, an Apple Health sync request). Its shape is checked by the vendor's mappings, which report every record they cannot convert. */
        VendorPayload: {
            [key: string]: unknown;
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
        /** @description RFC 7240 preferences; `respond-async` asks for a 202 and an ingest job instead of waiting for the report. Other preferences are ignored. */
        prefer: string;
        patientId: components["schemas"]["PatientId"];
        vendor: "oura" | "open-wearables" | "apple-health";
        /** @description The vendor's collection name, e.g. Oura's heartrate or sleep, Open Wearables' timeseries, Apple Health's sync_request. */
        collection: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    ingestVendorPayload: {
        parameters: {
            query?: never;
            header?: {
                /** @description RFC 7240 preferences; `respond-async` asks for a 202 and an ingest job instead of waiting for the report. Other preferences are ignored. */
                Prefer?: components["parameters"]["prefer"];
            };
            path: {
                patientId: components["parameters"]["patientId"];
                vendor: components["parameters"]["vendor"];
                /** @description The vendor's collection name, e.g. Oura's heartrate or sleep, Open Wearables' timeseries, Apple Health's sync_request. */
                collection: components["parameters"]["collection"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VendorPayload"];
            };
        };
        responses: {
            /** @description What happened to each data point. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IngestReport"];
                };
            };
            /** @description Accepted; the ingest runs as the job at Location. */
            202: {
                headers: {
                    /** @description The job, e.g. /ingest/v1/ingest-jobs/{jobId}. */
                    Location?: string;
                    "Preference-Applied"?: "respond-async";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IngestJobAccepted"];
                };
            };
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            422: components["responses"]["Problem"];
            500: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
    pullFromVendor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: components["parameters"]["patientId"];
                vendor: components["parameters"]["vendor"];
                /** @description The vendor's collection name, e.g. Oura's heartrate or sleep, Open Wearables' timeseries, Apple Health's sync_request. */
                collection: components["parameters"]["collection"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    start: string;
                    /** Format: date-time */
                    end: string;
                };
            };
        };
        responses: {
            /** @description What happened to each data point. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IngestReport"];
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
        };
    };
    listHeldDataPoints: {
        parameters: {
            query?: {
                /** @description Only data points of this schema, e.g. pause:heart-rate-variability:1.0. */
                schema?: string;
                limit?: number;
            };
            header?: never;
            path: {
                patientId: components["parameters"]["patientId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The held data points. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["HeldDataPoint"][];
                    };
                };
            };
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            500: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
}
