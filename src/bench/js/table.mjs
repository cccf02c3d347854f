// Prints src/bench/run's one table from the measurements of one run, row by row with the ratio,
// in sections by what each row is measured against.
//
// Usage: node table.mjs <results dir>...  the table, from every jmh-*.json (ours: JMH's -rf json
//                                       files) and node-*.json (polkadot-js: bench.mjs output) there,
//                                       then the rows of bridge.json (BridgeBench: the daemon against
//                                       a direct call and a bare JVM, each row with both figures);
//                                       given several runs' directories, each row shows its median
//                                       run and the spread of the ratio over all of them
//        node table.mjs --pairs         one line per row of ROWS: "<JMH benchmark> <bench.mjs id>",
//                                       which run measures back to back so both see the same load
// A new signer-core row is one entry in ROWS with a JMH benchmark for ours and a bench.mjs id for
// the reference. Exits 1, naming it, if a row has no positive figure.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// ours: a JMH benchmark (class.method, below dev.hwbridge.bench); reference: an id in node.json.
// section: the table section (default SIGNER_CORE); unit: what the table shows instead of JMH's.
// Goals, where the issue set one: goal, the least ratio; atLeast / below, a bound on ours.
const SIGNER_CORE = 'signer core vs polkadot-js 14.0.3 (node)';
const WALLET_FLOWS = 'wallet flows through daemon and simulator (WebSocket → daemon → UDP → device) vs polkadot-js 14.0.3 (node)';
const ROWS = [
  { label: 'sr25519 sign', ours: 'Sr25519Benchmark.sign', reference: 'sr25519.sign', goal: 1.0 },
  { label: 'sr25519 verify', ours: 'Sr25519Benchmark.verify', reference: 'sr25519.verify', goal: 1.0 },
  { label: 'sr25519 soft derivation (secret)', ours: 'Sr25519Benchmark.deriveSoftSecret', reference: 'sr25519.deriveSoft', goal: 1.0 },
  { label: 'sr25519 soft derivation (public)', ours: 'Sr25519Benchmark.deriveSoftPublic', reference: 'sr25519.derivePublicSoft', goal: 1.0 },
  { label: 'ed25519 sign', ours: 'Ed25519Benchmark.sign', reference: 'ed25519.sign', goal: 1.0 },
  { label: 'ed25519 verify', ours: 'Ed25519Benchmark.verify', reference: 'ed25519.verify', goal: 1.0 },
  { label: 'ecdsa sign (blake2b + secp256k1)', ours: 'EcdsaBenchmark.sign', reference: 'ecdsa.sign', goal: 1.0 },
  { label: 'ecdsa verify (blake2b + secp256k1)', ours: 'EcdsaBenchmark.verify', reference: 'ecdsa.verify', goal: 1.0 },
  { label: 'addresses phrase//polkadot//i → SS58', unit: 'addresses/s', ours: 'AddressBenchmark.addresses', reference: 'addresses' },
  { label: 'JSON v3 decrypt (scrypt 2^17)', ours: 'JsonDecryptBenchmark.decrypt', reference: 'json.decrypt', goal: 1.25 },
  // RFC-0078: the references are @polkadot-api/merkleize-metadata 1.3.0 and, for the signer's side
  // (which no JS library has), @polkadot/types 16.5.6 decoding the payload with the whole metadata.
  { label: 'RFC-0078 digest, Polkadot metadata (vs merkleize-metadata 1.3.0)', ours: 'MetadataBenchmark.digest', reference: 'metadata.digest', goal: 1.0 },
  { label: 'RFC-0078 proof for a transfer (vs merkleize-metadata 1.3.0)', ours: 'MetadataBenchmark.proof', reference: 'metadata.proof', goal: 1.0 },
  { label: 'verify proof + decode + render a transfer (vs polkadot-js decoding it, whole metadata)', ours: 'MetadataBenchmark.verifyAndDecode', reference: 'metadata.decodeWhole' },
  { label: 'account.discover sr25519, pages of 100 //polkadot//{i}', section: WALLET_FLOWS, unit: 'addresses/s',
    ours: 'bridge.WalletFlowBenchmark.discoverSr25519', reference: 'discover.sr25519', goal: 10, atLeast: 2000 },
  { label: 'account.discover ed25519, pages of 100 //polkadot//{i}', section: WALLET_FLOWS, unit: 'addresses/s',
    ours: 'bridge.WalletFlowBenchmark.discoverEd25519', reference: 'discover.ed25519', goal: 10 },
  { label: 'backup.restore of 100 accounts (sr25519 + ed25519)', section: WALLET_FLOWS, unit: 's',
    ours: 'bridge.WalletFlowBenchmark.restore', reference: 'restore', below: 0.5 }
];

function readJson (file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** JMH's result list as {class.method: {score, unit}}; a batch benchmark's score is per item. */
function fromJmh (list) {
  const results = {};
  for (const run of list) {
    const id = run.benchmark.replace(/^dev\.hwbridge\.bench\./, '');
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

const args = process.argv.slice(2);
if (args.length === 0) {
  process.stderr.write('usage: node table.mjs <results dir>... | --pairs\n');
  process.exit(2);
}
if (args[0] === '--pairs') {
  process.stdout.write(ROWS.map((row) => `${row.ours} ${row.reference}\n`).join(''));
  process.exit(0);
}

/** One run's figures: ours and polkadot-js's by id, and the daemon's rows by label. */
function readRun (dir) {
  const files = readdirSync(dir).sort();
  const ours = {};
  const reference = {};
  for (const file of files.filter((f) => f.startsWith('jmh-') && f.endsWith('.json'))) {
    Object.assign(ours, fromJmh(readJson(join(dir, file))));
  }
  for (const file of files.filter((f) => f.startsWith('node-') && f.endsWith('.json'))) {
    Object.assign(reference, readJson(join(dir, file)).results);
  }
  if (!files.includes('bridge.json')) {
    process.stderr.write(`no ${join(dir, 'bridge.json')}: the daemon's rows (BridgeBench) did not run\n`);
    process.exit(1);
  }
  return { ours, reference, bridge: readJson(join(dir, 'bridge.json')).rows };
}
const runs = args.map(readRun);

const TIME_UNITS = new Set(['s/op', 'ms/op', 'µs', 'ms', 'MB']);

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

/** The goal cell: each bound the row has (ratio, then ours), and whether all are met. */
function goalOf (row, unit, r, score) {
  const parts = [];
  let met = true;
  if (row.goal !== undefined) {
    parts.push(`≥${Number.isInteger(row.goal) && row.goal < 10 ? row.goal.toFixed(1) : row.goal}×`);
    met &&= r >= row.goal;
  }
  if (row.atLeast !== undefined) {
    parts.push(`≥${format(row.atLeast)} ${unit}`);
    met &&= score >= row.atLeast;
  }
  if (row.below !== undefined) {
    parts.push(`<${row.below} ${unit}`);
    met &&= score < row.below;
  }
  return parts.length === 0 ? '' : `${parts.join(', ')} ${met ? 'met' : 'MISSED'}`;
}

const header = ['row', 'unit', 'ours', 'reference', 'ratio (>1: ours ahead)', 'goal'];
const lines = [];
let section = null;
/** Starts a new section in the table when a row belongs to another section than the one above it. */
function enter (rowSection) {
  if (rowSection !== section) {
    section = rowSection;
    lines.push({ section });
  }
}
/**
 * Several runs make one line: the run whose ratio is the median (the lower one for an even
 * count) gives the figures and the goal, and the ratio cell adds the spread of every run.
 */
function medianRun (measured) {
  const sorted = [...measured].sort((x, y) => x.ratio - y.ratio);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  const spread = sorted.length === 1 ? '' : ` (${sorted[0].ratio.toFixed(2)}–${sorted[sorted.length - 1].ratio.toFixed(2)})`;
  return { ...median, ratioCell: `${median.ratio.toFixed(2)}×${spread}` };
}

for (const row of ROWS) {
  const unit = row.unit;
  const measured = runs.map((run) => {
    const a = figure(run.ours, row.ours, 'ours', row.label);
    const b = figure(run.reference, row.reference, 'polkadot-js', row.label);
    if (a.unit !== b.unit) {
      process.stderr.write(`"${row.label}": ours in ${a.unit}, polkadot-js in ${b.unit}\n`);
      process.exit(1);
    }
    return { unit: unit ?? a.unit, ours: a.score, reference: b.score, ratio: ratio(a.unit, a.score, b.score) };
  });
  const m = medianRun(measured);
  enter(row.section ?? SIGNER_CORE);
  lines.push([row.label, m.unit, format(m.ours), format(m.reference), m.ratioCell, goalOf(row, m.unit, m.ratio, m.ours)]);
}

for (const row of runs[0].bridge) {
  const measured = runs.map((run) => {
    const same = run.bridge.find((r) => r.label === row.label);
    if (!same) {
      process.stderr.write(`no daemon row "${row.label}" in every run\n`);
      process.exit(1);
    }
    const r = ratio(same.unit, positive(same.ours, 'ours', same.label), positive(same.reference, 'reference', same.label));
    return { ...same, ratio: r };
  });
  const m = medianRun(measured);
  enter(row.section);
  const goal = m.met === undefined ? m.goal : `${m.goal} ${m.met ? 'met' : 'MISSED'}`;
  lines.push([row.label, row.unit, format(m.ours), format(m.reference), m.ratioCell, goal]);
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
