package dev.rpcadapter.mcp;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.rpcadapter.command.ToolContent;

/**
 * A prompt template ({@code prompts/list}, {@code prompts/get}). Declare one as a bean to
 * serve it.
 *
 * @param name its name
 * @param description what it is for
 * @param arguments its arguments
 * @param render the messages for the given argument values (required ones are checked
 * first)
 */
public record McpPrompt(String name, String description, List<Argument> arguments,
		Function<Map<String, String>, List<Message>> render) {

	public McpPrompt {
		arguments = List.copyOf(arguments);
	}

	/**
	 * One argument.
	 *
	 * @param name its name
	 * @param description what it is
	 * @param required whether it must be given
	 * @param values the values {@code completion/complete} offers (empty: none)
	 */
	public record Argument(String name, String description, boolean required, List<String> values) {

		public Argument {
			values = List.copyOf(values);
		}
	}

	/**
	 * One message of the prompt.
	 *
	 * @param role {@code user} or {@code assistant}
	 * @param content its content (text, image, audio or an embedded resource)
	 */
	public record Message(String role, ToolContent content) {
	}
}
