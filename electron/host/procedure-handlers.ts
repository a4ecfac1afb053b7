import type { FormTemplate } from '../contract';
import { procedureEntries, type ProcedureRecord } from '../proactive/procedures/procedure-entry';
import { ProcedureSearch } from '../proactive/procedures/procedure-search';
import type { Catalogue } from '../proactive/recommend';
import type { Handlers } from './router';

export interface ProcedureHandlerDeps {
  /** The procedures as last synced, cached until the next sync changes them. */
  procedures: () => readonly ProcedureRecord[];
  templates: () => ReadonlyMap<string, FormTemplate>;
  catalogue: () => Catalogue;
}

/** At most this many procedures come back: the screen lists them compactly, and a search narrows them. */
const LIMIT = 30;

/** "Tra cứu thủ tục" at the kiosk: the index is built once per change of the procedures, forms or outcomes it reads. */
export function procedureHandlers(deps: ProcedureHandlerDeps): Pick<Handlers, 'procedures.search'> {
  let built: { from: unknown[]; search: ProcedureSearch } | null = null;
  const index = () => {
    const from = [deps.procedures(), deps.templates(), deps.catalogue()];
    if (!built || from.some((x, i) => x !== built!.from[i])) built = { from, search: new ProcedureSearch(procedureEntries(from[0] as ProcedureRecord[], deps.templates().values(), deps.catalogue())) };
    return built.search;
  };
  return {
    'procedures.search': ({ query, lifeEvent, codes }) => {
      const search = index();
      const titles = new Map(deps.catalogue().outcomes.map((o) => [o.id, o.title]));
      return {
        ...(codes ? search.byCodes(codes) : search.search(query, { lifeEvent, limit: LIMIT })),
        lifeEvents: search.lifeEvents().flatMap(({ id, count }) => {
          const title = titles.get(id);
          return title ? [{ id, title, count }] : [];
        }),
      };
    },
  };
}
