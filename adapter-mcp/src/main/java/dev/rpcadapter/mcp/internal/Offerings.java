package dev.rpcadapter.mcp.internal;

import java.util.List;
import java.util.function.Predicate;

import dev.rpcadapter.mcp.McpPrompt;
import dev.rpcadapter.mcp.McpResource;
import dev.rpcadapter.mcp.McpResourceTemplate;

/**
 * What the application offers besides its commands.
 *
 * @param resources fixed resources
 * @param templates resource templates
 * @param prompts prompts
 * @param contentTools the commands whose results are MCP content ({@code ToolContent} or a list of it)
 */
public record Offerings(List<McpResource> resources, List<McpResourceTemplate> templates, List<McpPrompt> prompts,
		Predicate<String> contentTools) {
}
