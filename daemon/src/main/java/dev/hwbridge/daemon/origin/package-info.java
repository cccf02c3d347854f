/**
 * Which web pages may use the daemon through the hwbridge browser extension: the user's approvals
 * per origin ({@link dev.hwbridge.daemon.origin.OriginStore}, kept in the data directory), the
 * prompts waiting for the user ({@link dev.hwbridge.daemon.origin.OriginApprovals}), and the rules
 * for calls that carry a page's origin ({@link dev.hwbridge.daemon.origin.PageOriginGuard}).
 */
package dev.hwbridge.daemon.origin;
