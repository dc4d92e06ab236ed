/** The MCP protocol implementation; not API. */
@NullMarked
package dev.rpcadapter.mcp.internal;

import org.jspecify.annotations.NullMarked;
