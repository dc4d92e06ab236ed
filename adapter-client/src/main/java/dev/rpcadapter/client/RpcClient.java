package dev.rpcadapter.client;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * Client for an rpc-adapter server. Thread-safe; build one per server and share it.
 * <p>
 * {@code params} everywhere are given by name (a {@code Map}, a POJO/record, an
 * {@code ObjectNode}) or by position (a {@code List}, an array, an {@code ArrayNode}), or
 * {@code null} for none. Synchronous methods throw {@link RpcException} subclasses; the
 * {@code *Async} variants complete exceptionally with the same exceptions.
 *
 * <pre>{@code
 * try (RpcClient client = RpcClient.builder(URI.create("https://api.example:8443"))
 *         .apiKey("secret").trustedCa(Path.of("ca.pem")).build()) {
 *     int diff = client.call("subtract", Map.of("minuend", 42, "subtrahend", 23), Integer.class);
 *     JsonNode chunks = client.execute("chunk", Map.of("text", "..."));   // waits for the job
 * }
 * }</pre>
 */
public interface RpcClient extends AutoCloseable {

	/**
	 * @param baseUrl the server's base URL, {@code http://} or {@code https://}, e.g.
	 * {@code https://host:8443}; endpoint paths are appended to it
	 * @return a builder
	 */
	static RpcClientBuilder builder(URI baseUrl) {
		return new RpcClientBuilder(baseUrl);
	}

	/** Calls a method over {@code POST /api/jsonrpc} and returns its result. */
	JsonNode call(String method, @Nullable Object params);

	/** Calls a method and converts its result with Jackson. */
	<T> T call(String method, @Nullable Object params, Class<T> resultType);

	/** Calls a method and converts its result with Jackson. */
	<T> T call(String method, @Nullable Object params, TypeReference<T> resultType);

	/** Asynchronous {@link #call(String, Object)}. */
	CompletableFuture<JsonNode> callAsync(String method, @Nullable Object params);

	/** Asynchronous {@link #call(String, Object, Class)}. */
	<T> CompletableFuture<T> callAsync(String method, @Nullable Object params, Class<T> resultType);

	/**
	 * Sends a notification (no id); the server answers HTTP 204 and runs it without
	 * reply.
	 */
	void notify(String method, @Nullable Object params);

	/** Asynchronous {@link #notify(String, Object)}. */
	CompletableFuture<Void> notifyAsync(String method, @Nullable Object params);

	/**
	 * @return a new batch to fill and send
	 */
	RpcBatch batch();

	/**
	 * Calls a command over {@code POST /cmd} ({@code {"command","params"}} →
	 * {@code {"result"}}).
	 * @param params by name (object) or {@code null}
	 */
	JsonNode cmd(String command, @Nullable Object params);

	/** Asynchronous {@link #cmd(String, Object)}. */
	CompletableFuture<JsonNode> cmdAsync(String command, @Nullable Object params);

	/**
	 * {@link #execute(String, Object, ExecuteOptions)} with
	 * {@link ExecuteOptions#defaults()}.
	 */
	JsonNode execute(String command, @Nullable Object params);

	/**
	 * Calls a command; if the server queued it (answered with a {@code job_id} envelope),
	 * waits for the job and returns the job's result; otherwise returns the result
	 * directly.
	 * @throws JobFailedException if the job failed
	 * @throws JobStoppedException if the job was stopped
	 * @throws JobTimeoutException if the job did not finish within the options' timeout
	 */
	JsonNode execute(String command, @Nullable Object params, ExecuteOptions options);

	/** Asynchronous {@link #execute(String, Object, ExecuteOptions)}. */
	CompletableFuture<JsonNode> executeAsync(String command, @Nullable Object params, ExecuteOptions options);

	/**
	 * @return the job's status from {@code queue_get_job_status}
	 * @throws JobNotFoundException if there is no such job (or it is not the caller's)
	 */
	RemoteJob jobStatus(String jobId);

	/** Asynchronous {@link #jobStatus(String)}. */
	CompletableFuture<RemoteJob> jobStatusAsync(String jobId);

	/**
	 * A page of the job's log from {@code queue_get_job_logs}:
	 * {@code {"job_id","lines":[{"seq","ts","level","message"}],"total","dropped",...}}.
	 * @throws JobNotFoundException if there is no such job (or it is not the caller's)
	 */
	default JsonNode jobLogs(String jobId, int offset, int limit) {
		return call("queue_get_job_logs", java.util.Map.of("job_id", jobId, "offset", offset, "limit", limit));
	}

	/**
	 * Lists jobs with {@code queue_list_jobs}; each argument is sent only when non-null.
	 * @param statusFilter sent as {@code status_filter}
	 * @param command sent as {@code command}
	 * @param limit sent as {@code limit} (server: 1..1000, default 100)
	 * @param offset sent as {@code offset}
	 */
	List<RemoteJob> listJobs(@Nullable RemoteJobState statusFilter, @Nullable String command, @Nullable Integer limit,
			@Nullable Integer offset);

	/**
	 * Like {@link #listJobs}, with the paging the server reports: {@code total_count} of
	 * the jobs matching the filter, and the {@code limit} and {@code offset} it applied.
	 */
	RemoteJobPage listJobPage(@Nullable RemoteJobState statusFilter, @Nullable String command, @Nullable Integer limit,
			@Nullable Integer offset);

	/**
	 * Requests a cooperative stop with {@code queue_stop_job}; returns the server's
	 * result.
	 */
	JsonNode stopJob(String jobId);

	/** Deletes a job with {@code queue_delete_job}; returns the server's result. */
	JsonNode deleteJob(String jobId);

	/**
	 * Uploads a file in chunks ({@code transfer_upload_begin}, {@code PUT
	 * /api/transfers/{id}/chunks/{i}}, {@code transfer_upload_complete} with the file's
	 * SHA-256) and returns its transfer id, to pass as a {@code TransferRef} param. A
	 * chunk is retried on a transport error; if it still fails,
	 * {@link TransferInterruptedException} names the transfer to {@link #resumeUpload}
	 * later.
	 */
	String upload(Path file);

	/**
	 * Continues an upload: sends only the chunks the server reports missing, then
	 * completes it.
	 */
	String resumeUpload(String transferId, Path file);

	/**
	 * Downloads a completed transfer (an upload or a job artifact) to {@code file} with
	 * {@code GET /api/transfers/{id}}. A partial file left by an interrupted download is
	 * continued with a {@code Range} request; the result's SHA-256 is checked against the
	 * server's.
	 */
	void download(String transferId, Path file);

	/**
	 * POSTs a JSON-RPC call to {@code /api/async}: the server answers at once and
	 * delivers the call's JSON-RPC response to {@code /ws} subscribers of the deliver_id
	 * (see {@link RpcWebSocketSession#awaitDelivery(String)}).
	 * @param deliverId the id to deliver to, or {@code null} for one the server generates
	 * @return the deliver_id
	 * @throws RpcErrorException when the server refuses the call at once (id held by
	 * another caller, too many async calls running, authentication)
	 */
	String postAsync(String method, @Nullable Object params, @Nullable String deliverId);

	/**
	 * Opens a WebSocket to {@code /ws}, sending the configured credentials on the
	 * upgrade.
	 */
	RpcWebSocketSession connectWebSocket();

	/** Asynchronous {@link #connectWebSocket()}. */
	CompletableFuture<RpcWebSocketSession> connectWebSocketAsync();

	/**
	 * Converts a JSON value with this client's Jackson mapper.
	 * @param value e.g. a result
	 * @param type the target type
	 */
	<T> T convert(JsonNode value, Class<T> type);

	/**
	 * Releases the client; calls after close are rejected with
	 * {@link IllegalStateException}.
	 */
	@Override
	void close();

}
