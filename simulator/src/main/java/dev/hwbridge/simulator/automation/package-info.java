/**
 * The simulator's automation API: HTTP/JSON on 127.0.0.1 (default port 21337), in the spirit of
 * Speculos, so tests and people can read the device's screen and answer it.
 *
 * <table>
 *   <caption>Endpoints</caption>
 *   <tr><th>Request</th><th>Answer</th></tr>
 *   <tr><td>{@code GET /screen}</td>
 *       <td>{@code {"title":…,"lines":[…],"input":"none"|"confirm"|"word"|"pin"|"password"|"text"}}:
 *       what the screen shows and what the device waits for</td></tr>
 *   <tr><td>{@code POST /button {"action":"confirm"|"reject"}}</td>
 *       <td>200 {@code {"ok":true}}; 409 {@code not_waiting} when no button is awaited</td></tr>
 *   <tr><td>{@code POST /input {"text":"…"}}</td>
 *       <td>200 {@code {"ok":true}} (a word, PIN, password or text); 409 {@code not_waiting}
 *       when no typed input is awaited</td></tr>
 *   <tr><td>{@code GET /events}</td>
 *       <td>{@code text/event-stream}: {@code data: <screen json>} for the current screen, then
 *       on every change; at most 16 streams (503 beyond)</td></tr>
 *   <tr><td>{@code GET /}</td><td>a self-contained page showing the screen live, with the
 *       buttons and one input box</td></tr>
 * </table>
 *
 * <p>Errors are {@code {"error":code,"message":…}} with codes {@code bad_request} (400: not
 * exactly the documented body; unknown fields included), {@code forbidden} (403),
 * {@code not_found}, {@code method_not_allowed}, {@code not_waiting} (409),
 * {@code payload_too_large} (413: over 4096 bytes), {@code unsupported_media_type} (415: a POST
 * without {@code Content-Type: application/json}), {@code too_many_clients} (503).
 *
 * <p>Because the device holds a seed: the server binds loopback only; a request whose Host is not
 * {@code 127.0.0.1}, {@code localhost} or {@code [::1]} with the server's port is refused with 403
 * (DNS rebinding), so is one with a foreign Origin; POSTs must be JSON, which a cross-site page
 * cannot send without a CORS preflight this server never grants. Bodies are never logged.
 */
package dev.hwbridge.simulator.automation;
