// Generated from the OpenAPI contract by `npm run gen:types`. Do not edit.
export interface paths {
    "/patients/{patientId}/vendors/oura/connection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the patient's Oura connection stands. */
        get: operations["getOuraConnectionStatus"];
        put?: never;
        /**
         * Starts connecting the patient's Oura account; answers where to send the patient.
         * @description The authorize URL carries a sealed, single-use state that names the patient and expires at expiresAt. Oura sends the patient's browser back to the gateway's redirect URI with a code and that state, which completeOuraConnection takes.
         */
        post: operations["startOuraConnection"];
        /** Revokes the patient's Oura grant; later pulls answer OURA.NOT_CONNECTED. */
        delete: operations["disconnectOuraAccount"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/vendors/oura/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Completes the connection with what Oura sent to the redirect URI.
         * @description The state names the patient; it is single use. An error of access_denied means the patient declined (OURA.CONSENT_DENIED).
         */
        post: operations["completeOuraConnection"];
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
        ConnectionStart: {
            patientId: components["schemas"]["PatientId"];
            /** @enum {string} */
            vendor: "oura";
            /** Format: uri */
            authorizeUrl: string;
            /** @description Opaque; also inside authorizeUrl. */
            state: string;
            /**
             * Format: date-time
             * @description After this the state is refused at the callback.
             */
            expiresAt: string;
        };
        /** @description A patient's connection to a vendor, without its tokens. */
        Connection: {
            patientId: components["schemas"]["PatientId"];
            /** @enum {string} */
            vendor: "oura";
            /**
             * @description error means the vendor refused to renew the grant; connect again.
             * @enum {string}
             */
            status: "connected" | "revoked" | "error";
            scopes: string[];
            /** Format: date-time */
            expiresAt?: string;
            /** Format: date-time */
            updatedAt?: string;
            lastError?: string;
        };
        Disconnection: {
            connection: components["schemas"]["Connection"];
            /** @enum {string} */
            upstreamRevocation: "revoked" | "failed" | "not_configured" | "not_needed";
        };
        /** @description What the vendor appended to the redirect URI: state with either code or, when the patient declined or the vendor refused the request, error. */
        Callback: {
            state: string;
            code?: string;
            error?: string;
            error_description?: string;
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
    parameters: {
        patientId: components["schemas"]["PatientId"];
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getOuraConnectionStatus: {
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
                    "application/json": components["schemas"]["Connection"];
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
                    "application/json": components["schemas"]["ConnectionStart"];
                };
            };
            400: components["responses"]["Problem"];
            501: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
    disconnectOuraAccount: {
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
            /** @description The connection is revoked. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Disconnection"];
                };
            };
            400: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            501: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
    completeOuraConnection: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Callback"];
            };
        };
        responses: {
            /** @description The patient is connected. */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Connection"];
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
}
