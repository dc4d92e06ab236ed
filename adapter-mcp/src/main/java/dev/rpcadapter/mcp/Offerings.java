package dev.rpcadapter.mcp;

import java.util.List;
import java.util.function.Predicate;

/**
 * What the application offers besides its commands.
 *
 * @param resources fixed resources
 * @param templates resource templates
 * @param prompts prompts
 * @param contentTools the commands whose results are MCP content ({@code ToolContent} or
 * a list of it)
 * @param toolSources tools besides the commands ({@link McpToolSource}s)
 */
record Offerings(List<McpResource> resources, List<McpResourceTemplate> templates, List<McpPrompt> prompts,
		Predicate<String> contentTools, List<McpToolSource> toolSources) {

	public Offerings {
		toolSources = List.copyOf(toolSources);
	}

	/** Without tool sources. */
	public Offerings(List<McpResource> resources, List<McpResourceTemplate> templates, List<McpPrompt> prompts,
			Predicate<String> contentTools) {
		this(resources, templates, prompts, contentTools, List.of());
	}
}
