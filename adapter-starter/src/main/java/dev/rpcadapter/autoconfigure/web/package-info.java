/** HTTP and WebSocket transports: the adapter's endpoints as Reactor Netty routes. */
@NullMarked
package dev.rpcadapter.autoconfigure.web;

import org.jspecify.annotations.NullMarked;
