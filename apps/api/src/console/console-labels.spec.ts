import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Controller } from '@nestjs/common';
import { ApiExtraModels, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { LAUNCH_DTOS, PARTICIPATION_KINDS } from '@workflows/registry-lookups';
import { consoleLabels } from './console-labels';

interface Schema {
  $ref?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
}

@Controller()
@ApiExtraModels(...LAUNCH_DTOS)
class LaunchSchemasController {}

/** The OpenAPI schemas of every kind's launch DTO, as /docs-json writes them (the console's launch forms). */
async function launchSchemas(): Promise<{ schemas: Record<string, Schema>; launches: string[] }> {
  const module = await Test.createTestingModule({ controllers: [LaunchSchemasController] }).compile();
  const app = module.createNestApplication({ logger: false });
  await app.init();
  try {
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    return { schemas: document.components?.schemas ?? {}, launches: LAUNCH_DTOS.map((dto) => dto.name) };
  } finally {
    await app.close();
  }
}

/** Every field name and choice value a launch form shows: its properties, those of its repeated sections, their enums. */
function fieldsAndChoices(schemas: Record<string, Schema>, root: string) {
  const fields = new Set<string>();
  const choices = new Set<string>();
  const seen = new Set<string>();
  const visit = (schema: Schema | undefined): void => {
    if (!schema) return;
    if (schema.$ref) {
      const name = schema.$ref.split('/').pop()!;
      if (seen.has(name)) return;
      seen.add(name);
      return visit(schemas[name]);
    }
    for (const value of schema.enum ?? []) if (typeof value === 'string') choices.add(value);
    schema.allOf?.forEach(visit);
    visit(schema.items);
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      // The kind is chosen from the kinds' names (`kinds`), not labelled as a field.
      if (name === 'kind') continue;
      fields.add(name);
      visit(property);
    }
  };
  visit({ $ref: `#/components/schemas/${root}` });
  return { fields: [...fields], choices: [...choices] };
}

/** The fields and choices the tasks of every kind's recorded histories asked for (`requiredFields` in the activities' inputs). */
function recordedTaskFields(): { fields: Set<string>; choices: Set<string> } {
  const fields = new Set<string>();
  const choices = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    // A payload: JSON in base64.
    if (typeof record.data === 'string' && record.metadata) {
      const text = Buffer.from(record.data, 'base64').toString('utf8');
      if (text.includes('requiredFields')) visit(JSON.parse(text));
    }
    if (record.requiredFields && typeof record.requiredFields === 'object') {
      for (const [name, rule] of Object.entries(record.requiredFields as Record<string, { values?: string[] }>)) {
        fields.add(name);
        rule.values?.forEach((choice) => choices.add(choice));
      }
    }
    Object.values(record).forEach(visit);
  };
  const workflows = join(__dirname, '..', '..', '..', '..', 'workflows');
  for (const kind of PARTICIPATION_KINDS) {
    const folder = join(workflows, kind, 'histories');
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.json'))) {
      visit(JSON.parse(readFileSync(join(folder, file), 'utf8')));
    }
  }
  return { fields, choices };
}

describe('the console’s labels', () => {
  it('says kinds, phases, statuses, outcomes, fields and choices in words, in each language', () => {
    const fr = consoleLabels('fr');
    const en = consoleLabels('en');
    expect(Object.keys(fr)).toEqual(['kinds', 'phases', 'statuses', 'outcomes', 'fields', 'options']);
    expect(fr.fields.businessKey).toBe('Clé unique (minuscules, tirets)');
    expect(en.fields.businessKey).toBe('Unique key (lower case, dashes)');
    expect(Object.keys(en.fields).sort()).toEqual(Object.keys(fr.fields).sort());
    expect(Object.keys(en.options).sort()).toEqual(Object.keys(fr.options).sort());
  });

  it('labels every field and choice of every kind’s launch form in French and English', async () => {
    const { schemas, launches } = await launchSchemas();
    expect(launches.length).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const locale of ['fr', 'en'] as const) {
      const labels = consoleLabels(locale);
      for (const launch of launches) {
        expect(schemas[launch]).toBeDefined();
        const { fields, choices } = fieldsAndChoices(schemas, launch);
        expect(fields.length).toBeGreaterThan(3);
        for (const field of fields) if (!labels.fields[field]) missing.push(`${locale} ${launch}: field.${field}`);
        for (const choice of choices) if (!labels.options[choice]) missing.push(`${locale} ${launch}: option.${choice}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('labels every field and choice the recorded tasks ask for, in French and English', () => {
    const { fields, choices } = recordedTaskFields();
    // The kit's approval, attendance and closing tasks are in the histories, and kinds' own (a legal opinion).
    expect([...fields]).toEqual(expect.arrayContaining(['decision', 'attended', 'outcome', 'opinion']));
    const missing: string[] = [];
    for (const locale of ['fr', 'en'] as const) {
      const labels = consoleLabels(locale);
      for (const field of fields) if (!labels.fields[field]) missing.push(`${locale} field.${field}`);
      for (const choice of choices) if (!labels.options[choice]) missing.push(`${locale} option.${choice}`);
    }
    expect(missing).toEqual([]);
  });
});
