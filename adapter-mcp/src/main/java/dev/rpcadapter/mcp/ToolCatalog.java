package dev.rpcadapter.mcp;

import java.util.List;
import java.util.function.Function;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.CommandDescriptor;
import dev.rpcadapter.command.CommandRegistry;
import dev.rpcadapter.command.ToolHints;
import dev.rpcadapter.dispatch.CommandAuthorizer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The tools a caller sees: the commands it may call, each with its schemas and hints. */
final class ToolCatalog {

	private final CommandRegistry registry;

	private final CommandAuthorizer authorizer;

	private final Function<String, @Nullable ToolHints> hints;

	private final boolean tasks;

	private final java.util.function.Predicate<String> contentTools;

	ToolCatalog(CommandRegistry registry, CommandAuthorizer authorizer, Function<String, @Nullable ToolHints> hints,
			boolean tasks, java.util.function.Predicate<String> contentTools) {
		this.registry = registry;
		this.authorizer = authorizer;
		this.hints = hints;
		this.tasks = tasks;
		this.contentTools = contentTools;
	}

	/**
	 * The command a caller may call under this name; unknown and forbidden look the same.
	 */
	@Nullable Command find(String name, Caller caller) {
		Command command = this.registry.find(name).orElse(null);
		return (command != null && this.authorizer.isAllowed(caller, name)) ? command : null;
	}

	List<Command> visible(Caller caller) {
		return this.registry.all().stream().filter((c) -> this.authorizer.isAllowed(caller, c.name())).toList();
	}

	/** {@code tools/list}: one page of tools after the cursor. */
	ObjectNode list(Caller caller, @Nullable String cursor, int pageSize) {
		List<Command> visible = visible(caller);
		int from = Cursors.offset(cursor, visible.size());
		ArrayNode tools = Rpc.NODES.arrayNode();
		visible.subList(from, Math.min(visible.size(), from + pageSize))
			.forEach((c) -> tools.add(tool(c.descriptor())));
		ObjectNode result = Rpc.object();
		result.set("tools", tools);
		if (from + pageSize < visible.size()) {
			result.put("nextCursor", Cursors.of(from + pageSize));
		}
		return result;
	}

	ObjectNode tool(CommandDescriptor d) {
		ObjectNode tool = Rpc.object().put("name", d.name());
		ToolHints hint = this.hints.apply(d.name());
		if (hint != null && !hint.title().isEmpty()) {
			tool.put("title", hint.title());
		}
		tool.put("description", d.description());
		tool.set("inputSchema", Schemas.input(d.paramsSchema()));
		ObjectNode output = (d.queued() || this.contentTools.test(d.name())) ? null : Schemas.output(d.resultSchema());
		if (output != null) {
			tool.set("outputSchema", output);
		}
		if (hint != null) {
			tool.set("annotations", annotations(hint));
		}
		if (d.queued() && this.tasks) {
			tool.set("execution", Rpc.object().put("taskSupport", "optional"));
		}
		return tool;
	}

	private static JsonNode annotations(ToolHints hint) {
		ObjectNode annotations = Rpc.object().put("readOnlyHint", hint.readOnly());
		if (!hint.readOnly()) {
			annotations.put("destructiveHint", hint.destructive());
		}
		return annotations.put("idempotentHint", hint.idempotent()).put("openWorldHint", hint.openWorld());
	}

}
