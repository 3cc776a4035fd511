import { readFileSync } from 'node:fs';
import path from 'node:path';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { parse } from 'yaml';
import {
  ACCEPTANCE_OUTCOMES,
  CATEGORY_CODE_PATTERN,
  ClaimDecided,
  ClaimOffered,
  ClaimSubmitted,
  DEFAULT_CATEGORIES,
  DemandListSubmitted,
  IntakeDeadLetter,
  IS_OFFSET_DATE_TIME,
  IS_NOT_BLANK,
  IS_WINDOW_BOUND,
  isCalendarDate,
  isOffsetDateTime,
  IS_SCORE_EXPLANATION_PARAMS,
  LIST_KINDS,
  LIST_MEMBERSHIPS,
  ListAccepted,
  ListRejected,
  parseList,
  PROBLEM_CODES,
  ProjectProposed,
  ProjectRevised,
  ProjectStatusChanged,
  QUANTITY_UNITS,
  ResourceListSubmitted,
  SCORE_EXPLANATION_CODES,
  SCORE_EXPLANATION_PARAMS,
  SUBMITTER_KINDS,
  Taxonomy,
  TOPICS,
  topicName,
  URGENCIES,
  type ListKind,
  type TopicId,
} from './index';

/*
 * docs/asyncapi.yaml is what submitters read; the payload classes are what intake enforces.
 * These tests fail whenever the two disagree, so the document cannot drift from the code.
 */

const DOCUMENT_PATH = path.resolve(__dirname, '..', '..', '..', 'docs', 'asyncapi.yaml');

type PayloadClass = new () => object;

const PAYLOAD_CLASS: Record<TopicId, PayloadClass> = {
  resourceListSubmitted: ResourceListSubmitted,
  demandListSubmitted: DemandListSubmitted,
  listAccepted: ListAccepted,
  listRejected: ListRejected,
  intakeDeadLetter: IntakeDeadLetter,
  projectsProposed: ProjectProposed,
  projectsRevised: ProjectRevised,
  projectsStatusChanged: ProjectStatusChanged,
  claimsOffered: ClaimOffered,
  claimsSubmitted: ClaimSubmitted,
  claimsDecided: ClaimDecided,
};

/** Intake consumes the submitted lists and produces every answer; the matcher sends the project events. */
const INTAKE_ACTION: Record<TopicId, 'receive' | 'send'> = {
  resourceListSubmitted: 'receive',
  demandListSubmitted: 'receive',
  listAccepted: 'send',
  listRejected: 'send',
  intakeDeadLetter: 'send',
  projectsProposed: 'send',
  projectsRevised: 'send',
  projectsStatusChanged: 'send',
  claimsOffered: 'send',
  claimsSubmitted: 'receive',
  claimsDecided: 'send',
};

const LIST_KIND_OF_TOPIC: Partial<Record<TopicId, ListKind>> = {
  resourceListSubmitted: 'resource',
  demandListSubmitted: 'demand',
};

// The parts of an AsyncAPI document these tests read.
interface Schema {
  type?: string;
  $ref?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: boolean;
  enum?: unknown[];
  examples?: unknown[];
  pattern?: string;
  [keyword: string]: unknown;
}
interface Ref {
  $ref: string;
}
interface Message {
  payload: Ref;
  bindings?: { kafka?: { key?: Schema } };
  examples?: Array<{ name: string; payload: unknown }>;
}
interface AsyncApiDocument {
  channels: Record<
    string,
    {
      address: string;
      messages: Record<string, Ref>;
      bindings?: { kafka?: { topic?: string; partitions?: number } };
    }
  >;
  operations: Record<string, { action: string; channel: Ref; messages: Ref[] }>;
  components: { messages: Record<string, Message>; schemas: Record<string, Schema> };
}

/**
 * What a schema says about one property, flattened so that a difference names itself:
 * `{ required: true, type: 'array', maxItems: 20, 'items.type': 'string', 'items.maxLength': 50 }`.
 * `schema` names the component schema that describes the value (nested classes, date-times).
 */
type Facts = Record<string, unknown>;

// ---------------------------------------------------------------------------------------
// What the classes say, read from class-validator's and class-transformer's metadata.

/** The schema facts each class-validator decorator used in the contracts stands for. */
const FACTS_OF_DECORATOR: Record<string, (constraints: unknown[]) => Facts> = {
  isString: () => ({ type: 'string' }),
  isNotEmpty: () => ({ minLength: 1 }),
  maxLength: ([max]) => ({ maxLength: max }),
  matches: ([pattern]) => ({ pattern: (pattern as RegExp).source }),
  isUuid: () => ({ type: 'string', format: 'uuid' }),
  isBoolean: () => ({ type: 'boolean' }),
  isInt: () => ({ type: 'integer' }),
  isNumber: () => ({ type: 'number' }),
  isLatitude: () => ({ type: 'number', minimum: -90, maximum: 90 }),
  isLongitude: () => ({ type: 'number', minimum: -180, maximum: 180 }),
  min: ([min]) => ({ minimum: min }),
  max: ([max]) => ({ maximum: max }),
  // Every vocabulary in the contracts is a list of strings.
  isIn: ([values]) => ({ type: 'string', enum: values }),
  isArray: () => ({ type: 'array' }),
  isObject: () => ({ type: 'object' }),
  arrayMinSize: ([size]) => ({ minItems: size }),
  arrayMaxSize: ([size]) => ({ maxItems: size }),
  [IS_OFFSET_DATE_TIME]: () => ({ type: 'string', schema: 'OffsetDateTime' }),
  [IS_WINDOW_BOUND]: () => ({ type: 'string', schema: 'WindowBound' }),
  [IS_NOT_BLANK]: () => ({ pattern: '\\S' }),
  // Which parameters each code takes is compared separately (x-redcrowd-params-by-code).
  [IS_SCORE_EXPLANATION_PARAMS]: () => ({ type: 'object' }),
};

/**
 * Facts the document states although the class leaves them unchecked. Each entry is a gap
 * to close in the class; once it is closed, a test below asks to delete the entry.
 */
const DOCUMENTED_BEYOND_THE_CLASS: Record<string, Facts> = {};

interface ClassDescription {
  properties: Map<string, Facts>;
  nestedClasses: Function[];
}

/** Every validated property of a class, inherited ones included, as schema facts. */
function describeClass(payloadClass: Function): ClassDescription {
  const properties = new Map<string, Facts>();
  const nestedClasses: Function[] = [];
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(payloadClass, '', true, false);
  for (const metadata of metadatas) {
    const { propertyName, each } = metadata;
    const where = `${payloadClass.name}.${propertyName}`;
    const facts = properties.get(propertyName) ?? { required: true };
    properties.set(propertyName, facts);
    // `each` validates the elements of an array: its facts describe `items`.
    const add = (found: Facts): void => {
      for (const [fact, value] of Object.entries(found)) facts[each ? `items.${fact}` : fact] = value;
      if (each) facts.type = 'array';
    };
    switch (metadata.type) {
      case ValidationTypes.CONDITIONAL_VALIDATION:
        if (metadata.name !== 'isOptional') {
          throw new Error(`${where}: only @IsOptional() is understood here`);
        }
        facts.required = false;
        break;
      case ValidationTypes.IS_DEFINED:
        break; // required is the default
      case ValidationTypes.NESTED_VALIDATION: {
        const nested = nestedClassOf(payloadClass, propertyName, each);
        nestedClasses.push(nested);
        add({ type: 'object', schema: nested.name });
        break;
      }
      case ValidationTypes.CUSTOM_VALIDATION: {
        const factsOf = FACTS_OF_DECORATOR[metadata.name ?? ''];
        if (!factsOf) throw new Error(`${where}: teach asyncapi.spec.ts what @${metadata.name} means`);
        add(factsOf(metadata.constraints ?? []));
        break;
      }
      default:
        throw new Error(`${where}: unexpected validation metadata of type ${metadata.type}`);
    }
  }
  return { properties, nestedClasses };
}

/** The class a nested property holds: the one its @Type names, which class-transformer builds. */
function nestedClassOf(payloadClass: Function, property: string, each: boolean): Function {
  const plain = { [property]: each ? [{}] : {} };
  const instance = plainToInstance(payloadClass as PayloadClass, plain) as Record<string, unknown>;
  const value = instance[property];
  return ((each ? (value as object[])[0] : value) as object).constructor;
}

/** The payload classes of the given topics and every class nested in them. */
function reachableClasses(topics: TopicId[]): Function[] {
  const found: Function[] = [];
  const queue: Function[] = topics.map((topic) => PAYLOAD_CLASS[topic]);
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (found.includes(next)) continue;
    found.push(next);
    queue.push(...describeClass(next).nestedClasses);
  }
  return found;
}

/**
 * Entries of a DOCUMENTED_BEYOND_THE_CLASS map that are no longer gaps: the class now checks
 * one of their facts itself (or the class is gone), so the entry should be deleted.
 */
function closedGaps(beyond: Record<string, Facts>): string[] {
  const classes = reachableClasses(Object.keys(TOPICS) as TopicId[]);
  const closed: string[] = [];
  for (const [where, facts] of Object.entries(beyond)) {
    const [className, property] = where.split('.') as [string, string];
    const payloadClass = classes.find((candidate) => candidate.name === className);
    if (!payloadClass) {
      closed.push(`${where}: no payload class ${className}; delete the entry`);
      continue;
    }
    const classFacts = describeClass(payloadClass).properties.get(property) ?? {};
    const checked = Object.keys(facts).filter((fact) => fact in classFacts);
    if (checked.length > 0)
      closed.push(`${where}: the class checks ${checked.join(', ')} itself; delete the entry`);
  }
  return closed;
}

// ---------------------------------------------------------------------------------------
// What the document says.

const COMPARED_KEYWORDS = [
  'type',
  'format',
  'enum',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
] as const;

// isOffsetDateTime and isWindowBound are functions rather than constraints, so properties that use it are
// compared by the schema they name; that schema's pattern is checked against the function.
const COMPARED_BY_NAME = new Set(['OffsetDateTime', 'WindowBound']);

function refName(ref: string): string {
  return ref.split('/').pop() ?? ref;
}

function propertyFacts(document: AsyncApiDocument, schema: Schema, prefix = ''): Facts {
  if (schema.$ref !== undefined) {
    const name = refName(schema.$ref);
    const target = document.components.schemas[name];
    if (target === undefined) return { [`${prefix}schema`]: `${name} (missing)` };
    if (target.type === 'object' || COMPARED_BY_NAME.has(name)) {
      return { [`${prefix}type`]: target.type, [`${prefix}schema`]: name };
    }
    return propertyFacts(document, target, prefix); // a vocabulary or a format such as Identifier
  }
  const facts: Facts = {};
  for (const keyword of COMPARED_KEYWORDS) {
    if (schema[keyword] !== undefined) facts[`${prefix}${keyword}`] = schema[keyword];
  }
  if (schema.items) Object.assign(facts, propertyFacts(document, schema.items, `${prefix}items.`));
  return facts;
}

function documentedProperties(document: AsyncApiDocument, schemaName: string): Map<string, Facts> {
  const schema = document.components.schemas[schemaName] ?? {};
  const properties = new Map<string, Facts>();
  for (const [property, propertySchema] of Object.entries(schema.properties ?? {})) {
    const required = (schema.required ?? []).includes(property);
    properties.set(property, { required, ...propertyFacts(document, propertySchema) });
  }
  return properties;
}

// ---------------------------------------------------------------------------------------
// The comparisons. Each returns one readable line per disagreement; none means agreement.

const show = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value));

function classDisagreements(document: AsyncApiDocument, payloadClass: Function): string[] {
  const schemaName = payloadClass.name;
  if (document.components.schemas[schemaName] === undefined) {
    return [`${schemaName}: class ${schemaName} has no schema of that name`];
  }
  const fromClass = describeClass(payloadClass).properties;
  const fromDocument = documentedProperties(document, schemaName);
  const problems: string[] = [];
  for (const property of new Set([...fromClass.keys(), ...fromDocument.keys()])) {
    const where = `${schemaName}.${property}`;
    const classFacts = fromClass.get(property);
    const documentFacts = fromDocument.get(property);
    if (!documentFacts) {
      problems.push(`${where}: in class ${schemaName} but not in the document`);
      continue;
    }
    if (!classFacts) {
      problems.push(`${where}: in the document but not in class ${schemaName}`);
      continue;
    }
    const expected = { ...DOCUMENTED_BEYOND_THE_CLASS[where], ...classFacts };
    for (const fact of new Set([...Object.keys(expected), ...Object.keys(documentFacts)])) {
      if (show(expected[fact]) === show(documentFacts[fact])) continue;
      problems.push(
        `${where} ${fact}: class says ${show(expected[fact])}, document says ${show(documentFacts[fact])}`,
      );
    }
  }
  return problems;
}

/** Every payload class (and class nested in one) against the schema named after it. */
function payloadDisagreements(document: AsyncApiDocument): string[] {
  const classes = reachableClasses(Object.keys(TOPICS) as TopicId[]);
  const problems = classes.flatMap((payloadClass) => classDisagreements(document, payloadClass));
  const classNames = new Set(classes.map((payloadClass) => payloadClass.name));
  for (const [name, schema] of Object.entries(document.components.schemas)) {
    if (schema.type === 'object' && !classNames.has(name)) {
      problems.push(`${name}: an object schema that describes no payload class`);
    }
  }
  return problems;
}

function messageOf(document: AsyncApiDocument, topic: TopicId): Message | undefined {
  const refs = Object.values(document.channels[topic]?.messages ?? {});
  return refs.length === 1 ? document.components.messages[refName(refs[0]!.$ref)] : undefined;
}

/** Channels, their Kafka bindings, message keys and payloads against TOPICS. */
function topicDisagreements(document: AsyncApiDocument): string[] {
  const problems: string[] = [];
  for (const channelId of Object.keys(document.channels)) {
    if (!(channelId in TOPICS)) problems.push(`channel ${channelId}: no such topic in TOPICS`);
  }
  for (const topic of Object.keys(TOPICS) as TopicId[]) {
    const channel = document.channels[topic];
    if (!channel) {
      problems.push(`channel ${topic}: missing`);
      continue;
    }
    const address = topicName(topic);
    if (channel.address !== address) problems.push(`channel ${topic}: address should be ${address}`);
    if (channel.bindings?.kafka?.topic !== address) problems.push(`channel ${topic}: Kafka binding topic`);
    if (channel.bindings?.kafka?.partitions !== TOPICS[topic].partitions) {
      problems.push(`channel ${topic}: should have ${TOPICS[topic].partitions} partitions`);
    }
    const message = messageOf(document, topic);
    if (!message) {
      problems.push(`channel ${topic}: should carry exactly one known message`);
      continue;
    }
    const key = message.bindings?.kafka?.key;
    if (key?.type !== 'string' || key.description !== TOPICS[topic].key) {
      problems.push(
        `channel ${topic}: the message key should be a string described as "${TOPICS[topic].key}"`,
      );
    }
    const payload = refName(message.payload.$ref);
    if (payload !== PAYLOAD_CLASS[topic].name) {
      problems.push(`channel ${topic}: payload is ${payload}, should be ${PAYLOAD_CLASS[topic].name}`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------

function readDocument(): AsyncApiDocument {
  return parse(readFileSync(DOCUMENT_PATH, 'utf8')) as AsyncApiDocument;
}

const document = readDocument();

/** A changed copy of the document, to prove that the comparisons notice changes. */
function changed(change: (copy: AsyncApiDocument) => void): AsyncApiDocument {
  const copy = readDocument();
  change(copy);
  return copy;
}

describe('docs/asyncapi.yaml', () => {
  it('is an AsyncAPI 3.0.0 document', () => {
    expect(document).toMatchObject({ asyncapi: '3.0.0' });
  });

  it('has one channel per topic in TOPICS, at its default address, keyed and typed as TOPICS says', () => {
    expect(topicDisagreements(document)).toEqual([]);
  });

  it('lets intake receive the submitted lists and send every answer', () => {
    const actions: Partial<Record<string, string>> = {};
    for (const operation of Object.values(document.operations)) {
      actions[refName(operation.channel.$ref)] = operation.action;
      for (const message of operation.messages) {
        expect(message.$ref).toMatch(new RegExp(`^#/channels/${refName(operation.channel.$ref)}/messages/`));
      }
    }
    expect(actions).toEqual(INTAKE_ACTION);
  });

  it('mirrors every payload class: properties, required fields, types, limits and vocabularies', () => {
    expect(payloadDisagreements(document)).toEqual([]);
  });

  it('refuses unknown fields wherever intake does: in submitted lists, at every level', () => {
    const received = (Object.keys(INTAKE_ACTION) as TopicId[]).filter((t) => INTAKE_ACTION[t] === 'receive');
    const open = reachableClasses(received)
      .map((payloadClass) => payloadClass.name)
      .filter((name) => document.components.schemas[name]?.additionalProperties !== false);
    expect(open).toEqual([]);
  });

  it('names the same vocabularies as the constants', () => {
    const { schemas } = document.components;
    expect(schemas.QuantityUnit?.enum).toEqual(QUANTITY_UNITS);
    expect(schemas.Urgency?.enum).toEqual(URGENCIES);
    expect(schemas.SubmitterKind?.enum).toEqual(SUBMITTER_KINDS);
    expect(schemas.ListKind?.enum).toEqual(LIST_KINDS);
    expect(schemas.AcceptanceOutcome?.enum).toEqual(ACCEPTANCE_OUTCOMES);
    expect(schemas.ListMembership?.enum).toEqual(LIST_MEMBERSHIPS);
    expect(schemas.ProblemCode?.enum).toEqual(PROBLEM_CODES);
    expect(schemas.ScoreExplanationCode?.enum).toEqual(SCORE_EXPLANATION_CODES);
  });

  it('lists the parameters of every score explanation code as the contracts check them', () => {
    const params = document.components.schemas.ScoreComponentEntry?.properties?.params;
    expect(params?.['x-redcrowd-params-by-code']).toEqual(SCORE_EXPLANATION_PARAMS);
  });

  it('shows the default categories without closing the list, since alliances add their own', () => {
    const category = document.components.schemas.CategoryCode;
    expect(category?.enum).toBeUndefined();
    expect(category?.pattern).toBe(CATEGORY_CODE_PATTERN.source);
    expect(category?.examples).toEqual(DEFAULT_CATEGORIES);
  });

  // Shapes only: intake also refuses impossible dates such as month 13 or 2026-02-30.
  it.each([
    {
      schema: 'OffsetDateTime',
      judge: isOffsetDateTime,
      samples: [
        '2026-11-21T09:00:00+08:00',
        '2026-12-01T08:00Z',
        '2026-11-21T09:00:00.123456789-05:30',
        '2026-11-21T09:00:00',
        '2026-11-21 09:00',
        '2026-11-21',
        '2026-11-21T09:00:00+0800',
        '2026-11-21T09:00:00.1234567890Z',
      ],
    },
    {
      schema: 'WindowBound',
      judge: (value: string) => isOffsetDateTime(value) || isCalendarDate(value),
      samples: [
        '2026-12-01',
        '2026-11-21T09:00:00+08:00',
        '2026-12-01T08:00Z',
        '2026-12-1',
        '2026/12/01',
        '2026-12-01 09:00',
        '2026-12-01T09:00:00',
        '20261201',
      ],
    },
  ])(
    'describes $schema with a pattern that accepts and refuses what intake does',
    ({ schema, judge, samples }) => {
      const pattern = new RegExp(document.components.schemas[schema]?.pattern ?? '$^', 'u');
      for (const sample of samples) expect([sample, pattern.test(sample)]).toEqual([sample, judge(sample)]);
    },
  );

  it('gives examples of submitted lists that intake accepts, with their message keys', () => {
    expect(Object.keys(LIST_KIND_OF_TOPIC)).toHaveLength(2);
    for (const [topic, kind] of Object.entries(LIST_KIND_OF_TOPIC) as Array<[TopicId, ListKind]>) {
      const message = messageOf(document, topic);
      const messageKey = message?.bindings?.kafka?.key?.examples?.[0] as string | undefined;
      expect(message?.examples?.length).toBeGreaterThan(0);
      for (const example of message?.examples ?? []) {
        const result = parseList(kind, JSON.stringify(example.payload), {
          messageKey,
          taxonomyFor: () => new Taxonomy(),
        });
        expect({ example: example.name, problems: result.ok ? [] : result.problems }).toEqual({
          example: example.name,
          problems: [],
        });
      }
    }
  });

  it('states beyond the classes only what they leave unchecked', () => {
    expect(closedGaps(DOCUMENTED_BEYOND_THE_CLASS)).toEqual([]);
  });
});

describe('comparing the document with the classes', () => {
  it('reports a property the document drops', () => {
    const problems = payloadDisagreements(
      changed((copy) => {
        delete copy.components.schemas.ResourceItem!.properties!.serviceRadiusKm;
      }),
    );
    expect(problems).toEqual(['ResourceItem.serviceRadiusKm: in class ResourceItem but not in the document']);
  });

  it('reports a property the class does not have', () => {
    const problems = payloadDisagreements(
      changed((copy) => {
        copy.components.schemas.GeoPoint!.properties!.altitude = { type: 'number' };
      }),
    );
    expect(problems).toEqual(['GeoPoint.altitude: in the document but not in class GeoPoint']);
  });

  it('reports a required field the document calls optional', () => {
    const problems = payloadDisagreements(
      changed((copy) => {
        const item = copy.components.schemas.DemandItem!;
        item.required = item.required!.filter((property) => property !== 'window');
      }),
    );
    expect(problems).toEqual(['DemandItem.window required: class says true, document says false']);
  });

  it('reports a limit that differs from LIMITS', () => {
    const problems = payloadDisagreements(
      changed((copy) => {
        copy.components.schemas.GeoPoint!.properties!.address!.maxLength = 100;
      }),
    );
    expect(problems).toEqual(['GeoPoint.address maxLength: class says 500, document says 100']);
  });

  it('reports a vocabulary that differs from its constant, wherever it is used', () => {
    const problems = payloadDisagreements(
      changed((copy) => {
        copy.components.schemas.QuantityUnit!.enum = QUANTITY_UNITS.filter((unit) => unit !== 'kg');
      }),
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^ResourceItem\.unit enum: class says \[.*"kg"\], document says \[/);
    expect(problems[1]).toMatch(/^DemandItem\.unit enum: /);
  });

  it('reports a nested schema that describes another class', () => {
    const problems = payloadDisagreements(
      changed((copy) => {
        copy.components.schemas.ResourceListSubmitted!.properties!.unit = {
          $ref: '#/components/schemas/DemandSubmitter',
        };
      }),
    );
    expect(problems).toEqual([
      'ResourceListSubmitted.unit schema: class says "UnitRef", document says "DemandSubmitter"',
    ]);
  });

  it('reports a channel at the wrong address and a channel for no topic', () => {
    const problems = topicDisagreements(
      changed((copy) => {
        copy.channels.listAccepted!.address = 'redcrowd.lists.accepted';
        copy.channels.listWithdrawn = readDocument().channels.listAccepted!;
      }),
    );
    expect(problems).toEqual([
      'channel listWithdrawn: no such topic in TOPICS',
      'channel listAccepted: address should be redcrowd.lists.accepted.v1',
    ]);
  });

  it('asks to delete a documented-beyond entry once the class checks the fact or is gone', () => {
    const beyond: Record<string, Facts> = {
      // Checked by @IsText(LIMITS.maxAddressLength): no longer a gap.
      'GeoPoint.address': { maxLength: 500 },
      // Nothing in GeoPoint states a format for lat: still a gap, rightly documented.
      'GeoPoint.lat': { format: 'double' },
      'ResidentRef.name': { maxLength: 50 },
    };
    expect(Object.keys(beyond)).toHaveLength(3);
    expect(closedGaps(beyond)).toEqual([
      'GeoPoint.address: the class checks maxLength itself; delete the entry',
      'ResidentRef.name: no payload class ResidentRef; delete the entry',
    ]);
  });
});
