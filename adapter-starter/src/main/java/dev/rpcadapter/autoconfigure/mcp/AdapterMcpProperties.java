package dev.rpcadapter.autoconfigure.mcp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The MCP endpoint ({@code adapter.mcp.*}). */
@ConfigurationProperties("adapter.mcp")
public class AdapterMcpProperties {

	/** Whether the MCP endpoint (Streamable HTTP) is served. */
	private boolean enabled = true;

	/** Path of the MCP endpoint. */
	private String path = "/mcp";

	/**
	 * Whether to run without sessions (for load-balanced deployments): no Mcp-Session-Id,
	 * GET answers 405.
	 */
	private boolean stateless = false;

	/**
	 * Browser origins allowed to call the endpoint ("*" for all), besides loopback ones;
	 * requests without an Origin header are always allowed, any other origin is refused
	 * with 403 (DNS rebinding protection). When empty, adapter.security.allowed-origins
	 * applies (it also guards /ws).
	 */
	private List<String> allowedOrigins = new ArrayList<>();

	/** Most sessions kept in memory; the least recently used one is ended first. */
	private int maxSessions = 10_000;

	/** How long an unused session lives. */
	private Duration sessionIdleTimeout = Duration.ofMinutes(30);

	/**
	 * How long a request to the client (sampling/createMessage, elicitation/create) waits
	 * for its answer.
	 */
	private Duration clientRequestTimeout = Duration.ofSeconds(60);

	/** Items per page of tools/list, tasks/list and resources/list. */
	private int pageSize = 100;

	/**
	 * How long a plain tools/call of a queued command waits for its job before answering
	 * with the job id.
	 */
	private Duration queuedCallWait = Duration.ofSeconds(30);

	/** SSE events kept per stream for clients that resume with Last-Event-ID. */
	private int replayEvents = 256;

	/** Instructions for the model, sent in the initialize result; empty for none. */
	private String instructions = "";

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public boolean isStateless() {
		return this.stateless;
	}

	public void setStateless(boolean stateless) {
		this.stateless = stateless;
	}

	public List<String> getAllowedOrigins() {
		return this.allowedOrigins;
	}

	public void setAllowedOrigins(List<String> allowedOrigins) {
		this.allowedOrigins = allowedOrigins;
	}

	public int getMaxSessions() {
		return this.maxSessions;
	}

	public void setMaxSessions(int maxSessions) {
		this.maxSessions = maxSessions;
	}

	public Duration getSessionIdleTimeout() {
		return this.sessionIdleTimeout;
	}

	public void setSessionIdleTimeout(Duration sessionIdleTimeout) {
		this.sessionIdleTimeout = sessionIdleTimeout;
	}

	public int getPageSize() {
		return this.pageSize;
	}

	public void setPageSize(int pageSize) {
		this.pageSize = pageSize;
	}

	public Duration getQueuedCallWait() {
		return this.queuedCallWait;
	}

	public void setQueuedCallWait(Duration queuedCallWait) {
		this.queuedCallWait = queuedCallWait;
	}

	public int getReplayEvents() {
		return this.replayEvents;
	}

	public void setReplayEvents(int replayEvents) {
		this.replayEvents = replayEvents;
	}

	public String getInstructions() {
		return this.instructions;
	}

	public void setInstructions(String instructions) {
		this.instructions = instructions;
	}

	public Duration getClientRequestTimeout() {
		return this.clientRequestTimeout;
	}

	public void setClientRequestTimeout(Duration clientRequestTimeout) {
		this.clientRequestTimeout = clientRequestTimeout;
	}

}
