/**
 * Errors in the shapes FastAPI/Starlette produce on the real backend (no custom handlers there):
 * `{"detail": "<string>"}` for HTTPException, `{"detail": [...]}` for 422 validation errors.
 * Handlers throw these; the router turns them into responses.
 */

/** One pydantic v2 error entry, as FastAPI serialises it in a 422 body. */
export interface ValidationIssue {
  type: string;
  loc: (string | number)[];
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string | ValidationIssue[],
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof detail === 'string' ? detail : `HTTP ${status}`);
  }
}

/**
 * A failure the backend only meets when the transaction is flushed or committed (a column too long,
 * an enum value Postgres rejects). It is not converted by the endpoints: the client gets a bare 500.
 */
export class DatabaseError extends Error {}

export const badRequest = (detail: string): HttpError => new HttpError(400, detail);
export const unauthorized = (detail: string): HttpError => new HttpError(401, detail);
export const forbidden = (detail: string): HttpError => new HttpError(403, detail);
export const notFound = (detail = 'Not Found'): HttpError => new HttpError(404, detail);
export const unprocessable = (issues: ValidationIssue[]): HttpError => new HttpError(422, issues);

/** `require_permission` dependencies answer with this exact text (llm-providers, db connections, …). */
export const permissionDenied = (permission: string): HttpError => forbidden(`Permission denied: ${permission}`);

/** The three prefixes the package endpoints put in front of their 400 details. */
export function validationFailed(errors: readonly { path: string; message: string }[]): HttpError {
  return badRequest(`Package validation failed: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
}
