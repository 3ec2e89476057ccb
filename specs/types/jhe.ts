// Generated from the OpenAPI contract by `npm run gen:types`. Do not edit.
export interface paths {
    "/observations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search Observations, following JHE's next links to the end. */
        get: operations["searchObservations"];
        put?: never;
        /** Create one Observation carrying an Open mHealth data point. */
        post: operations["createObservation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/observations/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create many Observations through JHE's batch endpoint.
         * @description JHE answers a batch with HTTP 200 whatever happened to each entry, and its entries can misalign with the request. Results are therefore matched to requests by identifier, so every Observation must carry exactly one identifier, unique within the batch.
         */
        post: operations["createObservationBatch"];
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
        Identifier: {
            system: string;
            value: string;
        };
        /** @description A FHIR R5 Observation as JHE accepts and renders it. */
        Observation: {
            /** @enum {string} */
            resourceType: "Observation";
            id?: string;
            status: string;
            identifier?: components["schemas"]["Identifier"][];
            code: {
                coding: {
                    system?: string;
                    code?: string;
                    display?: string;
                }[];
            };
            subject?: {
                reference?: string;
            };
            device?: {
                reference?: string;
            };
            effectiveDateTime?: string;
            effectivePeriod?: {
                start?: string;
                end?: string;
            };
            valueAttachment?: {
                contentType?: string;
                data: string;
            };
        };
        SearchResult: {
            total: number;
            observations: components["schemas"]["Observation"][];
        };
        BatchResult: {
            identifier: components["schemas"]["Identifier"];
            /** @enum {string} */
            outcome: "created" | "duplicate" | "rejected";
            observationId?: string;
            /** @description The status JHE gave this entry. */
            httpStatus?: number;
            /** @description Stable code of the rejection reason. */
            code?: string;
            reason?: string;
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
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    searchObservations: {
        parameters: {
            query: {
                patient: components["schemas"]["PatientId"];
                /** @description An OMH schema id such as omh:heart-rate:2.0; sent to JHE as system|code. */
                code?: string;
                /** @description Effective-time bounds with a ge, gt, le or lt prefix; repeat to AND. */
                date?: string[];
                sort?: "date" | "-date" | "lastUpdated" | "-lastUpdated";
                pageSize?: number;
                /** @description Fail rather than return more than this many Observations. */
                maxResults?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every matching Observation, in JHE's order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SearchResult"];
                };
            };
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
    createObservation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Observation"];
            };
        };
        responses: {
            /** @description Stored; JHE's rendering of the Observation. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Observation"];
                };
            };
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            422: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
    createObservationBatch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    observations: components["schemas"]["Observation"][];
                };
            };
        };
        responses: {
            /** @description One result per Observation, in request order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        results: components["schemas"]["BatchResult"][];
                    };
                };
            };
            400: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
}
