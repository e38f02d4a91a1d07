#!/usr/bin/env node
// The offline verifier of dossier-tracker's event-log exports (docs/verifier.md).
//
//   node verify-export.mjs export.ndjson        exit 0: INTACT …   exit 1: BROKEN … (the first broken event first)
//
// One file, Node's standard library only (Node 18 or later), no database, no project code: copy it anywhere.
// It re-derives every event's hash from its content, checks the links between the events of each stream, and
// re-hashes every seal in the export against its seal hash and event count. The definitions below are the
// system's own (libs/event-store/src/hash: event-hash.ts, canonical-json.ts, seal-hash.ts); a test of the project
// runs this file against them on random events so that the two cannot drift apart.
import crypto, { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const EXPORT_FORMAT = 'dossier-tracker/event-log-export@1';
const SEAL_FORMAT = 'dossier-tracker/event-store-seal@1';
const MAX_PROBLEMS = 20;

const sha256 = crypto.hash // Node 20.12 and later: the one-shot hash, same digest, faster
  ? (text) => crypto.hash('sha256', text, 'hex')
  : (text) => createHash('sha256').update(text, 'utf8').digest('hex');

// ── Canonical JSON (RFC 8785): keys sorted by UTF-16 code units, no spaces, numbers and strings as JSON.stringify.
function canonicalJson(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
}

// The same text, faster: objects rebuilt with their keys in order and given to JSON.stringify — unless a key looks
// like an array index (JavaScript lists those first whatever the order) or is __proto__: then canonicalJson.
const INDEX = /^(?:0|[1-9]\d{0,9})$/;
const SLOW = Symbol('slow');
function sorted(value) {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i += 1) if ((out[i] = sorted(value[i])) === SLOW) return SLOW;
    return out;
  }
  const keys = Object.keys(value).sort();
  const out = {};
  for (const key of keys) {
    if (INDEX.test(key) || key === '__proto__') return SLOW;
    if ((out[key] = sorted(value[key])) === SLOW) return SLOW;
  }
  return out;
}
function canonical(value) {
  const fast = sorted(value);
  return fast === SLOW ? canonicalJson(value) : JSON.stringify(fast);
}

// ── The event hash: sha256(prevHash ":" streamPosition ":" sha256(canonical {data, metadata, schemaVersion, streamId, type})).
function eventHash(e) {
  const content = canonical({
    data: e.data,
    metadata: e.metadata,
    schemaVersion: e.schemaVersion,
    streamId: e.streamId,
    type: e.type,
  });
  return sha256(`${e.prevHash ?? ''}:${e.streamPosition}:${sha256(content)}`);
}

// ── The seal: sha256 of a header and one line per event of (after, upTo], in (transactionId, globalPosition) order.
function sealHasher(seal) {
  const hash = createHash('sha256');
  const place = (c) => `${c.transactionId}:${c.globalPosition}`;
  hash.update(`${SEAL_FORMAT}\n${seal.prevSealHash ?? ''}\n${place(seal.after)}\n${place(seal.upTo)}\n`, 'utf8');
  let count = 0;
  return {
    add(line) {
      hash.update(`${line.transactionId}:${line.globalPosition}:${micros(line.recordedAt)}:${line.hash}\n`, 'utf8');
      count += 1;
    },
    get count() {
      return count;
    },
    digest: () => hash.digest('hex'),
  };
}

/** "2020-09-04T01:02:03.123456Z" → µs since 1970 as text (what a seal hashes). */
function micros(iso) {
  const m = /^(.+)\.(\d{3})(\d{3})Z$/.exec(String(iso));
  const ms = m ? Date.parse(`${m[1]}.${m[2]}Z`) : NaN;
  if (!m || Number.isNaN(ms)) throw new Error(`recordedAt "${iso}" is not an instant to the microsecond`);
  return (BigInt(ms) * 1000n + BigInt(m[3])).toString();
}

/** Delivery order of the log: transaction id (64-bit), then global position. */
function compare(a, b) {
  const ta = BigInt(a.transactionId);
  const tb = BigInt(b.transactionId);
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.globalPosition - b.globalPosition;
}

const fmt = (n) => n.toLocaleString('en');
const where = (e) => `stream ${e.streamId}, position ${e.streamPosition} (global position ${e.globalPosition})`;

async function verify(file) {
  const problems = []; // { order, text }: events' problems by line, then the seals'
  const problem = (order, text) => problems.push({ order, text });
  let header = null;
  const seals = [];
  let sealAt = 0;
  let current = null; // hasher of seals[sealAt] once an event of it was seen
  let previous = null;
  let events = 0;
  let sealedLines = 0;
  let end = null;
  const streams = new Map();
  const sealsDone = [];
  let lineNo = 0;

  const closeSealsBefore = (checkpoint) => {
    while (sealAt < seals.length && (checkpoint === null || compare(checkpoint, seals[sealAt].upTo) > 0)) {
      const seal = seals[sealAt];
      const hasher = current ?? sealHasher(seal);
      const digest = hasher.digest();
      const ok = hasher.count === seal.eventCount && digest === seal.sealHash;
      if (!ok) {
        const what =
          hasher.count !== seal.eventCount
            ? `its range holds ${fmt(hasher.count)} events in the export, the seal counted ${fmt(seal.eventCount)} (events removed or added)`
            : 'the events of its range no longer give the sealed hash (an event altered, re-dated or moved)';
        problem(1e15 + seal.sealNumber, `seal #${seal.sealNumber} broken: ${what}`);
      }
      sealsDone.push(seal);
      sealAt += 1;
      current = null;
    }
  };

  const link = (e) => {
    const s = streams.get(e.streamId);
    if (!s) {
      streams.set(e.streamId, { lo: e, hi: e, waiting: null });
      if (e.streamPosition === 1 && e.prevHash !== null)
        problem(e.line, `${where(e)}: the first event of its stream names a previous hash`);
      return;
    }
    if (e.streamPosition >= s.lo.streamPosition && e.streamPosition <= s.hi.streamPosition) {
      problem(e.line, `${where(e)}: a second event at this position of the stream`);
      return;
    }
    (s.waiting ??= new Map()).set(e.streamPosition, e);
    for (;;) {
      const next = s.waiting.get(s.hi.streamPosition + 1);
      const before = s.waiting.get(s.lo.streamPosition - 1);
      if (next) {
        if (next.prevHash !== s.hi.hash)
          problem(next.line, `${where(next)}: its previous hash is not the hash of position ${s.hi.streamPosition}`);
        s.waiting.delete(next.streamPosition);
        s.hi = next;
      } else if (before) {
        if (s.lo.prevHash !== before.hash)
          problem(s.lo.line, `${where(s.lo)}: its previous hash is not the hash of position ${before.streamPosition}`);
        s.waiting.delete(before.streamPosition);
        s.lo = before;
      } else break;
    }
    if (s.waiting.size === 0) s.waiting = null;
  };

  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const text of lines) {
    lineNo += 1;
    if (text === '') continue;
    let line;
    try {
      line = JSON.parse(text);
    } catch {
      problem(lineNo, `line ${lineNo} is not JSON`);
      continue;
    }
    if (end) {
      problem(lineNo, `line ${lineNo} comes after the end line`);
      break;
    }
    if (lineNo === 1) {
      if (line?.kind !== 'export' || line.format !== EXPORT_FORMAT)
        throw new Error(`not an export of dossier-tracker (${EXPORT_FORMAT}): the first line is not its header`);
      header = line;
      continue;
    }
    if (line.kind === 'seal') {
      if (previous) problem(lineNo, `line ${lineNo}: a seal after the events`);
      const prior = seals[seals.length - 1];
      if (prior && line.sealNumber !== prior.sealNumber + 1)
        problem(
          1e15,
          `seal #${prior.sealNumber + 1} is missing between the exported seals #${prior.sealNumber} and #${line.sealNumber}`,
        );
      else if (prior && line.prevSealHash !== prior.sealHash)
        problem(
          1e15 + line.sealNumber,
          `seal #${line.sealNumber} does not name the hash of seal #${prior.sealNumber}: one of the two was altered`,
        );
      else if (prior && compare(prior.upTo, line.after) !== 0)
        problem(1e15 + line.sealNumber, `seal #${line.sealNumber} does not start where seal #${prior.sealNumber} ends`);
      else if (
        line.sealNumber === 1 &&
        (line.prevSealHash !== null || line.after.transactionId !== '0' || line.after.globalPosition !== 0)
      )
        problem(1e15 + 1, 'seal #1 does not start at the beginning of the log');
      seals.push(line);
      continue;
    }
    if (line.kind === 'end') {
      end = line;
      continue;
    }
    if (line.kind !== 'event' && line.kind !== 'sealed') {
      problem(lineNo, `line ${lineNo}: unknown kind "${line.kind}"`);
      continue;
    }
    line.line = lineNo;
    if (previous && compare(previous, line) >= 0)
      problem(
        lineNo,
        `line ${lineNo} (global position ${line.globalPosition}) is out of the log's order: lines were moved or repeated`,
      );
    previous = line;
    closeSealsBefore(line);
    const seal = seals[sealAt];
    if (seal && compare(line, seal.after) > 0) (current ??= sealHasher(seal)).add(line);
    else if (line.kind === 'sealed') problem(lineNo, `line ${lineNo}: a sealed-only line outside every exported seal`);
    const inRange = line.globalPosition >= header.from && line.globalPosition <= header.to;
    if (line.kind === 'sealed') {
      sealedLines += 1;
      if (inRange)
        problem(lineNo, `global position ${line.globalPosition} is in the exported range but has no content`);
      continue;
    }
    events += 1;
    if (!inRange) problem(lineNo, `${where(line)}: outside the exported range ${header.from}–${header.to}`);
    let recomputed;
    try {
      recomputed = eventHash(line);
    } catch (error) {
      recomputed = `(${error.message})`;
    }
    if (recomputed !== line.hash)
      problem(lineNo, `${where(line)}: altered — its content (type ${line.type}) does not give its hash`);
    link({
      streamId: line.streamId,
      streamPosition: line.streamPosition,
      globalPosition: line.globalPosition,
      prevHash: line.prevHash,
      hash: line.hash,
      line: lineNo,
    });
  }
  if (!header) throw new Error('the export is empty');
  closeSealsBefore(null);
  if (!end) problem(1e16, 'the export is cut short: no end line');
  else if (end.events !== events || end.sealed !== sealedLines)
    problem(
      1e16,
      `the end line counts ${fmt(end.events)} events and ${fmt(end.sealed)} sealed lines, the export holds ${fmt(events)} and ${fmt(sealedLines)}: lines were removed or added`,
    );
  let startsBefore = 0;
  for (const [, s] of streams) {
    if (s.lo.streamPosition > 1) startsBefore += 1;
    if (!s.waiting) continue;
    const after = [...s.waiting.values()].sort((a, b) => a.streamPosition - b.streamPosition)[0];
    problem(
      after.line,
      `${where(after)}: missing — the export holds the stream up to position ${s.hi.streamPosition}, then goes on at ${after.streamPosition}`,
    );
  }
  return { header, seals: sealsDone, events, sealedLines, streams: streams.size, startsBefore, problems };
}

async function main() {
  const file = process.argv[2];
  if (!file || process.argv.length > 3) {
    console.error('Usage: node verify-export.mjs EXPORT.ndjson');
    return 2;
  }
  const started = process.hrtime.bigint();
  let result;
  try {
    result = await verify(file);
  } catch (error) {
    console.log(`BROKEN: ${error.message}`);
    return 1;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const { header, seals, events, problems } = result;
  const range = `global positions ${fmt(header.from)}–${fmt(header.to)}`;
  const sealText = seals.length
    ? `${seals.length} seals (#${seals[0].sealNumber}–#${seals[seals.length - 1].sealNumber}, the last one's hash ${seals[seals.length - 1].sealHash})`
    : 'no seal';
  const rate = `${fmt(Math.round(events / Math.max(seconds, 1e-6)))} events/s`;
  if (problems.length === 0) {
    console.log(
      `INTACT: ${fmt(events)} events of ${fmt(result.streams)} streams (${range}) give their hashes and links; ${sealText} re-hashed and matching.`,
    );
    console.log(
      `Compare the seal hashes with a copy kept outside the system (seal export). Not checked: the links of ${fmt(result.startsBefore)} streams to their events before the range. ${seconds.toFixed(1)} s, ${rate}.`,
    );
    return 0;
  }
  problems.sort((a, b) => a.order - b.order);
  console.log(`BROKEN: ${problems[0].text}`);
  for (const p of problems.slice(1, MAX_PROBLEMS)) console.log(`also: ${p.text}`);
  if (problems.length > MAX_PROBLEMS) console.log(`… and ${fmt(problems.length - MAX_PROBLEMS)} more`);
  console.log(`Checked ${fmt(events)} events (${range}) and ${sealText} in ${seconds.toFixed(1)} s.`);
  return 1;
}

main().then((code) => {
  process.exitCode = code;
});
