import fs from 'node:fs';
import path from 'node:path';
import {
  buildSchema as parseSchema,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputField,
  GraphQLNamedType,
  GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { servedSchemaText } from '../src/cli/printSchema';
import { projectRoot } from '../src/config';
import { buildSchema } from '../src/graphql/buildSchema';

/**
 * Parts of the contract the API does not serve yet, by name: a type (`Claim`), a field or input field
 * (`Company.parent`, `ModelFilter.source`) or an enum value (`EntityKind.DATASET`). They are the parts marked
 * `issue: external datasets`; an entry is removed when its part is served (a test below fails until it is).
 */
const NOT_YET: readonly string[] = [];
const pending = (name: string) => NOT_YET.includes(name);

const contractText = fs.readFileSync(path.join(projectRoot, 'api/contract.graphql'), 'utf8');
const contract = parseSchema(contractText);
const served = buildSchema();

/** Every named type reachable from the contract's Query fields that are served now. */
function reachable(schema: GraphQLSchema): GraphQLNamedType[] {
  const seen = new Map<string, GraphQLNamedType>();
  const visit = (type: GraphQLNamedType) => {
    if (seen.has(type.name) || type.name.startsWith('__') || pending(type.name)) return;
    seen.set(type.name, type);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (pending(`${type.name}.${field.name}`)) continue;
        visit(getNamedType(field.type));
        for (const arg of field.args) visit(getNamedType(arg.type));
      }
      for (const iface of type.getInterfaces()) visit(iface);
      if (isInterfaceType(type)) for (const impl of schema.getPossibleTypes(type)) visit(impl);
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        if (!pending(`${type.name}.${field.name}`)) visit(getNamedType(field.type));
    }
  };
  const query = schema.getQueryType()!;
  const mutation = schema.getMutationType();
  for (const field of [
    ...Object.values(query.getFields()).filter((f) => !pending(`Query.${f.name}`)),
    ...Object.values(mutation?.getFields() ?? {}),
  ]) {
    visit(getNamedType(field.type));
    for (const arg of field.args) visit(getNamedType(arg.type));
  }
  return [...seen.values()];
}

const signature = (arg: GraphQLArgument | GraphQLInputField) =>
  `${arg.name}: ${String(arg.type)}${arg.defaultValue === undefined ? '' : ` = ${JSON.stringify(arg.defaultValue)}`}`;
const fieldSignature = (field: GraphQLField<unknown, unknown>) =>
  `${field.name}(${field.args.map(signature).sort().join(', ')}): ${String(field.type)}`;

/**
 * A served field as the contract's field would see it: its signature over the contract's arguments, and the arguments
 * it adds that a query must give (none: the API extends the contract with optional arguments only, so every query the
 * contract allows stays valid).
 */
function asContract(mine: GraphQLField<unknown, unknown> | undefined, field: GraphQLField<unknown, unknown>) {
  if (!mine) return undefined;
  const names = new Set(field.args.map((arg) => arg.name));
  const args = mine.args.filter((arg) => names.has(arg.name));
  return {
    signature: `${mine.name}(${args.map(signature).sort().join(', ')}): ${String(mine.type)}`,
    requiredExtras: mine.args
      .filter((arg) => !names.has(arg.name) && isNonNullType(arg.type) && arg.defaultValue === undefined)
      .map((arg) => arg.name),
  };
}
const contractShape = (field: GraphQLField<unknown, unknown>) => ({
  signature: fieldSignature(field),
  requiredExtras: [],
});

describe('the served schema', () => {
  it('is the committed schema.graphql (run npm run schema after changing the API)', () => {
    expect(servedSchemaText()).toBe(fs.readFileSync(path.join(projectRoot, 'schema.graphql'), 'utf8'));
  });

  it('keeps api/contract.graphql equal to the shared contract when that is present', () => {
    const shared = path.join(projectRoot, '../shared/api/contract.graphql');
    if (fs.existsSync(shared)) expect(contractText).toBe(fs.readFileSync(shared, 'utf8'));
  });

  const queryFields = Object.values(contract.getQueryType()!.getFields()).filter(
    (field) => !pending(`Query.${field.name}`),
  );
  it.each(queryFields.map((field) => [field.name, field]))(
    'serves Query.%s with the contract’s arguments, defaults and type',
    (name, field) => {
      const contractField = field as GraphQLField<unknown, unknown>;
      const mine = served.getQueryType()!.getFields()[name as string];
      expect(asContract(mine, contractField)).toEqual(contractShape(contractField));
    },
  );

  const mutationFields = Object.values(contract.getMutationType()!.getFields());
  it.each(mutationFields.map((field) => [field.name, field]))(
    'serves Mutation.%s with the contract’s arguments and type',
    (name, field) => {
      const contractField = field as GraphQLField<unknown, unknown>;
      const mine = served.getMutationType()?.getFields()[name as string];
      expect(asContract(mine, contractField)).toEqual(contractShape(contractField));
    },
  );

  it.each(reachable(contract).map((type) => [type.name, type]))('serves %s as the contract writes it', (name, type) => {
    const mine = served.getType(name as string);
    expect(mine?.constructor.name).toBe((type as GraphQLNamedType).constructor.name);
    if ((isObjectType(type) || isInterfaceType(type)) && (isObjectType(mine) || isInterfaceType(mine))) {
      const fields = mine.getFields();
      for (const field of Object.values(type.getFields())) {
        if (pending(`${name}.${field.name}`)) continue;
        expect({ type: name, field: asContract(fields[field.name], field) }).toEqual({
          type: name,
          field: contractShape(field),
        });
      }
      expect(mine.getInterfaces().map((i) => i.name)).toEqual(
        expect.arrayContaining(type.getInterfaces().map((i) => i.name)),
      );
    }
    if (isInputObjectType(type) && isInputObjectType(mine)) {
      const fields = mine.getFields();
      for (const field of Object.values(type.getFields())) {
        if (!pending(`${name}.${field.name}`))
          expect(fields[field.name] && signature(fields[field.name])).toBe(signature(field));
      }
    }
    if (isEnumType(type) && isEnumType(mine)) {
      const values = type.getValues().filter((value) => !pending(`${name}.${value.name}`));
      expect(mine.getValues().map((v) => v.name)).toEqual(expect.arrayContaining(values.map((v) => v.name)));
    }
  });

  // jest refuses an empty table: with the whole contract served there is nothing to list.
  if (NOT_YET.length > 0)
    it.each(NOT_YET.map((name) => [name]))(
      'lists %s as not served yet: the contract has it and the API does not serve it',
      (name) => {
        const [typeName, member] = name.split('.');
        const inContract = contract.getType(typeName);
        const inServed = served.getType(typeName);
        const has = (type: GraphQLNamedType | null | undefined): boolean => {
          if (!type) return false;
          if (member === undefined) return true;
          if (isEnumType(type)) return type.getValues().some((value) => value.name === member);
          if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) return member in type.getFields();
          return false;
        };
        expect({ name, inContract: has(inContract), served: has(inServed) }).toEqual({
          name,
          inContract: true,
          served: false,
        });
      },
    );
});
