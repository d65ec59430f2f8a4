/**
 * The launch forms come from one definition of each kind's fields: the launch
 * DTO's OpenAPI schema (`/docs-json`, `components.schemas.Launch*Dto`, the
 * `oneOf` of `POST /participations` discriminated by `kind`). This turns a
 * schema into the fields a form shows; nothing here knows a kind by name.
 */
export interface JsonSchema {
  type?: string;
  format?: string;
  enum?: string[];
  example?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  $ref?: string;
  /**
   * Hints a DTO gives (see docs/console.md): the API's @PersonRef writes
   * `x-person: { role }` (roles comma-separated) on every field naming a
   * person, @GroupRef `x-group: true`; `x-person: true` and `x-role` also do.
   */
  'x-person'?: boolean | { role?: string };
  'x-role'?: string;
  'x-group'?: boolean;
  /** @ReferenceCode: the field names an entry of a reference list (`forums`, `countries`, `offices`). */
  'x-reference'?: string;
}

export interface OpenApiDocument {
  components?: { schemas?: Record<string, JsonSchema> };
}

interface Common {
  name: string;
  required: boolean;
  description?: string;
  example?: string;
}

export type FieldSpec =
  | (Common & { type: 'text' })
  | (Common & { type: 'number'; min?: number; max?: number })
  | (Common & { type: 'choice'; options: string[] })
  /** Yes or no, sent as true or false. */
  | (Common & { type: 'boolean' })
  | (Common & { type: 'multi-choice'; options: string[] })
  | (Common & { type: 'datetime' })
  | (Common & { type: 'reference'; list: string })
  | (Common & { type: 'person'; role?: string })
  | (Common & { type: 'person-list'; role?: string })
  | (Common & { type: 'text-list' })
  | (Common & { type: 'group'; itemFields: FieldSpec[] });

export interface KindForm {
  kind: string;
  schemaName: string;
  fields: FieldSpec[];
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Every kind the API can launch, in the document's order. */
export function launchForms(document: OpenApiDocument): KindForm[] {
  const schemas = document.components?.schemas ?? {};
  return Object.entries(schemas)
    .filter(([name, schema]) => /^Launch\w+Dto$/.test(name) && schema.properties?.kind?.enum?.length === 1)
    .map(([schemaName, schema]) => ({
      kind: schema.properties!.kind.enum![0],
      schemaName,
      fields: fieldsOf(schema, schemas).filter((field) => field.name !== 'kind'),
    }));
}

function resolve(schema: JsonSchema, schemas: Record<string, JsonSchema>): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return schemas[name] ?? {};
}

function fieldsOf(schema: JsonSchema, schemas: Record<string, JsonSchema>): FieldSpec[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) =>
    fieldOf(name, resolve(property, schemas), required.has(name), schemas),
  );
}

/** A person is an identifier field (`…Id`, `…Ids`) unless the schema says otherwise; the role narrows the picker. */
function personRole(name: string, schema: JsonSchema): string | undefined {
  const marked = schema['x-person'];
  if (typeof marked === 'object' && marked.role) return marked.role;
  if (schema['x-role']) return schema['x-role'];
  if (/coordinator|approver/i.test(name)) return 'coordinator';
  if (/expert|lead|author|analyst/i.test(name)) return 'expert';
  return undefined;
}

const isPersonName = (name: string, plural: boolean) => (plural ? /Ids$/ : /Id$/).test(name);

function fieldOf(name: string, schema: JsonSchema, required: boolean, schemas: Record<string, JsonSchema>): FieldSpec {
  const common: Common = {
    name,
    required,
    description: schema.description,
    example: typeof schema.example === 'string' ? schema.example : undefined,
  };
  if (schema.type === 'array') {
    const items = resolve(schema.items ?? {}, schemas);
    if (items.properties) return { ...common, example: undefined, type: 'group', itemFields: fieldsOf(items, schemas) };
    if (items.enum) return { ...common, type: 'multi-choice', options: items.enum };
    if (schema['x-person'] || isPersonName(name, true)) return { ...common, type: 'person-list', role: personRole(name, schema) };
    return { ...common, type: 'text-list' };
  }
  if (schema.type === 'boolean') return { ...common, example: undefined, type: 'boolean' };
  if (schema.enum) return { ...common, type: 'choice', options: schema.enum };
  if (schema.type === 'number' || schema.type === 'integer') {
    return { ...common, type: 'number', min: schema.minimum, max: schema.maximum };
  }
  if (schema.format === 'date-time' || (typeof schema.example === 'string' && ISO_DATE_TIME.test(schema.example))) {
    return { ...common, type: 'datetime' };
  }
  if (schema['x-reference']) return { ...common, type: 'reference', list: schema['x-reference'] };
  if (schema['x-person'] || isPersonName(name, false)) return { ...common, type: 'person', role: personRole(name, schema) };
  return { ...common, type: 'text' };
}

export type FormValue = string | string[] | Array<Record<string, FormValue>>;
export type FormValues = Record<string, FormValue>;

/** An empty form: a required repeated section starts with one item to fill. */
export function initialValues(fields: FieldSpec[], defaults: Record<string, string> = {}): FormValues {
  return Object.fromEntries(
    fields.map((field): [string, FormValue] => {
      switch (field.type) {
        case 'group':
          return [field.name, field.required ? [initialValues(field.itemFields)] : []];
        case 'multi-choice':
        case 'person-list':
        case 'text-list':
          return [field.name, []];
        default:
          return [field.name, defaults[field.name] ?? ''];
      }
    }),
  );
}

/** The launch body: typed values, optional fields left out when empty (the API refuses unknown and empty ones). */
export function toLaunchBody(kind: string, fields: FieldSpec[], values: FormValues): Record<string, unknown> {
  return { kind, ...toBody(fields, values) };
}

function toBody(fields: FieldSpec[], values: Record<string, FormValue>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.type === 'group') {
      const items = Array.isArray(value) ? (value as Array<Record<string, FormValue>>) : [];
      if (items.length > 0 || field.required) body[field.name] = items.map((item) => toBody(field.itemFields, item));
    } else if (Array.isArray(value)) {
      const list = (value as string[]).map((v) => v.trim()).filter((v) => v !== '');
      if (list.length > 0 || field.required) body[field.name] = list;
    } else {
      const text = (value ?? '').trim();
      if (text === '' && !field.required) continue;
      if (field.type === 'boolean') body[field.name] = text === 'yes' ? true : text === 'no' ? false : text;
      else body[field.name] = field.type === 'number' && text !== '' && !Number.isNaN(Number(text)) ? Number(text) : text;
    }
  }
  return body;
}

/** Every path a field error may name in this form (`title`, `sessions`, `sessions.0`, `sessions.0.date`). */
export function fieldPaths(fields: FieldSpec[], values: FormValues, prefix = ''): string[] {
  return fields.flatMap((field) => {
    const path = `${prefix}${field.name}`;
    if (field.type !== 'group') return [path];
    const items = (values[field.name] as Array<Record<string, FormValue>> | undefined) ?? [];
    return [path, ...items.flatMap((item, index) => [`${path}.${index}`, ...fieldPaths(field.itemFields, item, `${path}.${index}.`)])];
  });
}
