/**
 * Our own Chrome DevTools Protocol client, as far as a Node.js inspector needs it: {@link
 * dev.whiskstudio.app.debug.cdp.CdpConnection} (one WebSocket, requests correlated by id with their answers as
 * futures, events by method name, bounded waits, a clean close), {@link dev.whiskstudio.app.debug.cdp.CdpException}
 * for protocol errors, timeouts and a closed connection, and typed records for the messages the debugger uses
 * (commands' parameters, their results, events), read and written with Jackson. Its sockets acknowledge reads at
 * once ({@code QuickAckSocketFactory}): without that, an event that follows an answer waits 40 ms on Linux. Nothing
 * here knows about user files or the UI.
 */
package dev.whiskstudio.app.debug.cdp;
