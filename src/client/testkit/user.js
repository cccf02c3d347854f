// The person at the device: reads the simulator's screen and presses its buttons or types on it
// through the automation HTTP API (GET /screen, POST /button, POST /input).

const POLL_MS = 25;
const WAIT_MS = 30_000;

/** A user of the simulator whose automation API is at `base` (http://127.0.0.1:PORT). */
export class DeviceUser {
  #base;

  constructor (base) {
    this.#base = base.replace(/\/$/, '');
  }

  /** The screen now: {title, lines, input}. */
  async screen () {
    const response = await fetch(`${this.#base}/screen`);
    if (!response.ok) {
      throw new Error(`GET /screen answered ${response.status}`);
    }
    return response.json();
  }

  /**
   * Waits until the device waits for `input` with a title matching `title` (a RegExp or the
   * exact text; any title when omitted), and resolves with that screen.
   */
  async waitFor (input, title) {
    const deadline = Date.now() + WAIT_MS;
    let last = null;
    while (Date.now() < deadline) {
      last = await this.screen();
      if (last.input === input && matches(title, last.title)) {
        return last;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    throw new Error(`the device never waited for ${input} ${title ?? ''}; last screen: ${JSON.stringify(last)}`);
  }

  /** Waits for a confirm screen (optionally titled `title`), presses confirm, returns the screen. */
  async confirm (title) {
    const screen = await this.waitFor('confirm', title);
    await this.#post('/button', { action: 'confirm' });
    return screen;
  }

  /** Waits for a confirm screen and presses reject. */
  async reject (title) {
    const screen = await this.waitFor('confirm', title);
    await this.#post('/button', { action: 'reject' });
    return screen;
  }

  /** Waits for a typed prompt of kind `input` (word, pin, password, text) and types `text`. */
  async type (input, text, title) {
    const screen = await this.waitFor(input, title);
    await this.#post('/input', { text });
    return screen;
  }

  async #post (path, body) {
    const response = await fetch(`${this.#base}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body)
    });
    if (!response.ok) {
      throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
    }
  }
}

function matches (title, actual) {
  if (title === undefined) {
    return true;
  }
  return title instanceof RegExp ? title.test(actual) : title === actual;
}
