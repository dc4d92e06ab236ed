package dev.rpcadapter.autoconfigure.transfer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.rpcadapter.test.TestServers;
import org.awaitility.Awaitility;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real server ({@link TransferTestApplication}) with transfers on, and the HTTP calls
 * the tests make.
 */
final class TransferServer implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ConfigurableApplicationContext context;

	private final URI base;

	private TransferServer(ConfigurableApplicationContext context) {
		this.context = context;
		this.base = TestServers.httpUrl(context);
	}

	static TransferServer start(Map<String, Object> properties) {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("adapter.transfers.enabled", "true");
		all.put("adapter.queue.poll-interval", "100ms");
		all.put("adapter.queue.workers", "2");
		all.putAll(properties);
		String[] args = properties.containsKey("spring.datasource.url")
				? new String[] { "--spring.autoconfigure.exclude=" } : new String[0];
		return new TransferServer(TestServers.start(TransferTestApplication.class, all, args));
	}

	URI uri(String path) {
		return this.base.resolve(path);
	}

	ConfigurableApplicationContext context() {
		return this.context;
	}

	JsonNode rpc(String method, Object params, String... headers) {
		ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", method).put("id", 1);
		request.set("params", JSON.valueToTree(params));
		HttpResponse<String> response = send(request("/api/jsonrpc", headers).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	JsonNode result(String method, Object params, String... headers) {
		JsonNode response = rpc(method, params, headers);
		assertThat(response.has("error")).as("error in %s", response).isFalse();
		return response.get("result");
	}

	JsonNode error(String method, Object params, String... headers) {
		JsonNode response = rpc(method, params, headers);
		assertThat(response.has("error")).as("error in %s", response).isTrue();
		return response.get("error");
	}

	HttpResponse<String> put(String path, byte[] body, String... headers) {
		return send(request(path, headers).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	HttpResponse<byte[]> get(String path, String... headers) {
		return sendBytes(request(path, headers).GET());
	}

	HttpRequest.Builder request(String path, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
		return (headers.length > 0) ? builder.headers(headers) : builder;
	}

	static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) {
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Polls the job until it is in a terminal state; returns the job object. */
	JsonNode awaitFinished(String jobId, String... headers) {
		AtomicReference<JsonNode> last = new AtomicReference<>();
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(25)).untilAsserted(() -> {
			last.set(result("queue_get_job_status", Map.of("job_id", jobId), headers));
			assertThat(last.get().path("status").asString()).isIn("completed", "failed", "stopped");
		});
		return last.get();
	}

	static String sha256(byte[] data) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.context.close();
	}

}
