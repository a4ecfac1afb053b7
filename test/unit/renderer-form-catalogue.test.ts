import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formTemplate } from '../../electron/contract';
import { FORMS, PROCEDURE_ALIASES, formForProcedure } from '../../renderer/components/form-catalogue';

const dir = join(__dirname, '../../resources/forms');
const templates = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => formTemplate.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))));

describe('the renderer table of forms by procedure', () => {
  it('lists every bundled template with its procedure code, and nothing else', () => {
    expect(FORMS.map((f) => [f.formId, f.procedureCode]).sort()).toEqual(templates.map((t) => [t.id, t.procedureCode]).sort());
  });

  it('maps a procedure code to its form, and an unknown or absent one to null', () => {
    for (const t of templates) expect(formForProcedure(t.procedureCode)).toBe(t.id);
    expect(formForProcedure('NO.SUCH')).toBeNull();
    expect(formForProcedure(null)).toBeNull();
  });

  it('sends the rule packs\' own codes for a bundled procedure to an existing form', () => {
    for (const [code, formId] of Object.entries(PROCEDURE_ALIASES)) {
      expect(templates.map((t) => t.id)).toContain(formId);
      expect(formForProcedure(code)).toBe(formId);
    }
  });
});
