// Generated from the OpenAPI contract by `npm run gen:types`. Do not edit.
export interface paths {
    "/observations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search Observations, following JHE's next links to the end.
         * @description At least one of patient, study or organization is required, so that a search never silently means "everything the practitioner can see".
         */
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
    "/observations/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Count matching Observations without fetching them (JHE's _summary=count). */
        get: operations["countObservations"];
        put?: never;
        post?: never;
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
         * @description JHE answers a batch with HTTP 200 whatever happened to each entry, and its entries can misalign with the request. Results are therefore matched to requests by identifier, so every Observation must carry exactly one identifier, unique within the batch. Those identifiers also make the batch safe to send again when the connection to JHE drops before its answer; see BatchResult.resent for how such a batch is reported.
         */
        post: operations["createObservationBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/patients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Patients sharing an organization with the practitioner, every page. */
        get: operations["listPatients"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/patients/{patientId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One patient. */
        get: operations["getPatient"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/patients/{patientId}/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the patient has consented to, study by study, and what is pending. */
        get: operations["getPatientConsents"];
        put?: never;
        /** Record new consent decisions (each study and code must not have one yet). */
        post: operations["grantPatientConsents"];
        /** Delete consent decisions. Data already stored stays readable. */
        delete: operations["revokePatientConsents"];
        options?: never;
        head?: never;
        /** Change existing consent decisions. */
        patch: operations["updatePatientConsents"];
        trace?: never;
    };
    "/studies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The practitioner's studies, every page. */
        get: operations["listStudies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/studies/{studyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One study of the practitioner's organizations. */
        get: operations["getStudy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/studies/{studyId}/patients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The patients enrolled in a study, every page. */
        get: operations["listStudyPatients"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Organizations, every page (JHE lists all of them, not only the caller's). */
        get: operations["listOrganizations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{organizationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One organization. */
        get: operations["getOrganization"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data-sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** JHE's data sources (devices and apps), every page. */
        get: operations["listDataSources"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/practitioner-clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The API clients of the gateway's own practitioner. */
        get: operations["listPractitionerClients"];
        put?: never;
        /** Create an API client for the gateway's own practitioner. */
        post: operations["createPractitionerClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Invite a patient to connect a patient app (JHE's /api/v1/invitation). */
        post: operations["createInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invitations/redemptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Redeem a patient invitation and exchange its grant for a patient token.
         * @description Redeems the invitation token at JHE, then exchanges the authorization code JHE grants at /o/token/ with the PKCE verifier JHE expects (base64url of the invitation token, unpadded). The token response goes back to the internal caller and is never logged.
         */
        post: operations["redeemInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/token-exchange": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange an EHR id_token (SMART EHR launch) for a JHE access token (RFC 8693).
         * @description The id_token must name a Practitioner in `fhirUser` whom JHE knows by identifier. The token response goes back to the internal caller and is never logged.
         */
        post: operations["exchangeIdToken"];
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
            /** @description Present and true when the batch was sent to JHE again because the connection dropped before JHE answered. JHE may have stored entries of the unanswered copy, so an entry JHE then answers 409 Conflict is reported `created` (with httpStatus 409 and no observationId): the Observation is stored, by this upload. */
            resent?: boolean;
        };
        OrganizationRef: {
            id: number;
            name?: string;
            type?: string;
        };
        /** @description JHE's admin rendering of a patient (camelCase, as JHE answers). */
        Patient: {
            /** @description Patient.id, used in patient= and Patient/<id>. */
            id: number;
            /** @description The login account id; not the Patient.id. */
            jheUserId?: number;
            identifiers?: {
                id?: number;
                system?: string | null;
                value?: string | null;
            }[];
            nameFamily?: string | null;
            nameGiven?: string | null;
            birthDate?: string | null;
            telecomPhone?: string | null;
            telecomEmail?: string | null;
            organizations?: components["schemas"]["OrganizationRef"][];
        };
        /** @description A JHE CodeableConcept. */
        Code: {
            id?: number;
            codingSystem?: string;
            codingCode?: string;
            text?: string | null;
        };
        /** @description JHE's consent summary (GET /api/v1/patients/{id}/consents). */
        PatientConsents: {
            patient?: Record<string, never>;
            consolidatedConsentedScopes?: components["schemas"]["Code"][];
            studiesPendingConsent?: Record<string, never>[];
            studies?: Record<string, never>[];
        };
        /** @description Consent decisions per study, in JHE's request shape. */
        ConsentChange: {
            studyScopeConsents: {
                studyId: number;
                scopeConsents: {
                    codingSystem: string;
                    codingCode: string;
                    consented: boolean;
                }[];
            }[];
        };
        ConsentRows: {
            studyScopeConsents: {
                id?: number;
                studyPatient?: Record<string, never>;
                scopeCode?: components["schemas"]["Code"];
                consented?: boolean;
                consentedTime?: string | null;
            }[];
        };
        Study: {
            id: number;
            name: string;
            description?: string | null;
            organization?: components["schemas"]["OrganizationRef"];
            iconUrl?: string | null;
        };
        Organization: {
            id: number;
            name: string;
            type?: string;
            partOf?: number | null;
            currentUserRole?: string | null;
            children?: Record<string, never>[];
        };
        DataSource: {
            id: number;
            name: string;
            /** @description personal_device, medical_device or patient_app */
            type: string;
            supportedScopes?: components["schemas"]["Code"][];
        };
        PractitionerClient: {
            id: number;
            label?: string | null;
            created?: string;
            name?: string;
            /** @description base64 of client_id:client_secret, the HTTP Basic credential. A secret. */
            key?: string;
        };
        /** @description JHE's invitation; `client_id` keeps JHE's snake_case spelling. */
        Invitation: {
            id: number;
            patientId?: number;
            client_id?: number;
            /** @description The one-time invitation token. A secret. */
            token?: string;
            tokenHash?: string;
            status: string;
            lastUpdated?: string;
            invitationLink?: string;
        };
        /** @description An OAuth 2.0 token response. Its tokens are secrets and are never logged. */
        TokenResponse: {
            access_token: string;
            token_type: string;
            expires_in?: number;
            scope?: string;
            refresh_token?: string;
            id_token?: string;
            issued_token_type?: string;
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
        studyId: number;
        /** @description Sent as patient=<Patient.id>, the bare integer JHE expects. */
        patient: components["schemas"]["PatientId"];
        /** @description Sent as patient._has:Group:member:_id; only codes the study requests match. */
        study: number;
        /** @description Sent as patient.organization. */
        organization: number;
        /** @description An OMH or IEEE schema id such as omh:heart-rate:2.0, or a token system|code. Always sent to JHE as system|code: JHE matches nothing on a bare code. */
        code: string;
        /** @description Effective-time bounds with a ge, gt, le or lt prefix; repeat to AND. */
        date: string[];
        /** @description Sent as _lastUpdated: ingest-time bounds with a ge, gt, le or lt prefix, or a bare date for that whole day; repeat to AND. */
        lastUpdated: string[];
        /** @description Sent as _id, an exact Observation id. */
        id: string;
        /** @description Sent as _source to choose JHE's store: https://jupyterhealth.org/jhe for Open mHealth Observations (the default), a FHIR source URI for that source's other Observations. */
        source: string;
        /** @description Sent as _source:below, e.g. https://jupyterhealth.org/fhir/fhir-source/. */
        sourceBelow: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    searchObservations: {
        parameters: {
            query?: {
                /** @description Sent as patient=<Patient.id>, the bare integer JHE expects. */
                patient?: components["parameters"]["patient"];
                /** @description Sent as patient._has:Group:member:_id; only codes the study requests match. */
                study?: components["parameters"]["study"];
                /** @description Sent as patient.organization. */
                organization?: components["parameters"]["organization"];
                /** @description An OMH or IEEE schema id such as omh:heart-rate:2.0, or a token system|code. Always sent to JHE as system|code: JHE matches nothing on a bare code. */
                code?: components["parameters"]["code"];
                /** @description Effective-time bounds with a ge, gt, le or lt prefix; repeat to AND. */
                date?: components["parameters"]["date"];
                /** @description Sent as _lastUpdated: ingest-time bounds with a ge, gt, le or lt prefix, or a bare date for that whole day; repeat to AND. */
                lastUpdated?: components["parameters"]["lastUpdated"];
                /** @description Sent as _id, an exact Observation id. */
                id?: components["parameters"]["id"];
                /** @description Sent as _source to choose JHE's store: https://jupyterhealth.org/jhe for Open mHealth Observations (the default), a FHIR source URI for that source's other Observations. */
                source?: components["parameters"]["source"];
                /** @description Sent as _source:below, e.g. https://jupyterhealth.org/fhir/fhir-source/. */
                sourceBelow?: components["parameters"]["sourceBelow"];
                /** @description Sent as _sort. `date` is effective time; `lastUpdated` is ingest time. */
                sort?: "date" | "-date" | "lastUpdated" | "-lastUpdated";
                /** @description Sent as _count; JHE caps it at 1000. */
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
                "application/json": components["schemas"]["Observation"] & {
                    identifier: unknown[];
                };
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
            404: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            422: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
    countObservations: {
        parameters: {
            query?: {
                /** @description Sent as patient=<Patient.id>, the bare integer JHE expects. */
                patient?: components["parameters"]["patient"];
                /** @description Sent as patient._has:Group:member:_id; only codes the study requests match. */
                study?: components["parameters"]["study"];
                /** @description Sent as patient.organization. */
                organization?: components["parameters"]["organization"];
                /** @description An OMH or IEEE schema id such as omh:heart-rate:2.0, or a token system|code. Always sent to JHE as system|code: JHE matches nothing on a bare code. */
                code?: components["parameters"]["code"];
                /** @description Effective-time bounds with a ge, gt, le or lt prefix; repeat to AND. */
                date?: components["parameters"]["date"];
                /** @description Sent as _lastUpdated: ingest-time bounds with a ge, gt, le or lt prefix, or a bare date for that whole day; repeat to AND. */
                lastUpdated?: components["parameters"]["lastUpdated"];
                /** @description Sent as _id, an exact Observation id. */
                id?: components["parameters"]["id"];
                /** @description Sent as _source to choose JHE's store: https://jupyterhealth.org/jhe for Open mHealth Observations (the default), a FHIR source URI for that source's other Observations. */
                source?: components["parameters"]["source"];
                /** @description Sent as _source:below, e.g. https://jupyterhealth.org/fhir/fhir-source/. */
                sourceBelow?: components["parameters"]["sourceBelow"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many Observations match. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total: number;
                    };
                };
            };
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
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
    listPatients: {
        parameters: {
            query?: {
                organizationId?: number;
                studyId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every listed patient, ordered by id as JHE lists them. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        results: components["schemas"]["Patient"][];
                    };
                };
            };
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
    getPatient: {
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
            /** @description The patient. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Patient"];
                };
            };
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
    getPatientConsents: {
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
            /** @description JHE's consent summary for the patient. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PatientConsents"];
                };
            };
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
    grantPatientConsents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: components["parameters"]["patientId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConsentChange"];
            };
        };
        responses: {
            /** @description The consent rows JHE wrote. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentRows"];
                };
            };
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
    revokePatientConsents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: components["parameters"]["patientId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConsentChange"];
            };
        };
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
    updatePatientConsents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: components["parameters"]["patientId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConsentChange"];
            };
        };
        responses: {
            /** @description The consent rows JHE updated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentRows"];
                };
            };
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
    listStudies: {
        parameters: {
            query?: {
                organizationId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every listed study, ordered by name as JHE lists them. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        results: components["schemas"]["Study"][];
                    };
                };
            };
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
    getStudy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                studyId: components["parameters"]["studyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The study. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Study"];
                };
            };
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
    listStudyPatients: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                studyId: components["parameters"]["studyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every enrolled patient. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        results: components["schemas"]["Patient"][];
                    };
                };
            };
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
    listOrganizations: {
        parameters: {
            query?: {
                partOf?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every listed organization. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        results: components["schemas"]["Organization"][];
                    };
                };
            };
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
    getOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organizationId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The organization. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organization"];
                };
            };
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
    listDataSources: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every data source. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        results: components["schemas"]["DataSource"][];
                    };
                };
            };
            403: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
    listPractitionerClients: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every client, each with its API key. */
            200: {
                headers: {
                    "Cache-Control"?: "no-store";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        results: components["schemas"]["PractitionerClient"][];
                    };
                };
            };
            403: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
    createPractitionerClient: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    label?: string;
                };
            };
        };
        responses: {
            /** @description The new client with its API key (base64 of client_id:client_secret). */
            201: {
                headers: {
                    "Cache-Control"?: "no-store";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PractitionerClient"];
                };
            };
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
    createInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    patientId: components["schemas"]["PatientId"];
                    /** @description The patient app's OAuth Application primary key (not its client_id string). */
                    clientId: number;
                    /** @default false */
                    sendEmail?: boolean;
                };
            };
        };
        responses: {
            /** @description The invitation, with its link and one-time token. */
            201: {
                headers: {
                    "Cache-Control"?: "no-store";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invitation"];
                };
            };
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
    redeemInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description The patient's token response. */
            200: {
                headers: {
                    "Cache-Control"?: "no-store";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            410: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
    exchangeIdToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    idToken: string;
                };
            };
        };
        responses: {
            /** @description JHE's token response. */
            200: {
                headers: {
                    "Cache-Control"?: "no-store";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            400: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            502: components["responses"]["Problem"];
            504: components["responses"]["Problem"];
        };
    };
}
