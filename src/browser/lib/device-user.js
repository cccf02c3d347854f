// The person at the device, through the simulator's automation HTTP API (GET /screen,
// POST /button): waits for a screen and presses confirm, as the JavaScript client's tests do.

const POLL_MS = 25;
const WAIT_MS = 30000;

export class DeviceUser {
  #base;

  /** `base`: the simulator's automation URL (http://127.0.0.1:PORT). */
  constructor(base) {
    this.#base = base.replace(/\/$/, "");
  }

  /** The screen now: {title, lines, input}. */
  async screen() {
    const response = await fetch(`${this.#base}/screen`);
    if (!response.ok) throw new Error(`GET /screen answered ${response.status}`);
    return response.json();
  }

  /** Waits for a screen awaiting the buttons titled `title`, presses confirm; resolves with it. */
  async confirm(title) {
    const deadline = Date.now() + WAIT_MS;
    let last = null;
    while (Date.now() < deadline) {
      last = await this.screen();
      if (last.input === "confirm" && (title === undefined || last.title === title)) {
        const response = await fetch(`${this.#base}/button`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ action: "confirm" }),
        });
        if (!response.ok) throw new Error(`POST /button answered ${response.status}`);
        return last;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    throw new Error(`the device never asked to confirm ${title ?? "anything"}; last screen: ${JSON.stringify(last)}`);
  }
}
