/**
 * A load driver for the JSON-RPC echo over keep-alive HTTP/1.1, with a client certificate
 * when the target is HTTPS: {@code wrk} cannot present one, and the security benchmark
 * ({@code bench/security.sh}) needs the same driver for plain and mutual-TLS runs.
 */
package dev.rpcadapter.bench.loadgen;
