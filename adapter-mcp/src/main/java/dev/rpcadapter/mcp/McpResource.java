package dev.rpcadapter.mcp;

import java.util.function.Supplier;

/**
 * A fixed resource offered in {@code resources/list} and read with
 * {@code resources/read}. Declare one as a bean to serve it (the starter collects them).
 *
 * @param uri its URI
 * @param name its name
 * @param description what it is
 * @param mimeType its media type
 * @param reader reads its current contents
 */
public record McpResource(String uri, String name, String description, String mimeType,
		Supplier<McpResourceContents> reader) {
}
