package dev.rpcadapter.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The application's own resources and resource templates. */
final class StaticResources {

	private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9_]+)}");

	private final List<McpResource> resources;

	private final List<McpResourceTemplate> templates;

	StaticResources(List<McpResource> resources, List<McpResourceTemplate> templates) {
		this.resources = List.copyOf(resources);
		this.templates = List.copyOf(templates);
	}

	void list(ArrayNode into) {
		for (McpResource r : this.resources) {
			into.addObject()
				.put("uri", r.uri())
				.put("name", r.name())
				.put("description", r.description())
				.put("mimeType", r.mimeType());
		}
	}

	void templates(ArrayNode into) {
		for (McpResourceTemplate t : this.templates) {
			into.addObject()
				.put("uriTemplate", t.uriTemplate())
				.put("name", t.name())
				.put("description", t.description())
				.put("mimeType", t.mimeType());
		}
	}

	/**
	 * The contents of a resource or a template match, or {@code null} when the URI is not
	 * one of them.
	 */
	@Nullable ObjectNode read(String uri) {
		for (McpResource r : this.resources) {
			if (r.uri().equals(uri)) {
				return contents(r.reader().get());
			}
		}
		for (McpResourceTemplate t : this.templates) {
			Map<String, String> values = match(t.uriTemplate(), uri);
			if (values != null) {
				return contents(t.reader().apply(values));
			}
		}
		return null;
	}

	boolean exists(String uri) {
		return this.resources.stream().anyMatch((r) -> r.uri().equals(uri))
				|| this.templates.stream().anyMatch((t) -> match(t.uriTemplate(), uri) != null);
	}

	static @Nullable Map<String, String> match(String template, String uri) {
		Matcher variables = VARIABLE.matcher(template);
		StringBuilder regex = new StringBuilder();
		List<String> names = new java.util.ArrayList<>();
		int at = 0;
		while (variables.find()) {
			regex.append(Pattern.quote(template.substring(at, variables.start()))).append("([^/]+)");
			names.add(variables.group(1));
			at = variables.end();
		}
		regex.append(Pattern.quote(template.substring(at)));
		Matcher m = Pattern.compile(regex.toString()).matcher(uri);
		if (!m.matches()) {
			return null;
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < names.size(); i++) {
			values.put(names.get(i), m.group(i + 1));
		}
		return values;
	}

	private static ObjectNode contents(McpResourceContents c) {
		ObjectNode result = Rpc.object();
		ObjectNode content = result.putArray("contents").addObject().put("uri", c.uri()).put("mimeType", c.mimeType());
		if (c.text() != null) {
			content.put("text", c.text());
		}
		if (c.blob() != null) {
			content.put("blob", c.blob());
		}
		return result;
	}

}
