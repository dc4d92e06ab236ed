/**
 * The Reactor Netty transport: the adapter's HTTP, WebSocket and MCP routes ahead of
 * WebFlux.
 */
@NullMarked
package dev.rpcadapter.web.netty;

import org.jspecify.annotations.NullMarked;
