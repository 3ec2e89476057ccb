// Generated from the OpenAPI contract by `npm run gen:types`. Do not edit.
export interface paths {
    "/patients/{patientId}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The patient's data points whose effective start lies in [start, end). */
        get: operations["getPatientTimeline"];
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
        TimelineEntry: {
            observationId: string;
            identifier?: string;
            schema: string;
            dataPoint: components["schemas"]["DataPoint"];
        };
        Timeline: {
            patientId: components["schemas"]["PatientId"];
            window: {
                start: string;
                end: string;
            };
            count: number;
            /** @description Observations in the window whose attachment is not a readable data point. */
            unreadable?: string[];
            entries: components["schemas"]["TimelineEntry"][];
        };
        /** @description JHE Patient.id (not the patient's jheUserId). */
        PatientId: number;
        /** @description An Open mHealth data point in the IEEE 1752.1 envelope. */
        DataPoint: {
            header: {
                uuid: string;
                schema_id: {
                    namespace: string;
                    name: string;
                    version: string;
                };
                source_creation_date_time: string;
            } & {
                [key: string]: unknown;
            };
            body: {
                [key: string]: unknown;
            };
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
        /** @description Inclusive; a date-time with an offset. */
        start: string;
        /** @description Exclusive; a date-time with an offset, after start. */
        end: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getPatientTimeline: {
        parameters: {
            query: {
                /** @description Inclusive; a date-time with an offset. */
                start: components["parameters"]["start"];
                /** @description Exclusive; a date-time with an offset, after start. */
                end: components["parameters"]["end"];
                /** @description Limit to these OMH schema ids; all when absent. */
                schema?: string[];
            };
            header?: never;
            path: {
                patientId: components["schemas"]["PatientId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The timeline. */
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
            502: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
}
