/** MCP (Streamable HTTP) on {@code /mcp}: auto-configuration and properties. */
@NullMarked
package dev.rpcadapter.autoconfigure.mcp;

import org.jspecify.annotations.NullMarked;
