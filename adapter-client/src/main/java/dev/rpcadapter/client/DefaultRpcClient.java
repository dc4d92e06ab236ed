package dev.rpcadapter.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link RpcClient} on the JDK {@link HttpClient}.
 */
final class DefaultRpcClient implements RpcClient {

	private final ClientSettings settings;

	private final HttpClient httpClient;

	private final JsonRpcCodec codec;

	private final HttpJsonExchange exchange;

	private final CmdEndpoint cmd;

	private final FileTransfers files;

	private final AtomicLong ids = new AtomicLong();

	private final AtomicBoolean closed = new AtomicBoolean();

	private DefaultRpcClient(ClientSettings settings, HttpClient httpClient) {
		this.settings = settings;
		this.httpClient = httpClient;
		this.codec = new JsonRpcCodec(settings.jsonMapper());
		this.exchange = new HttpJsonExchange(httpClient, settings.jsonMapper(), authHeaders(settings),
				settings.requestTimeout(), settings.requestHeaders());
		this.cmd = new CmdEndpoint(this.exchange, this.codec, settings.endpoint(settings.cmdPath()));
		this.files = new FileTransfers(httpClient, this.exchange, authHeaders(settings), settings::endpoint,
				this::call);
	}

	/**
	 * @param settings validated settings from the builder
	 * @return the client
	 */
	public static RpcClient create(ClientSettings settings) {
		HttpClient.Builder http = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER);
		SSLContext sslContext = SslContexts.create(settings.tls());
		if (sslContext != null) {
			http.sslContext(sslContext);
		}
		if (settings.executor() != null) {
			http.executor(settings.executor());
		}
		return new DefaultRpcClient(settings, http.build());
	}

	static Map<String, String> authHeaders(ClientSettings settings) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("User-Agent", "rpc-adapter-client");
		if (settings.apiKey() != null) {
			headers.put("X-API-Key", settings.apiKey());
		}
		if (settings.bearerToken() != null) {
			headers.put("Authorization", "Bearer " + settings.bearerToken());
		}
		return headers;
	}

	@Override
	public JsonNode call(String method, @Nullable Object params) {
		return Futures.join(callAsync(method, params));
	}

	@Override
	public <T> T call(String method, @Nullable Object params, Class<T> resultType) {
		return convert(call(method, params), resultType);
	}

	@Override
	public <T> T call(String method, @Nullable Object params, TypeReference<T> resultType) {
		return this.codec.mapper().convertValue(call(method, params), resultType);
	}

	@Override
	public CompletableFuture<JsonNode> callAsync(String method, @Nullable Object params) {
		ensureOpen();
		long id = this.ids.incrementAndGet();
		ObjectNode request = this.codec.request(method, params, id);
		return postJsonRpc(request).thenApply((response) -> this.codec.result(response, id));
	}

	@Override
	public <T> CompletableFuture<T> callAsync(String method, @Nullable Object params, Class<T> resultType) {
		return callAsync(method, params).thenApply((result) -> convert(result, resultType));
	}

	@Override
	public void notify(String method, @Nullable Object params) {
		Futures.join(notifyAsync(method, params));
	}

	@Override
	public CompletableFuture<Void> notifyAsync(String method, @Nullable Object params) {
		ensureOpen();
		return postJsonRpc(this.codec.request(method, params, null)).thenApply((body) -> null);
	}

	@Override
	public RpcBatch batch() {
		ensureOpen();
		return new DefaultRpcBatch(this.codec, this.ids::incrementAndGet, this::postJsonRpc);
	}

	@Override
	public JsonNode cmd(String command, @Nullable Object params) {
		return Futures.join(cmdAsync(command, params));
	}

	@Override
	public CompletableFuture<JsonNode> cmdAsync(String command, @Nullable Object params) {
		ensureOpen();
		return this.cmd.call(command, params);
	}

	@Override
	public JsonNode execute(String command, @Nullable Object params) {
		return execute(command, params, ExecuteOptions.defaults());
	}

	@Override
	public JsonNode execute(String command, @Nullable Object params, ExecuteOptions options) {
		return Futures.join(executeAsync(command, params, options));
	}

	@Override
	public CompletableFuture<JsonNode> executeAsync(String command, @Nullable Object params, ExecuteOptions options) {
		Objects.requireNonNull(options, "options");
		return callAsync(command, params).thenCompose((result) -> {
			JobEnvelope envelope = JobEnvelope.detect(result);
			if (envelope == null) {
				return CompletableFuture.completedFuture(result);
			}
			JobWaiter waiter = new JobWaiter(envelope, options);
			return (options.waitStrategy() == JobWaitStrategy.WEBSOCKET)
					? new WebSocketJobWaits(this::connectWebSocketAsync, this::jobStatusAsync).await(waiter)
					: new PollingJobWaits(this::jobStatusAsync).await(waiter);
		});
	}

	@Override
	public RemoteJob jobStatus(String jobId) {
		return Futures.join(jobStatusAsync(jobId));
	}

	@Override
	public CompletableFuture<RemoteJob> jobStatusAsync(String jobId) {
		return callAsync(QueueMethods.GET_JOB_STATUS, QueueMethods.jobIdParams(jobId)).thenApply(RemoteJob::fromJson);
	}

	@Override
	public List<RemoteJob> listJobs(@Nullable RemoteJobState statusFilter, @Nullable String command,
			@Nullable Integer limit, @Nullable Integer offset) {
		return listJobPage(statusFilter, command, limit, offset).jobs();
	}

	@Override
	public RemoteJobPage listJobPage(@Nullable RemoteJobState statusFilter, @Nullable String command,
			@Nullable Integer limit, @Nullable Integer offset) {
		JsonNode result = call(QueueMethods.LIST_JOBS, QueueMethods.listParams(statusFilter, command, limit, offset));
		JsonNode jobs = result.isArray() ? result : result.path("jobs");
		if (!jobs.isArray()) {
			throw new RpcProtocolException(
					"queue_list_jobs returned neither an array nor {\"jobs\": [...]}: " + result);
		}
		List<RemoteJob> statuses = new ArrayList<>();
		jobs.forEach((job) -> statuses.add(RemoteJob.fromJson(job)));
		int start = result.path("offset").asInt((offset != null) ? offset : 0);
		int size = result.path("limit").asInt((limit != null) ? limit : statuses.size());
		int total = result.path("total_count").asInt(start + statuses.size());
		return new RemoteJobPage(statuses, total, size, start);
	}

	@Override
	public JsonNode stopJob(String jobId) {
		return call(QueueMethods.STOP_JOB, QueueMethods.jobIdParams(jobId));
	}

	@Override
	public JsonNode deleteJob(String jobId) {
		return call(QueueMethods.DELETE_JOB, QueueMethods.jobIdParams(jobId));
	}

	@Override
	public RpcWebSocketSession connectWebSocket() {
		return Futures.join(connectWebSocketAsync());
	}

	@Override
	public CompletableFuture<RpcWebSocketSession> connectWebSocketAsync() {
		ensureOpen();
		URI target = this.settings.webSocketEndpoint();
		WebSocketInbox inbox = new WebSocketInbox(this.codec.mapper());
		DefaultWebSocketSession session = new DefaultWebSocketSession(this.codec, inbox, target,
				this.settings.requestTimeout());
		WebSocket.Builder builder = this.httpClient.newWebSocketBuilder()
			.connectTimeout(this.settings.connectTimeout());
		authHeaders(this.settings).forEach(builder::header);
		return builder.buildAsync(target, new InboxListener(inbox, target)).handle((socket, failure) -> {
			if (failure != null) {
				throw new java.util.concurrent.CompletionException(TransportFailures.describe(failure, target));
			}
			session.attach(socket);
			return session;
		});
	}

	@Override
	public String upload(Path file) {
		ensureOpen();
		return this.files.upload(file);
	}

	@Override
	public String resumeUpload(String transferId, Path file) {
		ensureOpen();
		return this.files.resume(transferId, file);
	}

	@Override
	public void download(String transferId, Path file) {
		ensureOpen();
		this.files.download(transferId, file);
	}

	@Override
	public <T> T convert(JsonNode value, Class<T> type) {
		return this.codec.mapper().treeToValue(value, type);
	}

	@Override
	public void close() {
		this.closed.set(true);
	}

	@Override
	public String postAsync(String method, @Nullable Object params, @Nullable String deliverId) {
		ensureOpen();
		String path = "/api/async" + ((deliverId != null)
				? "?deliver_id=" + java.net.URLEncoder.encode(deliverId, java.nio.charset.StandardCharsets.UTF_8) : "");
		JsonNode accepted = Futures
			.join(this.exchange.post(this.settings.endpoint(path), this.codec.request(method, params, 1L)));
		if (accepted == null || !accepted.path("deliver_id").isString()) {
			throw new dev.rpcadapter.client.RpcProtocolException(
					"/api/async answered without a deliver_id: " + accepted);
		}
		return accepted.path("deliver_id").asString();
	}

	private CompletableFuture<@Nullable JsonNode> postJsonRpc(JsonNode body) {
		return this.exchange.post(this.settings.endpoint(this.settings.jsonRpcPath()), body);
	}

	private void ensureOpen() {
		if (this.closed.get()) {
			throw new IllegalStateException("This RpcClient is closed");
		}
	}

}
