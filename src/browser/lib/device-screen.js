// Drives the simulator's screen page (its automation port, GET /) as a person would: reads the
// title and lines, presses Confirm, types into the one input box.

const STEP_TIMEOUT_MS = 20000;

/** What the screen shows, as one string: a change of it means the device moved on. */
function screenText() {
  const lines = [...document.querySelectorAll("#lines li")].map((line) => line.textContent);
  return [document.querySelector("#title").textContent, ...lines].join("\n");
}

export class DeviceScreen {
  constructor(page) {
    this.page = page;
  }

  /** Waits for a screen whose title matches `title` that awaits `input` ("confirm" or "typed"). */
  async waitFor(title, input) {
    const pattern = title instanceof RegExp ? title : new RegExp(`^${escape(title)}$`);
    try {
      await this.page.waitForFunction(([source, flags, awaited]) => {
        const shown = document.querySelector("#title").textContent;
        const control = document.querySelector(awaited === "confirm" ? "#confirm" : "#text");
        return new RegExp(source, flags).test(shown) && !control.disabled;
      }, [pattern.source, pattern.flags, input], { timeout: STEP_TIMEOUT_MS });
    } catch (error) {
      throw new Error(`the device screen never showed ${pattern} awaiting ${input}; it shows: ${JSON.stringify(await this.text())}`,
        { cause: error });
    }
    return this.title();
  }

  async title() {
    return this.page.locator("#title").textContent();
  }

  async lines() {
    return this.page.locator("#lines li").allTextContents();
  }

  async text() {
    return this.page.evaluate(screenText);
  }

  /** Presses Confirm on the screen titled `title`, then waits for the device to move on. */
  async confirm(title) {
    await this.waitFor(title, "confirm");
    await this.#act(() => this.page.getByRole("button", { name: "Confirm" }).click());
  }

  /** Types `text` into the box of the screen titled `title` and presses Enter. */
  async type(title, text) {
    const shown = await this.waitFor(title, "typed");
    await this.#act(async () => {
      await this.page.getByLabel("device input").fill(text);
      await this.page.getByRole("button", { name: "Enter" }).click();
    });
    return shown;
  }

  async #act(action) {
    const before = await this.text();
    await action();
    // The same reading as screenText: a function passed to the page cannot call another.
    await this.page.waitForFunction((previous) => {
      const lines = [...document.querySelectorAll("#lines li")].map((line) => line.textContent);
      return [document.querySelector("#title").textContent, ...lines].join("\n") !== previous;
    }, before, { timeout: STEP_TIMEOUT_MS });
  }
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
