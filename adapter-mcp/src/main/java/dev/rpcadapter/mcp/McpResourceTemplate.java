package dev.rpcadapter.mcp;

import java.util.Map;
import java.util.function.Function;

/**
 * A parameterized resource ({@code resources/templates/list}): URIs matching the template
 * (simple {@code {name}} variables of RFC 6570, one path segment each) are read with the
 * variables' values. Declare one as a bean to serve it.
 *
 * @param uriTemplate the template, e.g. {@code file:///{name}}
 * @param name its name
 * @param description what it is
 * @param mimeType the media type of its resources
 * @param reader reads a resource from the URI and the variables' values
 */
public record McpResourceTemplate(String uriTemplate, String name, String description, String mimeType,
		Function<Map<String, String>, McpResourceContents> reader) {
}
