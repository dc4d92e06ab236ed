/** The demo server: a Spring Boot app whose beans carry JSON-RPC commands. */
@NullMarked
package dev.rpcadapter.demo;

import org.jspecify.annotations.NullMarked;
