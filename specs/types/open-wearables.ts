// Generated from the OpenAPI contract by `npm run gen:types`. Do not edit.
export interface paths {
    "/users/{user_id}/timeseries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every time-series sample of an OW user in a time window.
         * @description Samples with `start_time <= timestamp < end_time`, ordered by timestamp, as OW orders them. Without `types` OW returns every series it holds.
         */
        get: operations["listTimeseries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{user_id}/summaries/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Daily activity summaries of an OW user for a range of calendar dates.
         * @description One summary per date and source, for `start_date <= date < end_date` (OW's end date is exclusive). The date is OW's local date of the day; it carries no offset.
         */
        get: operations["listActivitySummaries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{user_id}/events/sleep": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sleep sessions (naps included) of an OW user in a window.
         * @description Sessions that start at or after `start_date` and end before `end_date`, as OW selects them. A bare date means 00:00 UTC of that date (OW's rule); give a date-time with an offset to cut the window at local midnight instead.
         */
        get: operations["listSleepEvents"];
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
        /** Format: date-time */
        OffsetDateTime: string;
        DateOrOffsetDateTime: string;
        /** @description OW's paging block of the last page fetched. */
        Pagination: {
            next_cursor?: string | null;
            previous_cursor?: string | null;
            has_more: boolean;
            total_count?: number | null;
        };
        SourceMetadata: ({
            provider?: string | null;
            source?: string | null;
            device?: string | null;
            device_type?: string | null;
            device_name?: string | null;
        } & {
            [key: string]: unknown;
        }) | null;
        /** @description One OW sample; OW may add fields, which are passed through. */
        TimeSeriesSample: {
            timestamp: string;
            zone_offset?: string | null;
            type: string;
            value: number;
            unit: string;
            source?: components["schemas"]["SourceMetadata"];
            is_daily_total?: boolean | null;
        } & {
            [key: string]: unknown;
        };
        ActivitySummary: {
            date: string;
            source?: components["schemas"]["SourceMetadata"];
            steps?: number | null;
            distance_meters?: number | null;
            active_calories_kcal?: number | null;
        } & {
            [key: string]: unknown;
        };
        SleepSession: {
            id: string;
            start_time: string;
            end_time: string;
            zone_offset?: string | null;
            source?: components["schemas"]["SourceMetadata"];
            is_nap?: boolean | null;
        } & {
            [key: string]: unknown;
        };
        TimeseriesCollection: {
            data: components["schemas"]["TimeSeriesSample"][];
            pagination: components["schemas"]["Pagination"];
        };
        ActivitySummaryCollection: {
            data: components["schemas"]["ActivitySummary"][];
            pagination: components["schemas"]["Pagination"];
        };
        SleepEventCollection: {
            data: components["schemas"]["SleepSession"][];
            pagination: components["schemas"]["Pagination"];
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
        /** @description OW asked us to slow down (UPSTREAM.RATE_LIMITED). Retry-After repeats OW's wait, in seconds, when OW gave one. */
        RateLimited: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
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
        /** @description The OW user id (a UUID), not a JHE patient id. */
        userId: string;
    };
    requestBodies: never;
    headers: {
        /** @description Seconds to wait before calling again, as OW asked (when it said). */
        RetryAfter: number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listTimeseries: {
        parameters: {
            query: {
                /** @description Inclusive start; an RFC 3339 date-time with its offset. */
                start_time: components["schemas"]["OffsetDateTime"];
                /** @description Exclusive end; an RFC 3339 date-time with its offset. */
                end_time: components["schemas"]["OffsetDateTime"];
                /** @description OW series types to keep (repeat the parameter for several). */
                types?: string[];
            };
            header?: never;
            path: {
                /** @description The OW user id (a UUID), not a JHE patient id. */
                user_id: components["parameters"]["userId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All samples in the window. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeseriesCollection"];
                };
            };
            400: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            503: components["responses"]["RateLimited"];
            504: components["responses"]["Problem"];
        };
    };
    listActivitySummaries: {
        parameters: {
            query: {
                /** @description First date, inclusive. */
                start_date: string;
                /** @description Date after the last one (exclusive). */
                end_date: string;
            };
            header?: never;
            path: {
                /** @description The OW user id (a UUID), not a JHE patient id. */
                user_id: components["parameters"]["userId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All summaries in the range. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivitySummaryCollection"];
                };
            };
            400: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            503: components["responses"]["RateLimited"];
            504: components["responses"]["Problem"];
        };
    };
    listSleepEvents: {
        parameters: {
            query: {
                /** @description Inclusive start, a date or a date-time with its offset. */
                start_date: components["schemas"]["DateOrOffsetDateTime"];
                /** @description Exclusive end, a date or a date-time with its offset. */
                end_date: components["schemas"]["DateOrOffsetDateTime"];
            };
            header?: never;
            path: {
                /** @description The OW user id (a UUID), not a JHE patient id. */
                user_id: components["parameters"]["userId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All sleep sessions in the window. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SleepEventCollection"];
                };
            };
            400: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            503: components["responses"]["RateLimited"];
            504: components["responses"]["Problem"];
        };
    };
}
