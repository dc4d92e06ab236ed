/**
 * Dispatch of JSON-RPC messages to commands: limits, batches, notifications,
 * authorization hooks.
 */
@NullMarked
package dev.rpcadapter.dispatch;

import org.jspecify.annotations.NullMarked;
