package dev.rpcadapter.mcp;

import java.util.function.Function;

import dev.rpcadapter.command.Caller;
import org.jspecify.annotations.Nullable;

/**
 * What the MCP endpoint sees of one HTTP request, after the transport authenticated it.
 *
 * @param caller who sends it
 * @param headers the first value of a header by (case-insensitive) name, or {@code null}
 * @param remoteAddress the client's address, if known
 */
public record McpHttpRequest(Caller caller, Function<String, @Nullable String> headers,
		@Nullable String remoteAddress) {

	public @Nullable String header(String name) {
		return this.headers.apply(name);
	}
}
