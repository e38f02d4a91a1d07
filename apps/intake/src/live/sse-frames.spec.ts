import { SSE_KEEPALIVE, sseMessage, sseRetry } from './sse-frames';

/** Reads a stream the way the HTML standard's EventSource does (enough of it to check what we write). */
function parse(stream: string): { id: string; event: string; data: string }[] {
  const messages: { id: string; event: string; data: string }[] = [];
  let id = '';
  let event = '';
  let data: string[] = [];
  for (const line of stream.split('\n')) {
    if (line === '') {
      if (data.length) messages.push({ id, event: event || 'message', data: data.join('\n') });
      event = '';
      data = [];
      continue;
    }
    if (line.startsWith(':')) continue;
    const [field, ...rest] = line.split(':');
    const value = rest.join(':').replace(/^ /, '');
    if (field === 'id') id = value;
    else if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return messages;
}

describe('server-sent event frames', () => {
  it('writes id, event and one JSON data line, ended by a blank line', () => {
    const frame = sseMessage({ id: 1234, event: 'dossier', data: { dossierId: 'a', status: 'in_progress' } });
    expect(frame).toBe('id: 1234\nevent: dossier\ndata: {"dossierId":"a","status":"in_progress"}\n\n');
    expect(parse(frame)).toEqual([{ id: '1234', event: 'dossier', data: '{"dossierId":"a","status":"in_progress"}' }]);
  });

  it('lets no value start a field of its own: line breaks in data stay inside the JSON, event names are one line', () => {
    const frame = sseMessage({ event: 'dossier\nid: 9', data: { code: 'a\nid: 9\n\nevent: x', other: 'b\r\nc' } });
    const messages = parse(frame);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.id).toBe('');
    expect(JSON.parse(messages[0]?.data ?? '')).toEqual({ code: 'a\nid: 9\n\nevent: x', other: 'b\r\nc' });
    expect(frame.split('\n\n')).toHaveLength(2);
  });

  it('says when to reconnect and keeps a quiet connection alive with a comment the browser ignores', () => {
    expect(sseRetry(2000)).toBe('retry: 2000\n\n');
    expect(SSE_KEEPALIVE).toBe(': keepalive\n\n');
    expect(parse(SSE_KEEPALIVE + sseRetry(2000))).toEqual([]);
  });
});
