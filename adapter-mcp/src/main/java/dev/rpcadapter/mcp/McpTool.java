package dev.rpcadapter.mcp;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tool offered by an {@link McpToolSource}, as {@code tools/list} shows it.
 *
 * @param name the tool name (MCP: 1 to 128 of {@code A-Z a-z 0-9 _ - .})
 * @param title a human title, or {@code null}
 * @param description what it does
 * @param inputSchema the JSON Schema of its arguments ({@code type: object} is enforced)
 * @param outputSchema the JSON Schema of its structured result, or {@code null}
 * @param taskSupport whether it may be called as a task
 * ({@code execution.taskSupport: optional})
 */
public record McpTool(String name, @Nullable String title, String description, ObjectNode inputSchema,
		@Nullable ObjectNode outputSchema, boolean taskSupport) {

	public McpTool {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(description, "description");
		Objects.requireNonNull(inputSchema, "inputSchema");
	}
}
