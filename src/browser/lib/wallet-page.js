// Drives the daemon's wallet page through its labels, buttons and data-testid attributes.

const STEP_TIMEOUT_MS = 20000;

export class WalletPage {
  constructor(page) {
    this.page = page;
  }

  byTestId(testId) {
    return this.page.getByTestId(testId);
  }

  /** Waits until the element `testId` shows text matching `pattern`; a timeout says what the page said. */
  async waitForText(testId, pattern) {
    try {
      await this.page.waitForFunction(([id, source, flags]) => {
        const node = document.querySelector(`[data-testid="${id}"]`);
        return node !== null && !node.closest("[hidden]") && new RegExp(source, flags).test(node.textContent);
      }, [testId, pattern.source, pattern.flags], { timeout: STEP_TIMEOUT_MS });
    } catch (error) {
      throw new Error(`the wallet page never showed ${pattern} in ${testId}; ${await this.said()}`, { cause: error });
    }
    return this.byTestId(testId).textContent();
  }

  /** The page's status and error lines, for failure messages. */
  async said() {
    const status = await this.byTestId("status").textContent();
    const error = await this.byTestId("error").textContent();
    return `its status says “${status}” and its error line “${error}”`;
  }

  async click(testId) {
    await this.byTestId(testId).click();
  }

  async fill(testId, value) {
    await this.byTestId(testId).fill(value);
  }

  async select(testId, value) {
    await this.byTestId(testId).selectOption(value);
  }

  /** The addresses of the account list, in its order. */
  async accountAddresses() {
    const ids = await this.page.locator("[data-testid^='account-']").evaluateAll(
      (rows) => rows.map((row) => row.dataset.testid));
    return ids.map((id) => id.slice("account-".length));
  }

  async accountNames() {
    return this.page.locator("#account-rows .account-name").allTextContents();
  }
}
