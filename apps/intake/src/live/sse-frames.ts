/**
 * Server-sent events, as the HTML standard reads them: `field: value` lines, a blank line ending each message.
 * A value never holds a line break (each line of `data` gets its own `data:` line), so nothing a payload carries can
 * start a field of its own.
 */

/** One message: `id` (what the browser sends back as Last-Event-ID), its event name and its JSON data. */
export function sseMessage(message: { id?: number; event: string; data: unknown }): string {
  const lines: string[] = [];
  if (message.id !== undefined) lines.push(`id: ${message.id}`);
  lines.push(`event: ${oneLine(message.event)}`);
  for (const line of JSON.stringify(message.data).split(/\r\n|\r|\n/)) lines.push(`data: ${line}`);
  return `${lines.join('\n')}\n\n`;
}

/** How long the browser waits before it reconnects. */
export const sseRetry = (ms: number): string => `retry: ${Math.max(0, Math.round(ms))}\n\n`;

/** A comment line: keeps proxies and load balancers from closing a quiet connection; browsers ignore it. */
export const SSE_KEEPALIVE = ': keepalive\n\n';

function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}
