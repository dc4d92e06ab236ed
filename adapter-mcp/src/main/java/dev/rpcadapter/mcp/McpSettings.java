package dev.rpcadapter.mcp;

import java.time.Duration;
import java.util.List;

/**
 * How the MCP endpoint behaves.
 *
 * @param stateless whether to run without sessions (no {@code Mcp-Session-Id}, no GET
 * stream)
 * @param maxSessions at most this many sessions are kept; the least recently used goes
 * first
 * @param sessionIdleTimeout a session unused this long is ended
 * @param allowedOrigins origins allowed to call (browser {@code Origin} header);
 * {@code *} allows all; a request without {@code Origin}, or from the server's own host,
 * is always allowed
 * @param pageSize items per page of {@code tools/list}, {@code tasks/list},
 * {@code resources/list}
 * @param queuedCallWait how long a plain {@code tools/call} of a queued command waits for
 * its job
 * @param replayEvents SSE events kept per stream for resumption with
 * {@code Last-Event-ID}
 * @param serverName the server name in {@code initialize}
 * @param serverVersion the server version in {@code initialize}
 * @param instructions instructions for the model in {@code initialize}; empty for none
 * @param taskTtl the retention of finished jobs, reported as a task's {@code ttl}
 * @param clientRequestTimeout how long a request to the client
 * ({@code sampling/createMessage}, {@code elicitation/create}) waits for its answer
 */
public record McpSettings(boolean stateless, int maxSessions, Duration sessionIdleTimeout, List<String> allowedOrigins,
		int pageSize, Duration queuedCallWait, int replayEvents, String serverName, String serverVersion,
		String instructions, Duration taskTtl, Duration clientRequestTimeout) {

	/** The settings with the default {@code clientRequestTimeout} (60 s). */
	public McpSettings(boolean stateless, int maxSessions, Duration sessionIdleTimeout, List<String> allowedOrigins,
			int pageSize, Duration queuedCallWait, int replayEvents, String serverName, String serverVersion,
			String instructions, Duration taskTtl) {
		this(stateless, maxSessions, sessionIdleTimeout, allowedOrigins, pageSize, queuedCallWait, replayEvents,
				serverName, serverVersion, instructions, taskTtl, Duration.ofSeconds(60));
	}

	public McpSettings {
		allowedOrigins = List.copyOf(allowedOrigins);
		if (maxSessions < 1 || pageSize < 1 || replayEvents < 0) {
			throw new IllegalArgumentException("maxSessions and pageSize must be positive, replayEvents >= 0");
		}
	}

	/**
	 * Defaults: sessions on, 10 000 sessions idle for at most 30 minutes, pages of 100,
	 * 30 s wait, 60 s for the client's answers.
	 */
	public static McpSettings defaults() {
		return new McpSettings(false, 10_000, Duration.ofMinutes(30), List.of(), 100, Duration.ofSeconds(30), 256,
				"rpc-adapter", "0.1.0", "", Duration.ofHours(6), Duration.ofSeconds(60));
	}
}
