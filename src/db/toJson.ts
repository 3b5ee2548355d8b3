import neo4j, {
  Duration,
  Integer,
  isDate,
  isDateTime,
  isDuration,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPoint,
  isRelationship,
  isTime,
  isUUID,
  isUnboundRelationship,
  isUnsupportedType,
  isVector,
} from 'neo4j-driver';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A duration as ISO 8601, as Cypher's toString() writes it (P1Y2M3DT4H5M6.5S; PT0S when zero). */
function isoDuration(value: Duration<number | Integer>): string {
  const num = (part: number | Integer) => BigInt(part.toString());
  const months = num(value.months);
  const days = num(value.days);
  // Seconds and nanoseconds as one signed count of nanoseconds.
  let nanos = num(value.seconds) * 1_000_000_000n + num(value.nanoseconds);
  const negative = nanos < 0n;
  if (negative) nanos = -nanos;
  const hours = nanos / 3_600_000_000_000n;
  const minutes = (nanos / 60_000_000_000n) % 60n;
  const wholeSeconds = (nanos / 1_000_000_000n) % 60n;
  const fraction = (nanos % 1_000_000_000n).toString().padStart(9, '0').replace(/0+$/, '');
  const sign = negative ? '-' : '';
  let out = 'P';
  if (months / 12n !== 0n) out += `${months / 12n}Y`;
  if (months % 12n !== 0n) out += `${months % 12n}M`;
  if (days !== 0n) out += `${days}D`;
  let time = '';
  if (hours !== 0n) time += `${sign}${hours}H`;
  if (minutes !== 0n) time += `${sign}${minutes}M`;
  if (wholeSeconds !== 0n || fraction !== '') time += `${sign}${wholeSeconds}${fraction ? `.${fraction}` : ''}S`;
  if (time !== '') out += `T${time}`;
  return out === 'P' ? 'PT0S' : out;
}

/** Converts a driver value to JSON: safe integers as numbers (others as strings), graph entities as objects. */
export function toJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return value <= MAX_SAFE && value >= -MAX_SAFE ? Number(value) : value.toString();
    case 'object':
      break;
    default:
      return String(value);
  }
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (Array.isArray(value)) return value.map(toJson);
  if (isNode(value))
    return { elementId: value.elementId, labels: [...value.labels], properties: toJson(value.properties) };
  if (isRelationship(value)) {
    return {
      elementId: value.elementId,
      type: value.type,
      start: value.startNodeElementId,
      end: value.endNodeElementId,
      properties: toJson(value.properties),
    };
  }
  if (isUnboundRelationship(value))
    return { elementId: value.elementId, type: value.type, properties: toJson(value.properties) };
  if (isPath(value)) {
    const out: unknown[] = [toJson(value.start)];
    for (const segment of value.segments) out.push(toJson(segment.relationship), toJson(segment.end));
    return out;
  }
  if (isDuration(value)) return isoDuration(value);
  if (
    isPoint(value) ||
    isDate(value) ||
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isLocalTime(value) ||
    isTime(value)
  ) {
    return value.toString();
  }
  if (isUUID(value)) return value.toString();
  if (isVector(value)) return Array.from(value.asTypedArray() as ArrayLike<number | bigint>, toJson);
  if (isUnsupportedType(value)) return String(value);
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = toJson(item);
  return out;
}
