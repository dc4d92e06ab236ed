package dev.rpcadapter.mcp;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code initialize} (revision negotiation, capabilities, a new session) and the
 * per-request session checks.
 */
final class Lifecycle {

	/**
	 * Earlier revisions accepted in the {@code MCP-Protocol-Version} header of a request
	 * (not offered in {@code initialize}): their messages are a subset of what is served,
	 * and clients (the official conformance suite among them) send it.
	 */
	private static final java.util.List<String> LENIENT_VERSIONS = java.util.List.of("2025-03-26");

	private final McpSettings settings;

	private final @Nullable Sessions sessions;

	private final boolean queue;

	private final java.util.function.LongSupplier toolsVersion;

	Lifecycle(McpSettings settings, @Nullable Sessions sessions, boolean queue,
			java.util.function.LongSupplier toolsVersion) {
		this.settings = settings;
		this.sessions = sessions;
		this.queue = queue;
		this.toolsVersion = toolsVersion;
	}

	McpHttpResponse initialize(McpHttpRequest request, ObjectNode message) {
		String requested = Rpc.text(message.path("params"), "protocolVersion");
		String version = (requested != null && McpServer.PROTOCOL_VERSIONS.contains(requested)) ? requested
				: McpServer.PROTOCOL_VERSIONS.get(0);
		ObjectNode result = Rpc.object().put("protocolVersion", version);
		result.set("capabilities", capabilities(version));
		result.putObject("serverInfo")
			.put("name", this.settings.serverName())
			.put("version", this.settings.serverVersion());
		if (!this.settings.instructions().isEmpty()) {
			result.put("instructions", this.settings.instructions());
		}
		ObjectNode answer = Rpc.result(message.get("id"), result);
		if (this.sessions == null) {
			return HttpAnswers.json(200, answer);
		}
		JsonNode declared = message.path("params").path("capabilities");
		ObjectNode capabilities = declared.isObject() ? (ObjectNode) declared : Rpc.object();
		Session session = this.sessions.create(request.caller().principal(), version, this.toolsVersion.getAsLong(),
				capabilities);
		return HttpAnswers.json(200, answer, Map.of(HttpAnswers.SESSION_HEADER, session.id()));
	}

	private ObjectNode capabilities(String version) {
		ObjectNode capabilities = Rpc.object();
		capabilities.putObject("tools").put("listChanged", this.sessions != null);
		capabilities.putObject("logging");
		capabilities.putObject("completions");
		capabilities.putObject("prompts").put("listChanged", false);
		capabilities.putObject("resources")
			.put("subscribe", this.queue && this.sessions != null)
			.put("listChanged", false);
		if (this.queue && !"2025-06-18".equals(version)) {
			ObjectNode tasks = capabilities.putObject("tasks");
			tasks.putObject("list");
			tasks.putObject("cancel");
			tasks.putObject("requests").putObject("tools").putObject("call");
		}
		return capabilities;
	}

	/**
	 * Checks a request after {@code initialize}: the protocol revision header, and (with
	 * sessions) the session id, which must name a live session of the same principal.
	 */
	Checked check(McpHttpRequest request) {
		String version = request.header(HttpAnswers.VERSION_HEADER);
		if (version != null && !McpServer.PROTOCOL_VERSIONS.contains(version) && !LENIENT_VERSIONS.contains(version)) {
			return Checked.rejected(HttpAnswers.error(400, McpException.INVALID_REQUEST,
					"Bad Request: unsupported MCP-Protocol-Version " + version + "; supported: "
							+ String.join(", ", McpServer.PROTOCOL_VERSIONS)));
		}
		if (this.sessions == null) {
			return new Checked(null, null);
		}
		String id = request.header(HttpAnswers.SESSION_HEADER);
		if (id == null) {
			return Checked.rejected(HttpAnswers.error(400, McpException.INVALID_REQUEST,
					"Bad Request: Mcp-Session-Id header required (call initialize first)"));
		}
		Session session = this.sessions.find(id, request.caller().principal());
		if (session == null) {
			return Checked.rejected(HttpAnswers.error(404, McpException.INVALID_REQUEST, "Session not found"));
		}
		return new Checked(session, null);
	}

	/**
	 * A checked request: its session (none when stateless), or the answer that rejects
	 * it.
	 */
	record Checked(@Nullable Session session, @Nullable McpHttpResponse rejection) {

		static Checked rejected(McpHttpResponse rejection) {
			return new Checked(null, rejection);
		}

		/** The session of a request that was not rejected. */
		Session accepted() {
			return Objects.requireNonNull(this.session, "a request that was not rejected has a session");
		}
	}

}
