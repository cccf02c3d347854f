// Prints src/bench/run's one table from the measurements of one run, row by row with the ratio,
// in sections by what each row is measured against.
//
// Usage: node table.mjs <results dir>   the table, from every jmh-*.json (ours: JMH's -rf json
//                                       files) and node-*.json (polkadot-js: bench.mjs output) there,
//                                       then the rows of bridge.json (BridgeBench: the daemon against
//                                       a direct call and a bare JVM, each row with both figures)
//        node table.mjs --pairs         one line per row of ROWS: "<JMH benchmark> <bench.mjs id>",
//                                       which run measures back to back so both see the same load
// A new signer-core row is one entry in ROWS with a JMH benchmark for ours and a bench.mjs id for
// the reference. Exits 1, naming it, if a row has no positive figure.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// ours/reference: a JMH benchmark (class.method) or an id from an extra results file; reference: an
// id in node.json. goal: the issue's target ratio, where there is one.
const ROWS = [
  { label: 'sr25519 sign', ours: 'Sr25519Benchmark.sign', reference: 'sr25519.sign', goal: 1.0 },
  { label: 'sr25519 verify', ours: 'Sr25519Benchmark.verify', reference: 'sr25519.verify', goal: 1.0 },
  { label: 'sr25519 soft derivation (secret)', ours: 'Sr25519Benchmark.deriveSoftSecret', reference: 'sr25519.deriveSoft', goal: 1.0 },
  { label: 'sr25519 soft derivation (public)', ours: 'Sr25519Benchmark.deriveSoftPublic', reference: 'sr25519.derivePublicSoft', goal: 1.0 },
  { label: 'ed25519 sign', ours: 'Ed25519Benchmark.sign', reference: 'ed25519.sign', goal: 1.0 },
  { label: 'ed25519 verify', ours: 'Ed25519Benchmark.verify', reference: 'ed25519.verify', goal: 1.0 },
  { label: 'ecdsa sign (blake2b + secp256k1)', ours: 'EcdsaBenchmark.sign', reference: 'ecdsa.sign', goal: 1.0 },
  { label: 'ecdsa verify (blake2b + secp256k1)', ours: 'EcdsaBenchmark.verify', reference: 'ecdsa.verify', goal: 1.0 },
  { label: 'addresses phrase//polkadot//i → SS58', ours: 'AddressBenchmark.addresses', reference: 'addresses' },
  { label: 'JSON v3 decrypt (scrypt 2^17)', ours: 'JsonDecryptBenchmark.decrypt', reference: 'json.decrypt' },
  // RFC-0078: the references are @polkadot-api/merkleize-metadata 1.3.0 and, for the signer's side
  // (which no JS library has), @polkadot/types 16.5.6 decoding the payload with the whole metadata.
  { label: 'RFC-0078 digest, Polkadot metadata (vs merkleize-metadata 1.3.0)', ours: 'MetadataBenchmark.digest', reference: 'metadata.digest', goal: 1.0 },
  { label: 'RFC-0078 proof for a transfer (vs merkleize-metadata 1.3.0)', ours: 'MetadataBenchmark.proof', reference: 'metadata.proof', goal: 1.0 },
  { label: 'verify proof + decode + render a transfer (vs polkadot-js decoding it, whole metadata)', ours: 'MetadataBenchmark.verifyAndDecode', reference: 'metadata.decodeWhole' }
];

function readJson (file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** JMH's result list as {class.method: {score, unit}}; a batch benchmark's score is per item. */
function fromJmh (list) {
  const results = {};
  for (const run of list) {
    const id = run.benchmark.split('.').slice(-2).join('.');
    const perInvocation = Number(run.params?.count ?? 1);
    results[id] = { score: run.primaryMetric.score * perInvocation, unit: run.primaryMetric.scoreUnit };
  }
  return results;
}

/** One side's result for a row; JMH's units ("ops/s", "ms/op") are bench.mjs's too. */
function figure (results, id, side, label) {
  const result = results[id];
  if (!result || !(result.score > 0)) {
    process.stderr.write(`no ${side} figure for "${label}" (${id})\n`);
    process.exit(1);
  }
  return result;
}

function format (value) {
  if (value >= 100) {
    return Math.round(value).toLocaleString('en-US');
  }
  return value.toPrecision(3);
}

const [argument] = process.argv.slice(2);
if (!argument) {
  process.stderr.write('usage: node table.mjs <results dir> | --pairs\n');
  process.exit(2);
}
if (argument === '--pairs') {
  process.stdout.write(ROWS.map((row) => `${row.ours} ${row.reference}\n`).join(''));
  process.exit(0);
}
const files = readdirSync(argument).sort();
const ours = {};
const reference = {};
for (const file of files.filter((f) => f.startsWith('jmh-') && f.endsWith('.json'))) {
  Object.assign(ours, fromJmh(readJson(join(argument, file))));
}
for (const file of files.filter((f) => f.startsWith('node-') && f.endsWith('.json'))) {
  Object.assign(reference, readJson(join(argument, file)).results);
}

const SIGNER_CORE = 'signer core vs polkadot-js 14.0.3 (node)';
const TIME_UNITS = new Set(['ms/op', 'µs', 'ms', 'MB']);

/** ">1 means ours is ahead": for times and sizes reference/ours, for rates ours/reference. */
function ratio (unit, ours, reference) {
  return TIME_UNITS.has(unit) ? reference / ours : ours / reference;
}

function positive (value, side, label) {
  if (!(value > 0)) {
    process.stderr.write(`no ${side} figure for "${label}"\n`);
    process.exit(1);
  }
  return value;
}

const header = ['row', 'unit', 'ours', 'reference', 'ratio (>1: ours ahead)', 'goal'];
const lines = [{ section: SIGNER_CORE }];
lines.push(...ROWS.map((row) => {
  const a = figure(ours, row.ours, 'ours', row.label);
  const b = figure(reference, row.reference, 'polkadot-js', row.label);
  if (a.unit !== b.unit) {
    process.stderr.write(`"${row.label}": ours in ${a.unit}, polkadot-js in ${b.unit}\n`);
    process.exit(1);
  }
  const r = ratio(a.unit, a.score, b.score);
  const goal = row.goal === undefined ? '' : `≥${row.goal.toFixed(1)}× ${r >= row.goal ? 'met' : 'MISSED'}`;
  const unit = row.reference === 'addresses' ? 'addresses/s' : a.unit;
  return [row.label, unit, format(a.score), format(b.score), `${r.toFixed(2)}×`, goal];
}));

const bridge = join(argument, 'bridge.json');
if (!files.includes('bridge.json')) {
  process.stderr.write(`no ${bridge}: the daemon's rows (BridgeBench) did not run\n`);
  process.exit(1);
}
let section = SIGNER_CORE;
for (const row of readJson(bridge).rows) {
  if (row.section !== section) {
    section = row.section;
    lines.push({ section });
  }
  const r = ratio(row.unit, positive(row.ours, 'ours', row.label), positive(row.reference, 'reference', row.label));
  const goal = row.met === undefined ? row.goal : `${row.goal} ${row.met ? 'met' : 'MISSED'}`;
  lines.push([row.label, row.unit, format(row.ours), format(row.reference), `${r.toFixed(2)}×`, goal]);
}

// A section is a row of its own: its title in bold in the first column, the others empty.
const cellsOf = (line) => (Array.isArray(line) ? line : [`**${line.section}**`, '', '', '', '', '']);
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => cellsOf(l)[i].length)));
const render = (cells) => `| ${cells.map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
const out = [render(header), `|${widths.map((w, i) => (i >= 2 && i <= 4 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`];
for (const l of lines) {
  out.push(render(cellsOf(l)));
}
process.stdout.write(out.join('\n') + '\n');
