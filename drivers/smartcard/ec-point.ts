/**
 * Elliptic-curve points in affine coordinates over a prime field, enough for PACE's generic mapping
 * (Doc 9303 Part 11 §4.4.3.3.1): G' = s·G + H needs point addition and scalar multiplication on a
 * generator node:crypto does not offer. Not constant-time: the scalars are one-use session values.
 */
export interface Curve {
  name: string;
  p: bigint;
  a: bigint;
  b: bigint;
  g: Point;
  n: bigint;
  /** Field size in bytes. */
  size: number;
}

export type Point = { x: bigint; y: bigint } | null;

const mod = (v: bigint, m: bigint): bigint => ((v % m) + m) % m;

function inverse(v: bigint, m: bigint): bigint {
  let [a, b, x0, x1] = [mod(v, m), m, 0n, 1n];
  while (a > 1n) {
    if (b === 0n) throw new RangeError('not invertible');
    const q = a / b;
    [a, b] = [b, a % b];
    [x0, x1] = [x1 - q * x0, x0];
  }
  return mod(x1, m);
}

export function add(curve: Curve, p1: Point, p2: Point): Point {
  if (p1 === null) return p2;
  if (p2 === null) return p1;
  const { p } = curve;
  if (p1.x === p2.x && mod(p1.y + p2.y, p) === 0n) return null;
  const slope = p1.x === p2.x ? mod((3n * p1.x * p1.x + curve.a) * inverse(2n * p1.y, p), p) : mod((p2.y - p1.y) * inverse(p2.x - p1.x, p), p);
  const x = mod(slope * slope - p1.x - p2.x, p);
  return { x, y: mod(slope * (p1.x - x) - p1.y, p) };
}

type Jacobian = { x: bigint; y: bigint; z: bigint } | null;

function jacobianDouble(curve: Curve, q: Jacobian): Jacobian {
  if (q === null || q.y === 0n) return null;
  const { p } = curve;
  const yy = mod(q.y * q.y, p);
  const zz = mod(q.z * q.z, p);
  const s = mod(4n * q.x * yy, p);
  const m = mod(3n * q.x * q.x + curve.a * zz * zz, p);
  const x = mod(m * m - 2n * s, p);
  return { x, y: mod(m * (s - x) - 8n * yy * yy, p), z: mod(2n * q.y * q.z, p) };
}

function jacobianAdd(curve: Curve, q1: Jacobian, q2: Jacobian): Jacobian {
  if (q1 === null) return q2;
  if (q2 === null) return q1;
  const { p } = curve;
  const z1z1 = mod(q1.z * q1.z, p);
  const z2z2 = mod(q2.z * q2.z, p);
  const u1 = mod(q1.x * z2z2, p);
  const u2 = mod(q2.x * z1z1, p);
  const s1 = mod(q1.y * z2z2 * q2.z, p);
  const s2 = mod(q2.y * z1z1 * q1.z, p);
  if (u1 === u2) return s1 === s2 ? jacobianDouble(curve, q1) : null;
  const h = mod(u2 - u1, p);
  const r = mod(s2 - s1, p);
  const hh = mod(h * h, p);
  const hhh = mod(hh * h, p);
  const x = mod(r * r - hhh - 2n * u1 * hh, p);
  return { x, y: mod(r * (u1 * hh - x) - s1 * hhh, p), z: mod(h * q1.z * q2.z, p) };
}

/** k·P by double-and-add in Jacobian coordinates (one inversion at the end). */
export function multiply(curve: Curve, k: bigint, point: Point): Point {
  let result: Jacobian = null;
  let addend: Jacobian = point === null ? null : { ...point, z: 1n };
  for (let rest = k; rest > 0n; rest >>= 1n) {
    if (rest & 1n) result = jacobianAdd(curve, result, addend);
    addend = jacobianDouble(curve, addend);
  }
  if (result === null || result.z === 0n) return null;
  const zInverse = inverse(result.z, curve.p);
  const zz = mod(zInverse * zInverse, curve.p);
  return { x: mod(result.x * zz, curve.p), y: mod(result.y * zz * zInverse, curve.p) };
}

export const toBigInt = (bytes: Buffer): bigint => (bytes.length === 0 ? 0n : BigInt(`0x${bytes.toString('hex')}`));
export const toBytes = (v: bigint, size: number): Buffer => Buffer.from(v.toString(16).padStart(size * 2, '0'), 'hex');

/** Uncompressed encoding 04‖x‖y (SEC 1 §2.3.3). */
export function encodePoint(curve: Curve, point: Point): Buffer {
  if (point === null) throw new RangeError('point at infinity');
  return Buffer.concat([Buffer.from([4]), toBytes(point.x, curve.size), toBytes(point.y, curve.size)]);
}

/** A point from its uncompressed encoding, checked to lie on the curve (an invalid point is refused). */
export function decodePoint(curve: Curve, bytes: Buffer): Point {
  if (bytes.length !== 1 + 2 * curve.size || bytes[0] !== 4) throw new RangeError('not an uncompressed point');
  const x = toBigInt(bytes.subarray(1, 1 + curve.size));
  const y = toBigInt(bytes.subarray(1 + curve.size));
  if (x >= curve.p || y >= curve.p || mod(y * y - (x * x * x + curve.a * x + curve.b), curve.p) !== 0n) throw new RangeError('point not on the curve');
  return { x, y };
}

const P256_P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;

/** NIST P-256 (secp256r1), PACE standardized domain parameters id 12. */
export const P256: Curve = {
  name: 'P-256',
  p: P256_P,
  a: P256_P - 3n,
  b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
  g: { x: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n, y: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n },
  n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
  size: 32,
};
