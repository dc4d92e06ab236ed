/**
 * Java client for rpc-adapter servers: JSON-RPC 2.0 over HTTP and WebSocket, the
 * {@code /cmd} endpoint, and queued jobs. Start with
 * {@link dev.rpcadapter.client.RpcClient#builder(java.net.URI)}.
 * <p>
 * Depends only on the JDK {@code java.net.http} client and Jackson 3; no Spring.
 */
@NullMarked
package dev.rpcadapter.client;

import org.jspecify.annotations.NullMarked;
