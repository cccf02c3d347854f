// One JSON-RPC call to the hwbridge daemon, from the command line (Node 20, no dependencies):
//
//   node --experimental-websocket hwbridge-call.mjs METHOD [name=text | name:=json …]   (Node 22+: no flag needed)
//
// As in httpie: name=text is a string (scheme=sr25519, path=//polkadot//0), name:=json a JSON value
// (wordCount:=12, show:=true); name=@FILE and name:=@FILE read that text or JSON from FILE (a
// password, a backup, a polkadot-js JSON), dropping one trailing newline; @- reads standard input.
// Methods that need a session (daemon/API.md) get one on the first device, or on --device N;
// --take-over takes the device from whoever holds it (e.g. the wallet page). The result goes to
// stdout as JSON; device prompts go to stderr as they arrive, to be answered on the device screen.
// Exit status: 0 done, 1 the daemon answered an error (its data.name is printed), 2 usage.
import { readFileSync } from 'node:fs';

const SESSION_FREE = new Set(['bridge.info', 'device.list', 'device.subscribe', 'session.acquire',
  'session.release', 'account.list', 'account.forget', 'backup.export']);
const args = process.argv.slice(2);
const flag = (name) => { const i = args.indexOf(name); return i < 0 ? null : args.splice(i, name === '--take-over' ? 1 : 2).at(-1); };
const url = flag('--url') ?? process.env.HWBRIDGE_URL ?? 'ws://127.0.0.1:21335/';
const deviceFlag = flag('--device');
const takeOver = flag('--take-over') !== null;
const [method, ...pairs] = args;
if (!method || typeof WebSocket === 'undefined') {
  console.error('usage: node --experimental-websocket hwbridge-call.mjs METHOD [name=text|name:=json|name=@FILE|name:=@FILE …]'
    + ' [--device N] [--take-over] [--url ws://127.0.0.1:21335/]');
  process.exit(2);
}
const params = {};
const fail = (message) => { console.error(message); process.exit(2); };
for (const pair of pairs) {
  const [, name, json, raw] = pair.match(/^([A-Za-z]\w*)(:?)=(.*)$/s) ?? [];
  if (!name) fail(`not name=text or name:=json: ${pair}`);
  let text = raw;
  if (raw.startsWith('@')) {
    try { text = readFileSync(raw === '@-' ? 0 : raw.slice(1), 'utf8').replace(/\r?\n$/, ''); } catch (e) { fail(`${name}: cannot read ${raw.slice(1)}: ${e.code}`); }
  }
  try { params[name] = json ? JSON.parse(text) : text; } catch { fail(`${name}: not JSON`); }
}

const ws = new WebSocket(url);
const pending = new Map();
let nextId = 1;
const call = (m, p) => new Promise((resolve, reject) => {
  const id = nextId++;
  pending.set(id, { resolve, reject });
  ws.send(JSON.stringify({ jsonrpc: '2.0', id, method: m, params: p }));
});
ws.onmessage = ({ data }) => {
  const msg = JSON.parse(data);
  if (msg.method === 'device.prompt') {
    const { title, lines, progress } = msg.params;
    console.error(`device: ${title}${progress ? ` (${progress.text})` : ''}${lines.length ? ' | ' + lines.join(' | ') : ''}`);
  } else if (pending.has(msg.id)) {
    const { resolve, reject } = pending.get(msg.id);
    pending.delete(msg.id);
    if (msg.error) reject(msg.error); else resolve(msg.result);
  }
};
ws.onerror = () => { console.error(`cannot reach the daemon at ${url}: is it running (./hwbridge demo)?`); process.exit(1); };
ws.onopen = async () => {
  try {
    if (!SESSION_FREE.has(method) && params.session === undefined) {
      const devices = await call('device.list', {});
      const device = devices.find((d) => deviceFlag === null || d.id === deviceFlag);
      if (!device) throw { message: 'no such device (device.list shows them)', data: { name: 'DEVICE_GONE' } };
      const previous = takeOver && device.session ? { previous: device.session } : {};
      params.session = (await call('session.acquire', { device: device.id, ...previous })).session;
    }
    console.log(JSON.stringify(await call(method, params), null, 2));
    ws.close();
  } catch (error) {
    console.error(`error ${error.data?.name ?? error.code}: ${error.message}`);
    if (error.data?.name === 'BUSY') console.error('(the wallet page holds it? release it there, or add --take-over)');
    process.exit(1);
  }
};
