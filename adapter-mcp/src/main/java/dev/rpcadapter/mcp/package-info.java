/**
 * The Model Context Protocol (Streamable HTTP) on top of the command registry and
 * dispatcher: every command a caller may call is an MCP tool, queued commands are durable
 * MCP tasks, jobs are resources {@code job://{job_id}}. Transport-neutral: the starter
 * carries it on Reactor Netty.
 */
@NullMarked
package dev.rpcadapter.mcp;

import org.jspecify.annotations.NullMarked;
