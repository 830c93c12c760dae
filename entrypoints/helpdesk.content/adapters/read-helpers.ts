import { getJson, type GetJsonOptions } from '../../../core/net/http';
import { log } from '../log';

/** GETs an answer that must have a body (Zendesk always has one). */
export async function getBody(url: string, opts: GetJsonOptions): Promise<unknown> {
  const body = await getJson(url, opts);
  if (body === null) throw new Error(`empty answer from ${url}`);
  return body;
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
