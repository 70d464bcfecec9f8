import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RecognizedInput } from './inputKinds';
import { recognizeDescribeSecret } from './describeSecret';
import { recognizeInput } from './recognizeInput';

const fixture = (path: string) => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');
const fact = (r: RecognizedInput | null, label: string) => r?.facts?.find((f) => f.label === label)?.value;

describe('recognizeDescribeSecret', () => {
  const token = fixture('seed/v1.20-legacy.jwt').trim();
  const described = `Name:         default-token-57llx
Namespace:    default
Labels:       kubernetes.io/legacy-token-last-used=2024-03-17
              kubernetes.io/legacy-token-invalid-since=2024-04-01
Annotations:  kubernetes.io/service-account.name: default
              kubernetes.io/service-account.uid: 71904c2e-569b-4a0b-9716-b3430f430f23

Type:  kubernetes.io/service-account-token

Data
====
ca.crt:     1066 bytes
namespace:  7 bytes
token:      ${token}
`;

  it('takes the already-decoded token and the facts', () => {
    const r = recognizeDescribeSecret(described);
    expect(r?.kind).toBe('secret');
    expect(r?.token).toBe(token);
    expect(fact(r, 'Secret')).toBe('default-token-57llx');
    expect(fact(r, 'Namespace')).toBe('default');
    expect(fact(r, 'Service account')).toBe('default');
    expect(fact(r, 'Service account UID')).toBe('71904c2e-569b-4a0b-9716-b3430f430f23');
    expect(fact(r, 'ca.crt')).toBe('1066 bytes');
    expect(fact(r, 'kubernetes.io/legacy-token-last-used')).toBe('2024-03-17');
    expect(fact(r, 'kubernetes.io/legacy-token-invalid-since')).toBe('2024-04-01');
  });

  it('is reached through recognizeInput', () => {
    expect(recognizeInput(described).kind).toBe('secret');
    expect(recognizeInput(described).token).toBe(token);
  });

  it('explains an Opaque Secret, whose values kubectl shows only as sizes', () => {
    const r = recognizeDescribeSecret('Name:         db\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nType:  Opaque\n\nData\n====\npassword:  8 bytes\n');
    expect(r?.token).toBeNull();
    expect(r?.hint?.code).toBe('secret-without-token');
    expect(fact(r, 'Type')).toBe('Opaque');
  });

  it('returns null without a Name and a Type', () => {
    expect(recognizeDescribeSecret('Data\n====\ntoken: x')).toBeNull();
  });
});
