/**
 * The data plane on Netty. A client connection of an HTTP listener runs {@link dev.gantry.router.proxy.HttpFrontHandler}
 * (one request at a time: route, answer directly or forward through an {@link dev.gantry.router.proxy.Exchange});
 * target connections come from a per-event-loop {@link dev.gantry.router.proxy.BackendPool}; a TCP listener, or an
 * upgraded HTTP connection, becomes a byte {@link dev.gantry.router.proxy.Relay}. Everything here runs on the
 * connection's event loop and never blocks; bodies stream with back-pressure (auto-read follows writability).
 */
package dev.gantry.router.proxy;
