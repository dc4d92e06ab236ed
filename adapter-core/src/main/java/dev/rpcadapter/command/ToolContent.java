package dev.rpcadapter.command;

import java.util.Base64;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * Content a command returns for MCP clients: declare a command's return type as
 * {@code ToolContent} or {@code List<ToolContent>} and {@code /mcp} sends it as the tool
 * result's {@code content} (other transports see the same JSON objects, each with its
 * {@code type}, which is written even where the declared type is erased, as in a
 * {@code List}).
 */
@JsonPropertyOrder("type")
public sealed interface ToolContent {

	/**
	 * The MCP content type: {@code text}, {@code image}, {@code audio} or
	 * {@code resource}.
	 */
	@JsonProperty("type")
	String type();

	static ToolContent text(String text) {
		return new Text(text);
	}

	static ToolContent image(byte[] data, String mimeType) {
		return new Image(Base64.getEncoder().encodeToString(data), mimeType);
	}

	static ToolContent audio(byte[] data, String mimeType) {
		return new Audio(Base64.getEncoder().encodeToString(data), mimeType);
	}

	/** An embedded text resource. */
	static ToolContent resource(String uri, String mimeType, String text) {
		return new Resource(new EmbeddedResource(uri, mimeType, text, null));
	}

	/** Text for the model. */
	@JsonPropertyOrder("type")
	record Text(String text) implements ToolContent {

		@Override
		@JsonProperty("type")
		public String type() {
			return "text";
		}
	}

	/** An image; {@code data} is base64. */
	@JsonPropertyOrder("type")
	record Image(String data, String mimeType) implements ToolContent {

		@Override
		@JsonProperty("type")
		public String type() {
			return "image";
		}
	}

	/** Audio; {@code data} is base64. */
	@JsonPropertyOrder("type")
	record Audio(String data, String mimeType) implements ToolContent {

		@Override
		@JsonProperty("type")
		public String type() {
			return "audio";
		}
	}

	/** A resource embedded in the result. */
	@JsonPropertyOrder("type")
	record Resource(EmbeddedResource resource) implements ToolContent {

		@Override
		@JsonProperty("type")
		public String type() {
			return "resource";
		}
	}

	/**
	 * The contents of an embedded resource: {@code text}, or {@code blob} (base64).
	 *
	 * @param uri its URI
	 * @param mimeType its media type
	 * @param text its text, or {@code null}
	 * @param blob its bytes in base64, or {@code null}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record EmbeddedResource(String uri, String mimeType, @Nullable String text, @Nullable String blob) {
	}

}
