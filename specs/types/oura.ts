// Generated from the OpenAPI contract by `npm run gen:types`. Do not edit.
export interface paths {
    "/heartrate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Heart-rate rows in a time window, read with the configured default token. */
        get: operations["listHeartRate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sleep": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sleep periods in a date range, read with the configured default token. */
        get: operations["listSleep"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/patients/{patientId}/connection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the patient's Oura connection stands (never its tokens). */
        get: operations["getOuraConnection"];
        put?: never;
        post?: never;
        /**
         * Revokes the grant at Oura (when a revocation URL is configured) and here.
         * @description The stored tokens are wiped and the connection kept as revoked, whether or not Oura confirmed the revocation; upstreamRevocation says what Oura answered.
         */
        delete: operations["disconnectOura"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/patients/{patientId}/connection/authorization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Starts the OAuth flow; answers the Oura authorize URL to send the patient to.
         * @description The state in the URL is sealed, names the patient and expires; Oura sends the patient back to the configured redirect URI with a code and that state, which the owner of the redirect URI passes to ouraCallback.
         */
        post: operations["connectOura"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Completes the OAuth flow with what Oura sent to the redirect URI.
         * @description Exchanges the code at Oura's token endpoint and stores the connection for the patient the state names. The state is single use.
         */
        post: operations["ouraCallback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/patients/{patientId}/connection/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Renews the patient's access token now with the refresh token.
         * @description Collection calls renew the token by themselves shortly before it expires; this forces it. Concurrent renewals for one patient share one token request.
         */
        post: operations["refreshOuraConnection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/patients/{patientId}/heartrate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The patient's heart-rate rows in a time window.
         * @description Split into windows of at most 30 days each (the limit OW cites; unverified).
         */
        get: operations["listPatientHeartRate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/patients/{patientId}/sleep": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The patient's sleep periods in a date range. */
        get: operations["listPatientSleep"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/patients/{patientId}/daily_spo2": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The patient's daily SpO2 documents in a date range. */
        get: operations["listPatientDailyOxygenSaturation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/patients/{patientId}/daily_activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The patient's daily activity documents in a date range. */
        get: operations["listPatientDailyActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/patients/{patientId}/daily_readiness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The patient's daily readiness documents in a date range. */
        get: operations["listPatientDailyReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/patients/{patientId}/workout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The patient's workouts in a date range. */
        get: operations["listPatientWorkout"];
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
        /** @enum {string} */
        OuraScope: "email" | "personal" | "daily" | "heartrate" | "workout" | "tag" | "session" | "spo2Daily";
        /** @description A patient's connection to Oura, without its tokens. */
        OuraConnection: {
            patientId: components["schemas"]["PatientId"];
            /** @enum {string} */
            vendor: "oura";
            /**
             * @description error means Oura refused the refresh token; the patient must connect again.
             * @enum {string}
             */
            status: "connected" | "revoked" | "error";
            /** @description The scopes Oura granted. */
            scopes: string[];
            /**
             * Format: date-time
             * @description When the current access token expires.
             */
            expiresAt?: string;
            /** Format: date-time */
            updatedAt?: string;
            lastError?: string;
        };
        OuraDisconnection: {
            connection: components["schemas"]["OuraConnection"];
            /**
             * @description What Oura answered to the revocation: revoked; failed (an error or no answer: the log has the status); not_configured (no revocation URL); not_needed (the connection held no token any more).
             * @enum {string}
             */
            upstreamRevocation: "revoked" | "failed" | "not_configured" | "not_needed";
        };
        OuraAuthorization: {
            patientId: components["schemas"]["PatientId"];
            /** Format: uri */
            authorizeUrl: string;
            /** @description Opaque; also inside authorizeUrl. */
            state: string;
            /** Format: uri */
            redirectUri: string;
            scopes: components["schemas"]["OuraScope"][];
            /**
             * Format: date-time
             * @description After this the state is refused at the callback.
             */
            expiresAt: string;
        };
        /** @description The query parameters Oura appended to the redirect URI: state with either code or, when the patient declined or Oura refused the request, error. */
        OuraCallback: {
            state: string;
            code?: string;
            error?: string;
            error_description?: string;
        };
        /** @description One page of a vendor collection, in the vendor's own shape. */
        VendorPage: {
            data: {
                [key: string]: unknown;
            }[];
            next_token?: string | null;
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
        /** @description Every row in the window, in Oura's order, with next_token null. A row that a later window returned again (same id, or identical when rows have no id) is dropped and counted in Pause-Overlap-Dropped; rows repeated within one window are kept. */
        Rows: {
            headers: {
                /** @description Rows dropped as repeats of an earlier window's rows; absent when none. */
                "Pause-Overlap-Dropped"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["VendorPage"];
            };
        };
        /** @description UPSTREAM.RATE_LIMITED when Oura answered 429, with Oura's Retry-After passed on as the Retry-After header (seconds) when Oura sent one. */
        RateLimited: {
            headers: {
                /** @description Seconds to wait, when Oura said. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        patientId: components["schemas"]["PatientId"];
        /** @description Start of the window, inclusive, with a UTC offset. */
        startDatetime: string;
        /** @description End of the window, exclusive, with a UTC offset; not before start_datetime. */
        endDatetime: string;
        /** @description First local date of the range. Sent to Oura as is; split into windows of at most 30 days (our choice: Oura documents no limit for these collections). */
        startDate: string;
        /** @description Sent to Oura as is. Oura reads a date-only end_date as that day's midnight, so it is exclusive: to include a day, send the day after. Not before start_date. */
        endDate: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listHeartRate: {
        parameters: {
            query: {
                /** @description Start of the window, inclusive, with a UTC offset. */
                start_datetime: components["parameters"]["startDatetime"];
                /** @description End of the window, exclusive, with a UTC offset; not before start_datetime. */
                end_datetime: components["parameters"]["endDatetime"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Rows"];
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            501: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            503: components["responses"]["RateLimited"];
            504: components["responses"]["Problem"];
        };
    };
    listSleep: {
        parameters: {
            query: {
                /** @description First local date of the range. Sent to Oura as is; split into windows of at most 30 days (our choice: Oura documents no limit for these collections). */
                start_date: components["parameters"]["startDate"];
                /** @description Sent to Oura as is. Oura reads a date-only end_date as that day's midnight, so it is exclusive: to include a day, send the day after. Not before start_date. */
                end_date: components["parameters"]["endDate"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Rows"];
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            501: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            503: components["responses"]["RateLimited"];
            504: components["responses"]["Problem"];
        };
    };
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
                    "application/json": components["schemas"]["OuraConnection"];
                };
            };
            400: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            501: components["responses"]["Problem"];
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
            /** @description The connection is revoked. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OuraDisconnection"];
                };
            };
            400: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            501: components["responses"]["Problem"];
        };
    };
    connectOura: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: components["parameters"]["patientId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description Oura scopes to ask for; default daily, heartrate, workout, spo2Daily. */
                    scopes?: components["schemas"]["OuraScope"][];
                };
            };
        };
        responses: {
            /** @description Where to send the patient. */
            201: {
                headers: {
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OuraAuthorization"];
                };
            };
            400: components["responses"]["Problem"];
            501: components["responses"]["Problem"];
        };
    };
    ouraCallback: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OuraCallback"];
            };
        };
        responses: {
            /** @description The patient is connected. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OuraConnection"];
                };
            };
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            501: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            503: components["responses"]["RateLimited"];
            504: components["responses"]["Problem"];
        };
    };
    refreshOuraConnection: {
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
            /** @description The renewed connection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OuraConnection"];
                };
            };
            400: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            501: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            503: components["responses"]["RateLimited"];
            504: components["responses"]["Problem"];
        };
    };
    listPatientHeartRate: {
        parameters: {
            query: {
                /** @description Start of the window, inclusive, with a UTC offset. */
                start_datetime: components["parameters"]["startDatetime"];
                /** @description End of the window, exclusive, with a UTC offset; not before start_datetime. */
                end_datetime: components["parameters"]["endDatetime"];
            };
            header?: never;
            path: {
                patientId: components["parameters"]["patientId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Rows"];
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            501: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            503: components["responses"]["RateLimited"];
            504: components["responses"]["Problem"];
        };
    };
    listPatientSleep: {
        parameters: {
            query: {
                /** @description First local date of the range. Sent to Oura as is; split into windows of at most 30 days (our choice: Oura documents no limit for these collections). */
                start_date: components["parameters"]["startDate"];
                /** @description Sent to Oura as is. Oura reads a date-only end_date as that day's midnight, so it is exclusive: to include a day, send the day after. Not before start_date. */
                end_date: components["parameters"]["endDate"];
            };
            header?: never;
            path: {
                patientId: components["parameters"]["patientId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Rows"];
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            501: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            503: components["responses"]["RateLimited"];
            504: components["responses"]["Problem"];
        };
    };
    listPatientDailyOxygenSaturation: {
        parameters: {
            query: {
                /** @description First local date of the range. Sent to Oura as is; split into windows of at most 30 days (our choice: Oura documents no limit for these collections). */
                start_date: components["parameters"]["startDate"];
                /** @description Sent to Oura as is. Oura reads a date-only end_date as that day's midnight, so it is exclusive: to include a day, send the day after. Not before start_date. */
                end_date: components["parameters"]["endDate"];
            };
            header?: never;
            path: {
                patientId: components["parameters"]["patientId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Rows"];
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            501: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            503: components["responses"]["RateLimited"];
            504: components["responses"]["Problem"];
        };
    };
    listPatientDailyActivity: {
        parameters: {
            query: {
                /** @description First local date of the range. Sent to Oura as is; split into windows of at most 30 days (our choice: Oura documents no limit for these collections). */
                start_date: components["parameters"]["startDate"];
                /** @description Sent to Oura as is. Oura reads a date-only end_date as that day's midnight, so it is exclusive: to include a day, send the day after. Not before start_date. */
                end_date: components["parameters"]["endDate"];
            };
            header?: never;
            path: {
                patientId: components["parameters"]["patientId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Rows"];
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            501: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            503: components["responses"]["RateLimited"];
            504: components["responses"]["Problem"];
        };
    };
    listPatientDailyReadiness: {
        parameters: {
            query: {
                /** @description First local date of the range. Sent to Oura as is; split into windows of at most 30 days (our choice: Oura documents no limit for these collections). */
                start_date: components["parameters"]["startDate"];
                /** @description Sent to Oura as is. Oura reads a date-only end_date as that day's midnight, so it is exclusive: to include a day, send the day after. Not before start_date. */
                end_date: components["parameters"]["endDate"];
            };
            header?: never;
            path: {
                patientId: components["parameters"]["patientId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Rows"];
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            501: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            503: components["responses"]["RateLimited"];
            504: components["responses"]["Problem"];
        };
    };
    listPatientWorkout: {
        parameters: {
            query: {
                /** @description First local date of the range. Sent to Oura as is; split into windows of at most 30 days (our choice: Oura documents no limit for these collections). */
                start_date: components["parameters"]["startDate"];
                /** @description Sent to Oura as is. Oura reads a date-only end_date as that day's midnight, so it is exclusive: to include a day, send the day after. Not before start_date. */
                end_date: components["parameters"]["endDate"];
            };
            header?: never;
            path: {
                patientId: components["parameters"]["patientId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Rows"];
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            501: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            503: components["responses"]["RateLimited"];
            504: components["responses"]["Problem"];
        };
    };
}
