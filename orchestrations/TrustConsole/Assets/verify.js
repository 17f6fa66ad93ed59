// Evidence verification in the browser, with WebCrypto only: the server hands over bytes and proofs, this decides.
// DSSE PAE and ES256 (ECDSA P-256, SHA-256, IEEE P1363 r||s signatures) as domain/Evidence/Attestation signs records;
// RFC 6962 / RFC 9162 Merkle hashing and the inclusion check (2.1.3.2) as domain/Evidence/Merkle/MerkleTree does;
// the checkpoint note body as Checkpoint.NoteBody builds it.

const encoder = new TextEncoder();

export function base64ToBytes(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function hex(bytes) {
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

function equal(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

async function sha256(bytes) {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

export const leafHash = data => sha256(concat(new Uint8Array([0]), data));
const nodeHash = (left, right) => sha256(concat(new Uint8Array([1]), left, right));

/** RFC 9162 2.1.3.2: does the audit path lead from the leaf hash at index to the root of a tree of size? */
export async function verifyInclusion(leaf, index, size, proof, root) {
  if (index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
    } else {
      r = await nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equal(r, root);
}

/** DSSE pre-authentication encoding: "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body. */
export function pae(payloadType, payload) {
  const type = encoder.encode(payloadType);
  return concat(encoder.encode(`DSSEv1 ${type.length} ${payloadType} ${payload.length} `), payload);
}

async function verifyEs256(keys, keyId, data, signatureBase64) {
  const entry = keys.find(k => k.keyId === keyId);
  if (!entry) return { ok: false, why: `key '${keyId}' is not published` };
  if (entry.algorithm !== 'ES256') return { ok: false, why: `key '${keyId}' is ${entry.algorithm}, not ES256` };
  const key = await crypto.subtle.importKey('spki', base64ToBytes(entry.publicKey), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  const ok = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, base64ToBytes(signatureBase64), data);
  return { ok, why: ok ? `signed by ${keyId}` : `signature by '${keyId}' does not verify` };
}

/**
 * Checks one record as GET /api/evidence/record returns it. Returns the opened statement and a list of checks
 * ({ name, ok: true|false|null, detail }); null means the check could not run yet (e.g. no checkpoint covers it).
 */
export async function verifyRecord(bundle) {
  const checks = [];
  const record = base64ToBytes(bundle.record);
  let statement = null;
  let envelope = null;
  try {
    envelope = JSON.parse(new TextDecoder().decode(record));
    const payload = base64ToBytes(envelope.payload);
    statement = JSON.parse(new TextDecoder().decode(payload));
    if (!envelope.signatures || envelope.signatures.length === 0) throw new Error('no signatures');
    const results = [];
    for (const s of envelope.signatures) results.push(await verifyEs256(bundle.keys, s.keyid, pae(envelope.payloadType, payload), s.sig));
    checks.push({ name: 'Record signature (DSSE, ECDSA P-256)', ok: results.every(r => r.ok), detail: results.map(r => r.why).join('; ') });
  } catch (e) {
    checks.push({ name: 'Record signature (DSSE, ECDSA P-256)', ok: false, detail: 'not a signed DSSE envelope: ' + e.message });
  }

  const predicate = statement && statement.predicate;
  if (predicate) {
    const expected = `records/${predicate.agentId}/${predicate.actionId}/${String(predicate.sequence).padStart(4, '0')}-${predicate.kind}.json`;
    checks.push({ name: 'Record is stored under its own name', ok: expected === bundle.name, detail: expected });
  }

  const leaf = await leafHash(record);
  if (bundle.leafIndex === null || bundle.leafIndex === undefined) {
    checks.push({ name: 'Record is in its agent\'s log', ok: null, detail: 'not logged yet (in flight)' });
    return { statement, envelope, checks, leaf: hex(leaf) };
  }
  if (bundle.leafHash) {
    checks.push({ name: `Leaf ${bundle.leafIndex} of the log is this record`, ok: hex(leaf) === bundle.leafHash, detail: hex(leaf) });
  }

  const cp = bundle.checkpoint;
  if (!cp || !bundle.inclusionProof) {
    checks.push({ name: 'Inclusion in a signed checkpoint', ok: null, detail: 'no checkpoint covers this record yet; try again in a minute' });
    return { statement, envelope, checks, leaf: hex(leaf) };
  }

  const note = encoder.encode(`${cp.origin}\n${cp.treeSize}\n${cp.rootHash}\n${cp.timestamp}\n`);
  const signed = await verifyEs256(bundle.keys, cp.keyId, note, cp.signature);
  checks.push({ name: 'Checkpoint signature', ok: signed.ok, detail: `${signed.why}; tree of ${cp.treeSize} at ${cp.timestamp}` });
  const originOk = predicate ? cp.origin === `agenttrust.dev/evidence/${predicate.agentId}` : false;
  checks.push({ name: 'Checkpoint is of this agent\'s log', ok: originOk, detail: cp.origin });
  const included = await verifyInclusion(leaf, bundle.leafIndex, cp.treeSize, bundle.inclusionProof.map(base64ToBytes), base64ToBytes(cp.rootHash));
  checks.push({ name: 'Inclusion proof (RFC 9162) reaches the checkpoint root', ok: included, detail: `${bundle.inclusionProof.length} hashes, leaf ${bundle.leafIndex} of ${cp.treeSize}` });
  return { statement, envelope, checks, leaf: hex(leaf) };
}
