// hwbridge extension popup: whether the daemon is connected, its devices, the sites asking for
// approval (approve or reject), the approved sites (a switch revokes one), and the daemon's port.
// Everything goes through the background worker, which holds the only connection.
const runtime = (globalThis.browser ?? globalThis.chrome).runtime;
const $ = (id) => document.getElementById(id);

async function ask (message) {
  const answer = await runtime.sendMessage(message);
  if (answer?.error) throw new Error(answer.error.message);
  return answer?.result;
}

function item (text, controls) {
  const li = document.createElement('li');
  const what = document.createElement('span');
  what.className = 'what';
  what.textContent = text;
  li.append(what, ...controls);
  return li;
}

function button (text, testId, action) {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = text;
  element.dataset.testid = testId;
  element.addEventListener('click', () => run(action));
  return element;
}

function revokeSwitch (origin) {
  const label = document.createElement('label');
  const toggle = document.createElement('input');
  toggle.type = 'checkbox';
  toggle.checked = true;
  toggle.dataset.testid = `approved-${origin}`;
  toggle.setAttribute('aria-label', `${origin} approved`);
  toggle.addEventListener('change', () => {
    if (!toggle.checked) run(() => ask({ popup: 'revoke', origin }));
  });
  label.append(toggle);
  return label;
}

function show (state) {
  const connection = $('connection');
  connection.textContent = state.connected ? `Connected to the daemon at ${state.url}` : `Not connected to ${state.url}${state.error ? ` (${state.error})` : ''}`;
  connection.className = state.connected ? 'connected' : 'muted';
  $('devices').replaceChildren(...state.devices.map((device) => item(`${device.label ?? 'device'} (${device.transport})`, [])));
  $('no-devices').hidden = !state.connected || state.devices.length > 0;
  $('pending').replaceChildren(...state.pending.map((entry) => item(
    entry.kind === 'extension' ? `extension ${entry.origin}` : `${entry.origin} (“${entry.appName}”)`,
    [button('Approve', `approve-${entry.origin}`, () => ask({ popup: 'decide', origin: entry.origin, approve: true })),
      button('Reject', `reject-${entry.origin}`, () => ask({ popup: 'decide', origin: entry.origin, approve: false }))])));
  $('no-pending').hidden = state.pending.length > 0;
  $('approved').replaceChildren(...state.approved.map((entry) => item(
    entry.kind === 'extension' ? `extension ${entry.origin}` : `${entry.origin} (“${entry.appName}”)`, [revokeSwitch(entry.origin)])));
  $('no-approved').hidden = state.approved.length > 0;
  if (document.activeElement !== $('port')) $('port').value = state.port;
}

async function refresh () {
  show(await ask({ popup: 'status' }));
}

async function run (action) {
  $('error').hidden = true;
  try {
    await action();
    await refresh();
  } catch (error) {
    $('error').textContent = error.message;
    $('error').hidden = false;
  }
}

$('port-form').addEventListener('submit', (event) => {
  event.preventDefault();
  run(() => ask({ popup: 'setPort', port: Number($('port').value) }));
});

run(() => Promise.resolve());
setInterval(() => refresh().catch(() => {}), 2000);
