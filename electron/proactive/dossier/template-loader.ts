import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formTemplate, type FormTemplate } from '../../contract';
import type { Db } from '../../db/connection';

/** Where a template came from: a bundled file or a synced `form` object. */
export type TemplateOrigin = { kind: 'bundled'; file: string } | { kind: 'synced'; id: string };

export interface RejectedTemplate {
  origin: TemplateOrigin;
  /** English, for logs and the technician console. */
  reason: string;
}

export interface LoadedTemplates {
  /** By form id: the highest version among the bundled and synced ones. */
  templates: Map<string, FormTemplate>;
  rejected: RejectedTemplate[];
}

interface Candidate {
  origin: TemplateOrigin;
  json: string;
}

function parseCandidate({ origin, json }: Candidate): FormTemplate | RejectedTemplate {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { origin, reason: 'not JSON' };
  }
  const parsed = formTemplate.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    return { origin, reason: `${first.path.join('.') || '(template)'}: ${first.message}` };
  }
  if (origin.kind === 'synced' && origin.id !== parsed.data.id) {
    return { origin, reason: `synced object id ${origin.id} differs from the form id ${parsed.data.id}` };
  }
  return parsed.data;
}

/** Keeps the highest version per form id; an invalid template is set aside with its reason, never thrown. */
export function mergeTemplates(candidates: Candidate[]): LoadedTemplates {
  const templates = new Map<string, FormTemplate>();
  const rejected: RejectedTemplate[] = [];
  for (const candidate of candidates) {
    const result = parseCandidate(candidate);
    if ('reason' in result) {
      rejected.push(result);
      continue;
    }
    const held = templates.get(result.id);
    if (!held || result.version > held.version) templates.set(result.id, result);
  }
  return { templates, rejected };
}

const bundledCandidates = (dir: string): Candidate[] =>
  readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ origin: { kind: 'bundled', file }, json: readFileSync(join(dir, file), 'utf8') }));

const syncedCandidates = (db: Db): Candidate[] =>
  db
    .prepare<[], { id: string; data: string }>("SELECT id, data FROM synced_objects WHERE type = 'form' ORDER BY id")
    .all()
    .map(({ id, data }) => ({ origin: { kind: 'synced', id }, json: data }));

/** The bundled templates of `formsDir` (resources/forms) and the synced ones of `db`, when given. */
export function loadFormTemplates(formsDir: string, db?: Db): LoadedTemplates {
  return mergeTemplates([...bundledCandidates(formsDir), ...(db ? syncedCandidates(db) : [])]);
}
