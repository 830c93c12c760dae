import { loadTypeModel, type TypeModel } from '../core/classifier/type-model';

let pending: Promise<TypeModel> | undefined;

/**
 * The trained type model shipped with the extension as data (public/models/types.json), fetched from the
 * extension's own origin once per page and checked against its schema (a broken file says where it breaks).
 * Not part of any JS bundle: the panel's code stays small, the model loads once in the background of the page.
 */
export function loadBundledModel(url = '/models/types.json'): Promise<TypeModel> {
  pending ??= fetch(url)
    .then((r) => {
      if (!r.ok) throw new Error(`the type model could not be read (${r.status})`);
      return r.json();
    })
    .then(loadTypeModel)
    .catch((e: unknown) => {
      pending = undefined;
      throw e;
    });
  return pending;
}
