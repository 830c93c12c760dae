import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTypeModel, type TypeModel } from './type-model';

/** Where the trained model lives: shipped as data (public/), fetched by the extension at run time. */
export const SHIPPED_MODEL_PATH = join(dirname(fileURLToPath(import.meta.url)), '../../public/models/types.json');

let cached: TypeModel | undefined;

/** The shipped type model read from disk, for the CLIs, benchmarks and tests that run in Node. */
export function readShippedModel(path = SHIPPED_MODEL_PATH): TypeModel {
  if (path === SHIPPED_MODEL_PATH && cached) return cached;
  const model = loadTypeModel(JSON.parse(readFileSync(path, 'utf8')));
  if (path === SHIPPED_MODEL_PATH) cached = model;
  return model;
}
