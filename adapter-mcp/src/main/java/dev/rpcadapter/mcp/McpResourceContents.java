package dev.rpcadapter.mcp;

import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * What {@code resources/read} returns for one resource: text, or bytes (sent base64 as
 * {@code blob}).
 *
 * @param uri the resource's URI
 * @param mimeType its media type
 * @param text its text, or {@code null}
 * @param blob its bytes in base64, or {@code null}
 */
public record McpResourceContents(String uri, String mimeType, @Nullable String text, @Nullable String blob) {

	public static McpResourceContents text(String uri, String mimeType, String text) {
		return new McpResourceContents(uri, mimeType, text, null);
	}

	public static McpResourceContents bytes(String uri, String mimeType, byte[] bytes) {
		return new McpResourceContents(uri, mimeType, null, Base64.getEncoder().encodeToString(bytes));
	}
}
