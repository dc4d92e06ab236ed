/**
 * An app that offers what the official MCP conformance suite expects, through the
 * library's public API only.
 */
@NullMarked
package dev.rpcadapter.mcpeverything;

import org.jspecify.annotations.NullMarked;
