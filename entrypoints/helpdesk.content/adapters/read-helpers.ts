import type { z } from 'zod';
import { getJson, type GetJsonOptions } from '../../../core/net/http';
import { log } from '../log';

/** GETs and validates one API answer; null for amoCRM's 204 "no such record". */
export async function getParsed<S extends z.ZodType>(schema: S, url: string, opts: GetJsonOptions): Promise<z.infer<S> | null> {
  const body = await getJson(url, opts);
  return body === null ? null : schema.parse(body);
}

/** Optional extras: a refusal or an error here never costs the client card. */
export async function optional<T>(what: string, p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (e) {
    log.info(`${what} unavailable`, e);
    return undefined;
  }
}
