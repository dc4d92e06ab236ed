package dev.rpcadapter.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.rpcadapter.command.CommandDescriptor;
import dev.rpcadapter.discovery.ApiInfo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code /docs} page: every command the caller may call, with its params, an example
 * call and a form to try it. Plain HTML with a little script; no external resources.
 */
public final class DocsPage {

	private final ApiInfo info;

	private final ObjectMapper mapper;

	private final String template;

	private final boolean apiKeyBox;

	public DocsPage(ApiInfo info, ObjectMapper mapper) {
		this(info, mapper, true);
	}

	/**
	 * @param apiKeyBox whether to show a box for an API key sent with each try-it call
	 * (only useful when the server authenticates requests)
	 */
	public DocsPage(ApiInfo info, ObjectMapper mapper, boolean apiKeyBox) {
		this.info = info;
		this.mapper = mapper;
		this.template = DocsTemplate.load();
		this.apiKeyBox = apiKeyBox;
	}

	public byte[] render(List<CommandDescriptor> commands) {
		StringBuilder sections = new StringBuilder();
		StringBuilder toc = new StringBuilder();
		for (CommandDescriptor command : commands) {
			toc.append("<li><a href=\"#cmd-")
				.append(escape(command.name()))
				.append("\">")
				.append(escape(command.name()))
				.append("</a></li>");
			section(sections, command);
		}
		if (commands.isEmpty()) {
			sections.append("<p class=\"empty\">No commands are visible to you. If the server requires credentials, ")
				.append("enter an API key above and reload the list with it (GET /commands).</p>");
		}
		String auth = this.apiKeyBox ? "<div class=\"auth\"><label>API key (sent as X-API-Key) "
				+ "<input id=\"api-key\" type=\"password\" autocomplete=\"off\"></label></div>\n" : "";
		Map<String, CharSequence> values = Map.of("title", escape(this.info.title()), "version",
				escape(this.info.version()), "description", Markdown.inline(this.info.description()), "endpoint",
				escape(this.info.jsonRpcPath()), "count", Integer.toString(commands.size()), "toc", toc, "commands",
				sections, "auth", auth);
		String html = fill(this.template, values);
		return html.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Replaces {@code {{name}}} placeholders in one pass, so values are never scanned for
	 * placeholders.
	 */
	private static String fill(String template, Map<String, CharSequence> values) {
		StringBuilder out = new StringBuilder(template.length() * 2);
		int from = 0;
		int open;
		while ((open = template.indexOf("{{", from)) >= 0) {
			int close = template.indexOf("}}", open);
			if (close < 0) {
				break;
			}
			CharSequence value = values.get(template.substring(open + 2, close));
			out.append(template, from, open).append((value != null) ? value : template.substring(open, close + 2));
			from = close + 2;
		}
		return out.append(template, from, template.length()).toString();
	}

	private void section(StringBuilder out, CommandDescriptor command) {
		String name = escape(command.name());
		out.append("<section class=\"command\" id=\"cmd-")
			.append(name)
			.append("\" data-command=\"")
			.append(name)
			.append("\">\n<h2>")
			.append(name);
		if (command.queued()) {
			out.append(" <span class=\"badge\">queued</span>");
		}
		out.append("</h2>\n<p class=\"description\">").append(Markdown.inline(command.description())).append("</p>\n");
		params(out, command);
		String example = this.mapper.writerWithDefaultPrettyPrinter().writeValueAsString(exampleParams(command));
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("jsonrpc", "2.0");
		request.put("method", command.name());
		request.put("params", exampleParams(command));
		request.put("id", 1);
		String call = this.mapper.writeValueAsString(request);
		out.append(
				"<h3>Example</h3>\n<pre class=\"example\">curl -s -X POST -H 'Content-Type: application/json' \\\n  -d '")
			.append(escape(call))
			.append("' \\\n  http://HOST")
			.append(escape(this.info.jsonRpcPath()))
			.append("</pre>\n");
		out.append("<h3>Try it</h3>\n<form class=\"try\" data-command=\"")
			.append(name)
			.append("\">\n")
			.append("<label>params (JSON)<textarea name=\"params\" rows=\"4\">")
			.append(escape(example))
			.append("</textarea></label>\n<button type=\"submit\">Call ")
			.append(name)
			.append("</button>\n<pre class=\"result\" aria-live=\"polite\"></pre>\n</form>\n</section>\n");
	}

	private static void params(StringBuilder out, CommandDescriptor command) {
		if (command.params().isEmpty()) {
			out.append("<p class=\"noparams\">No parameters.</p>\n");
			return;
		}
		out.append("<table class=\"params\"><thead><tr><th>param</th><th>type</th><th>required</th><th>default</th>")
			.append("<th>description</th></tr></thead><tbody>\n");
		for (CommandDescriptor.ParamInfo param : command.params()) {
			JsonNode schema = param.schema();
			out.append("<tr><td><code>")
				.append(escape(param.name()))
				.append("</code></td><td>")
				.append(escape(schema.path("type").asString("any")))
				.append("</td><td>")
				.append(param.required() ? "yes" : "no")
				.append("</td><td>")
				.append(schema.has("default") ? "<code>" + escape(schema.get("default").toString()) + "</code>" : "")
				.append("</td><td>")
				.append(Markdown.inline(param.description()))
				.append("</td></tr>\n");
		}
		out.append("</tbody></table>\n");
	}

	static ObjectNode exampleParams(CommandDescriptor command) {
		return ExampleValues.params(command);
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
