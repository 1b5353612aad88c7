import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatTemplate, istioMessages } from '../../src/lint/messages.js';
import { conformanceDir } from './crd-reference.js';

interface Message {
  readonly name: string;
  readonly code: string;
  readonly level: string;
  readonly template: string;
}

const upstream = (
  parse(readFileSync(`${conformanceDir}istio-analyzers/messages.yaml`, 'utf8')) as { messages: Message[] }
).messages;

describe('IST messages', () => {
  it.each(Object.entries(istioMessages))('%s has istioctl name, level and template', (code, message) => {
    const theirs = upstream.find((m) => m.code === code);
    expect(theirs).toBeDefined();
    expect({ name: message.name, level: message.level, template: message.template }).toEqual({
      name: theirs?.name,
      level: theirs?.level,
      template: theirs?.template,
    });
  });

  it('fills Go fmt verbs like istioctl', () => {
    expect(formatTemplate('Referenced %s not found: %q', ['host', 'a.b'])).toBe(
      'Referenced host not found: "a.b"',
    );
    expect(formatTemplate('ports %v, port %d, 100%%', [[80, 443], 8080])).toBe(
      'ports [80 443], port 8080, 100%',
    );
    expect(formatTemplate('clusters %q', [['a', 'b']])).toBe('clusters ["a" "b"]');
  });
});
