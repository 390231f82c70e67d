import type { FieldError } from '../forms/fields.ts';

/**
 * An error the client caused or can act on: a status below 500, a stable code for programs,
 * a Dutch message for people, and optionally the fields it concerns.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: readonly FieldError[] = [],
    /** An HTML page to show instead of the generic message page (the form with its errors). */
    readonly page?: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Stable error codes of the API, each with its status. */
export const ERRORS = {
  BODY_TOO_LARGE: { status: 413, message: 'Het verzoek is te groot.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Stuur de gegevens als JSON of als formulier.' },
  MALFORMED_JSON: { status: 400, message: 'De gegevens zijn geen geldige JSON.' },
  MALFORMED_BODY: { status: 400, message: 'De gegevens konden niet worden gelezen.' },
  VALIDATION_FAILED: { status: 422, message: 'Niet alle gegevens zijn goed ingevuld.' },
  INVALID_STEP: { status: 400, message: 'Deze stap van het formulier bestaat niet. Begin opnieuw.' },
  FORM_REJECTED: { status: 400, message: 'Wij konden het formulier niet verwerken. Er stond iets in een veld dat leeg moet blijven. Vult een programma formulieren voor u in? Zet dat dan uit en begin opnieuw.' },
  TOO_FAST: { status: 400, message: 'U verstuurde het formulier erg snel. Kijk uw antwoorden nog even na en verstuur het formulier opnieuw.' },
  RATE_LIMITED: { status: 429, message: 'Vanaf uw netwerk zijn het afgelopen uur veel formulieren verstuurd. Probeer het later opnieuw.' },
  NOT_FOUND: { status: 404, message: 'Deze pagina bestaat niet.' },
  DRAFT_EXPIRED: { status: 410, message: 'Dit formulier is verlopen. Begin opnieuw.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'Deze methode is hier niet toegestaan.' },
  SUBMISSION_CONFLICT: { status: 409, message: 'Deze Regioscan is al verstuurd met andere antwoorden.' },
  REGISTRATION_CONFLICT: { status: 409, message: 'Deze aanmelding is al verstuurd met andere gegevens. Begin opnieuw als u nog een regio wilt aanmelden.' },
  NOT_APPROVED: { status: 409, message: 'Deze regio is (nog) niet goedgekeurd.' },
  ALREADY_DECIDED: { status: 409, message: 'Over deze aanmelding is al anders beslist.' },
  ROUND_CLOSED: { status: 409, message: 'Deze ronde is gesloten.' },
  NO_FIGURES_YET: { status: 503, message: 'Er zijn nog geen cijfers geladen. Probeer het later opnieuw.' },
  INTERNAL: { status: 500, message: 'Er ging bij ons iets mis. Probeer het later opnieuw.' },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export function httpError(code: ErrorCode, fields: readonly FieldError[] = [], page?: string, message?: string): HttpError {
  const def = ERRORS[code];
  return new HttpError(def.status, code, message ?? def.message, fields, page);
}
