import { getMetadataStorage } from 'class-validator';

/**
 * One field of a command's body, as a form needs it: read from the DTO's own metadata (the `@ApiProperty` that
 * documents it in OpenAPI and the class-validator rules that check it), so the form and the validation cannot drift.
 */
export interface ActionField {
  name: string;
  /** `string`, `number`, `integer`, `boolean`, `object` (see `fields`), or `string[]`. */
  type: string;
  required: boolean;
  /** `date-time` for instants, `date` for local dates YYYY-MM-DD. */
  format?: string;
  enum?: readonly unknown[];
  maxLength?: number;
  minimum?: number;
  maxItems?: number;
  description?: string;
  example?: unknown;
  /** The class-validator rules, by name (`isString`, `maxLength`…): what a 400 would name. */
  rules: string[];
  /** The fields of a nested object. */
  fields?: ActionField[];
}

type Dto = new () => object;

interface SwaggerProperty {
  type?: unknown;
  required?: boolean;
  isArray?: boolean;
  enum?: readonly unknown[];
  format?: string;
  description?: string;
  example?: unknown;
  items?: { enum?: readonly unknown[] };
}

const PROPERTIES = 'swagger/apiModelProperties';
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** class-validator's decorators without a name of their own. */
const RULE_OF_TYPE: Record<string, string> = {
  conditionalValidation: 'isOptional',
  nestedValidation: 'validateNested',
};
const PROPERTY_NAMES = 'swagger/apiModelPropertiesArray';

/** The fields of a DTO class (inherited ones first, in declaration order). */
export function actionFields(dto: Dto): ActionField[] {
  const names = (Reflect.getMetadata(PROPERTY_NAMES, dto.prototype) as string[] | undefined) ?? [];
  const validations = getMetadataStorage().getTargetValidationMetadatas(dto, '', false, false);
  return names.map((key) => {
    const name = key.replace(/^:/, '');
    const property = (Reflect.getMetadata(PROPERTIES, dto.prototype, name) ?? {}) as SwaggerProperty;
    const checks = validations.filter((v) => v.propertyName === name);
    const rules = [...new Set(checks.map((v) => v.name ?? RULE_OF_TYPE[v.type] ?? v.type))];
    const constraint = (rule: string): number | undefined => {
      const value = checks.find((v) => v.name === rule)?.constraints?.[0];
      return typeof value === 'number' ? value : undefined;
    };
    const type = property.type ?? Reflect.getMetadata('design:type', dto.prototype, name);
    const nested = typeof type === 'function' && ![String, Number, Boolean, Array, Object].includes(type as never);
    const field: ActionField = {
      name,
      type: nested ? 'object' : typeName(type, rules),
      required: property.required !== false && !rules.includes('isOptional'),
      rules,
    };
    if (property.isArray || type === 'array') field.type = `${field.type}[]`;
    const format = property.format ?? formatOf(checks);
    if (format) field.format = format;
    const values = property.enum ?? property.items?.enum;
    if (values) field.enum = values;
    const maxLength = constraint('maxLength');
    if (maxLength !== undefined) field.maxLength = maxLength;
    const minimum = constraint('min');
    if (minimum !== undefined) field.minimum = minimum;
    const maxItems = constraint('arrayMaxSize');
    if (maxItems !== undefined) field.maxItems = maxItems;
    if (property.description) field.description = property.description;
    if (property.example !== undefined) field.example = property.example;
    if (nested) field.fields = actionFields(type as Dto);
    return field;
  });
}

function typeName(type: unknown, rules: string[]): string {
  if (type === Number) return rules.includes('isInt') ? 'integer' : 'number';
  if (type === Boolean) return 'boolean';
  return 'string';
}

/** Dates the way a form shows them: an instant (`at`), or a local date (`newAppointmentDate`, by its pattern). */
function formatOf(checks: { name?: string; constraints?: unknown[] }[]): string | undefined {
  if (checks.some((v) => v.name === 'isIso8601')) return 'date-time';
  const pattern = checks.find((v) => v.name === 'matches')?.constraints?.[0];
  return pattern instanceof RegExp && pattern.source === LOCAL_DATE.source ? 'date' : undefined;
}
