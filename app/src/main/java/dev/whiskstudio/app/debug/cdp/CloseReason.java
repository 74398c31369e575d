package dev.whiskstudio.app.debug.cdp;

/**
 * Why a connection ended.
 *
 * @param byClient true when our side closed it ({@link CdpConnection#close()}), false when the inspector closed it
 *                 or the connection failed (the process ended, the socket dropped)
 * @param message  what happened, readable
 * @param failure  the I/O failure when the connection broke, or null
 */
public record CloseReason(boolean byClient, String message, Throwable failure) {
}
