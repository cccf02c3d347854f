/**
 * The test kit every module's tests share, published as device-protocol's test-jar (only
 * {@code dev.hwbridge.testkit}; the module's own tests stay out of it). It lives in the bottom
 * module because that is the one every other module's tests can depend on, and device-protocol's
 * own client tests use its scripted device. It depends on nothing of the simulator or the daemon:
 * those run as processes ({@code java -jar}) or are reached over their sockets.
 *
 * <ul>
 *   <li>{@code rpc.RpcClient}: a wallet's JSON-RPC connection to the daemon over a real WebSocket.</li>
 *   <li>{@code process}: the simulator and the daemon as child processes ({@code Launchers},
 *       {@code ChildProcess}, {@code DaemonProcess}, {@code SimulatorProcess}), and one-shot runs of
 *       a command line ({@code ProcessRunner}, {@code SimulatorCli}).</li>
 *   <li>{@code automation.AutomationClient}: the user's hand on a simulator through its HTTP
 *       automation API.</li>
 *   <li>{@code device}: {@code ScriptedDevice}, a device side of the protocol that tests script,
 *       on an in-memory pipe or on UDP, with its faults ({@code DeviceFault}).</li>
 * </ul>
 */
package dev.hwbridge.testkit;
