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
        /** Ingest one vendor payload pushed by the caller. */
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
        /** Fetch a window from the vendor system API, then ingest it. */
        post: operations["pullFromVendor"];
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
