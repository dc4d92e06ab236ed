/** Auto-configuration of the adapter's HTTP and WebSocket endpoints. */
@NullMarked
package dev.rpcadapter.autoconfigure.web;

import org.jspecify.annotations.NullMarked;
