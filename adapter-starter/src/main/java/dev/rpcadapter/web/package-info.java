/**
 * The adapter's endpoints independent of the server they run on:
 * {@link dev.rpcadapter.web.AdapterEndpoints} (JSON-RPC, {@code /cmd}, discovery,
 * {@code /docs}, {@code /health}), the request model a transport adapts to
 * ({@link dev.rpcadapter.web.AdapterRequest}), and the SPIs a transport calls
 * ({@link dev.rpcadapter.web.RequestAuthenticator},
 * {@link dev.rpcadapter.web.ResponseHeadersCustomizer}).
 */
@NullMarked
package dev.rpcadapter.web;

import org.jspecify.annotations.NullMarked;
