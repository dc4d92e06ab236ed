/**
 * Small building blocks the adapter's modules share (bounded caches, error ids for logs,
 * plain JDBC statements). Public so that the queue, security, MCP and starter modules can
 * use them without reaching into another module's implementation; kept small and stable.
 */
@NullMarked
package dev.rpcadapter.support;

import org.jspecify.annotations.NullMarked;
