/** Integer query parameters with FastAPI's 422 entries (`skip`/`limit` on the paged lists). */
import { unprocessable } from '../errors';

export function intParam(query: URLSearchParams, name: string, fallback: number, min: number, max?: number): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const loc = ['query', name];
  if (!/^-?\d+$/.test(raw.trim())) {
    throw unprocessable([{ type: 'int_parsing', loc, msg: 'Input should be a valid integer, unable to parse string as an integer', input: raw }]);
  }
  const value = Number(raw);
  if (value < min) {
    throw unprocessable([{ type: 'greater_than_equal', loc, msg: `Input should be greater than or equal to ${min}`, input: raw, ctx: { ge: min } }]);
  }
  if (max !== undefined && value > max) {
    throw unprocessable([{ type: 'less_than_equal', loc, msg: `Input should be less than or equal to ${max}`, input: raw, ctx: { le: max } }]);
  }
  return value;
}
