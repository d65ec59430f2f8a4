import { useLabels } from '../app/console-context';
import { useI18n } from '../i18n/i18n';
import { describedBy, Field, fieldId } from '../ui/Field';
import { readerTimeZone } from '../ui/dates';
import { DateTimeInput } from './DateTimeInput';
import { initialValues, type FieldSpec, type FormValue, type FormValues } from './launch-schema';
import { PersonListPicker, PersonPicker } from './PersonPicker';
import { ReferencePicker } from './ReferencePicker';

/** The label of a form field: the server's words for it (the kit's or its kind's strings), else its name. */
export function useFieldLabel() {
  return useLabels().field;
}

/** The label of a choice, likewise. */
export function useOptionLabel() {
  return useLabels().option;
}

interface Props {
  fields: FieldSpec[];
  values: FormValues;
  onChange: (values: FormValues) => void;
  errors: Record<string, string[]>;
  /** Path of this level inside the whole form (`sessions.0.`), for ids and errors. */
  prefix?: string;
}

/** Renders the fields a launch schema describes, repeated sections included, each error beside its field. */
export function SchemaFields({ fields, values, onChange, errors, prefix = '' }: Props) {
  return (
    <>
      {fields.map((field) => (
        <SchemaField
          key={field.name}
          field={field}
          path={`${prefix}${field.name}`}
          value={values[field.name]}
          onChange={(value) => onChange({ ...values, [field.name]: value })}
          errors={errors}
        />
      ))}
    </>
  );
}

function SchemaField({
  field,
  path,
  value,
  onChange,
  errors,
}: {
  field: FieldSpec;
  path: string;
  value: FormValue | undefined;
  onChange: (value: FormValue) => void;
  errors: Record<string, string[]>;
}) {
  const { t, language } = useI18n();
  const label = useFieldLabel();
  const option = useOptionLabel();
  const id = fieldId(path);
  // The DTOs describe their fields in English only: French readers get the example alone.
  const description = language === 'en' ? field.description : undefined;
  const mine = errors[path];
  const invalid = Boolean(mine?.length);
  if (field.type === 'group') return <RepeatedSection field={field} path={path} value={value} onChange={onChange} errors={errors} />;
  const help =
    field.type === 'datetime'
      ? t('datetime.help', { zone: readerTimeZone() })
      : field.type === 'text-list'
        ? t('launch.listHelp')
        : field.example
          ? `${description ?? ''} (${field.example})`.trim()
          : description;
  const aria = describedBy(id, help, mine);
  const text = typeof value === 'string' ? value : '';
  const list = Array.isArray(value) ? (value as string[]) : [];
  let control;
  switch (field.type) {
    case 'choice':
    case 'boolean':
      // A yes-no field is a choice of two.
      control = (
        <select
          id={id}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          required={field.required}
          aria-describedby={aria}
          aria-invalid={invalid || undefined}
        >
          <option value="">{t('common.choose')}</option>
          {(field.type === 'boolean' ? ['yes', 'no'] : field.options).map((o) => (
            <option key={o} value={o}>
              {option(o)}
            </option>
          ))}
        </select>
      );
      break;
    case 'multi-choice':
      return (
        <fieldset className={`field${invalid ? ' has-error' : ''}`} id={id} aria-describedby={aria}>
          <legend>
            {label(field.name)}
            {field.required ? <span className="required"> ({t('common.required')})</span> : null}
          </legend>
          {field.options.map((o) => (
            <label key={o} className="check">
              <input
                type="checkbox"
                checked={list.includes(o)}
                onChange={(e) => onChange(e.target.checked ? [...list, o] : list.filter((v) => v !== o))}
              />{' '}
              {option(o)}
            </label>
          ))}
          {mine?.length ? (
            <p className="field-error" id={`${id}-error`}>
              {mine.join(' ')}
            </p>
          ) : null}
        </fieldset>
      );
    case 'number':
      control = (
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={field.min}
          max={field.max}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          required={field.required}
          aria-describedby={aria}
          aria-invalid={invalid || undefined}
        />
      );
      break;
    case 'datetime':
      control = <DateTimeInput id={id} value={text} onChange={onChange} required={field.required} describedBy={aria} invalid={invalid} />;
      break;
    case 'reference':
      control = (
        <ReferencePicker
          id={id}
          list={field.list}
          value={text}
          onChange={onChange}
          required={field.required}
          describedBy={aria}
          invalid={invalid}
        />
      );
      break;
    case 'person':
      control = (
        <PersonPicker
          id={id}
          label={label(field.name)}
          role={field.role}
          value={text}
          onChange={onChange}
          required={field.required}
          describedBy={aria}
          invalid={invalid}
        />
      );
      break;
    case 'person-list':
      control = (
        <PersonListPicker
          id={id}
          label={label(field.name)}
          role={field.role}
          value={list}
          onChange={onChange}
          describedBy={aria}
          invalid={invalid}
        />
      );
      break;
    case 'text-list':
      control = (
        <textarea
          id={id}
          rows={3}
          value={list.join('\n')}
          onChange={(e) => onChange(e.target.value.split('\n'))}
          aria-describedby={aria}
          aria-invalid={invalid || undefined}
        />
      );
      break;
    default:
      control = (
        <input
          id={id}
          type="text"
          value={text}
          onChange={(e) => onChange(e.target.value)}
          required={field.required}
          aria-describedby={aria}
          aria-invalid={invalid || undefined}
        />
      );
  }
  return (
    <Field id={id} label={label(field.name)} required={field.required} help={help} errors={mine}>
      {control}
    </Field>
  );
}

/** Issue areas, sessions, countries, chapters: as many items as needed, each with its own fields and errors. */
function RepeatedSection({
  field,
  path,
  value,
  onChange,
  errors,
}: {
  field: Extract<FieldSpec, { type: 'group' }>;
  path: string;
  value: FormValue | undefined;
  onChange: (value: FormValue) => void;
  errors: Record<string, string[]>;
}) {
  const { t, language } = useI18n();
  const label = useFieldLabel();
  const section = label(field.name);
  const items = (Array.isArray(value) ? value : []) as Array<Record<string, FormValue>>;
  const id = fieldId(path);
  const setItem = (index: number, item: Record<string, FormValue>) => onChange(items.map((old, i) => (i === index ? item : old)));
  return (
    <fieldset className={`section${errors[path]?.length ? ' has-error' : ''}`} id={id}>
      <legend>
        {section}
        {field.required ? <span className="required"> ({t('common.required')})</span> : null}
      </legend>
      {field.description && language === 'en' ? <p className="help">{field.description}</p> : null}
      {errors[path]?.length ? <p className="field-error">{errors[path].join(' ')}</p> : null}
      {items.map((item, index) => (
        <fieldset key={index} className="item" id={fieldId(`${path}.${index}`)}>
          <legend>{t('launch.item', { section, n: index + 1 })}</legend>
          {errors[`${path}.${index}`]?.length ? <p className="field-error">{errors[`${path}.${index}`].join(' ')}</p> : null}
          <SchemaFields
            fields={field.itemFields}
            values={item}
            onChange={(next) => setItem(index, next)}
            errors={errors}
            prefix={`${path}.${index}.`}
          />
          <button type="button" className="secondary" onClick={() => onChange(items.filter((_, i) => i !== index))}>
            {t('launch.removeItem', { section, n: index + 1 })}
          </button>
        </fieldset>
      ))}
      <button type="button" className="secondary" onClick={() => onChange([...items, initialValues(field.itemFields)])}>
        {t('launch.addItem', { section })}
      </button>
    </fieldset>
  );
}
