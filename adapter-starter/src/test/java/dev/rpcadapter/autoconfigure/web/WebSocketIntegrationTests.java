package dev.rpcadapter.autoconfigure.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.rpcadapter.jsonrpc.ErrorCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static dev.rpcadapter.autoconfigure.web.TestHttp.assertError;
import static dev.rpcadapter.autoconfigure.web.TestHttp.assertNoLeak;
import static dev.rpcadapter.autoconfigure.web.TestHttp.mapper;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /ws} with the JDK WebSocket client, on the same real server as the conformance
 * test.
 */
@ConformanceServerTest
class WebSocketIntegrationTests {

	@LocalServerPort
	int port;

	private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();

	private WebSocket socket;

	@BeforeEach
	void connect() {
		this.socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.buildAsync(URI.create("ws://127.0.0.1:" + this.port + "/ws"), new Collector(this.frames))
			.orTimeout(10, TimeUnit.SECONDS)
			.join();
	}

	@AfterEach
	void close() {
		this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).join();
	}

	private void send(String text) {
		this.socket.sendText(text, true).orTimeout(5, TimeUnit.SECONDS).join();
	}

	private JsonNode next() throws InterruptedException {
		String frame = this.frames.poll(10, TimeUnit.SECONDS);
		assertThat(frame).as("a frame within 10 s").isNotNull();
		assertNoLeak(frame);
		return mapper.readTree(frame);
	}

	@Test
	void requestFrameGetsAResponseFrame() throws InterruptedException {
		send("{\"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"params\": [42, 23], \"id\": 1}");
		assertThat(next()).isEqualTo(mapper.readTree("{\"jsonrpc\": \"2.0\", \"result\": 19, \"id\": 1}"));
	}

	@Test
	void batchFrameGetsAnArrayFrame() throws InterruptedException {
		send("[{\"jsonrpc\": \"2.0\", \"method\": \"sum\", \"params\": [1, 2, 4], \"id\": \"a\"},"
				+ "{\"jsonrpc\": \"2.0\", \"method\": \"notify_hello\", \"params\": [1]},"
				+ "{\"jsonrpc\": \"2.0\", \"method\": \"get_data\", \"id\": \"b\"}]");
		JsonNode response = next();
		assertThat(response.isArray()).isTrue();
		assertThat(response).hasSize(2);
		assertThat(response.get(0).get("result").asInt()).isEqualTo(7);
		assertThat(response.get(1).get("id").asString()).isEqualTo("b");
	}

	@Test
	void notificationGetsNoFrame() throws InterruptedException {
		send("{\"jsonrpc\": \"2.0\", \"method\": \"notify_hello\", \"params\": [1]}");
		send("{\"jsonrpc\": \"2.0\", \"method\": \"foobar\"}");
		send("{\"jsonrpc\": \"2.0\", \"method\": \"get_data\", \"id\": \"after\"}");
		JsonNode response = next();
		assertThat(response.get("id").asString()).isEqualTo("after");
		assertThat(this.frames).isEmpty();
	}

	@Test
	void invalidJsonGetsAParseErrorFrame() throws InterruptedException {
		send("{\"jsonrpc\": \"2.0\", \"method\": \"foobar, \"params\": \"bar\", \"baz]");
		JsonNode response = next();
		assertError(response, ErrorCodes.PARSE_ERROR);
		assertThat(response.get("id").isNull()).isTrue();
	}

	@Test
	void failuresAreErrorFramesWithoutDetails() throws InterruptedException {
		send("{\"jsonrpc\": \"2.0\", \"method\": \"crash\", \"id\": 1}");
		assertError(next(), ErrorCodes.INTERNAL_ERROR);
		send("[]");
		assertError(next(), ErrorCodes.INVALID_REQUEST);
	}

	@Test
	void subscribeToAnUnknownJobGetsOnlyAnErrorEvent() throws InterruptedException {
		send("{\"action\": \"subscribe\", \"job_id\": \"x\"}");
		JsonNode event = next();
		assertThat(event.get("event").asString()).isEqualTo("error");
		assertThat(event.get("job_id").asString()).isEqualTo("x");
		assertThat(event.get("error").get("code").asInt()).isEqualTo(ErrorCodes.JOB_NOT_FOUND);
		assertThat(event.get("error").get("message").isString()).isTrue();
		assertThat(event.get("error").get("data").isObject()).isTrue();
	}

	@Test
	void controlMessageWithoutJobIdGetsAnErrorEvent() throws InterruptedException {
		send("{\"action\": \"subscribe\"}");
		JsonNode event = next();
		assertThat(event.get("event").asString()).isEqualTo("error");
		assertThat(event.get("error").get("code").asInt()).isEqualTo(ErrorCodes.INVALID_REQUEST);
		assertThat(event.get("error").has("data")).as("data omitted when absent, as over HTTP").isFalse();
	}

	@Test
	void numberBeyondJacksonsLimitsIsAParseErrorFrame() throws InterruptedException {
		send("{\"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"params\": [1e99999999999, 1], \"id\": 1}");
		JsonNode response = next();
		assertError(response, ErrorCodes.PARSE_ERROR);
		assertThat(response.get("id").isNull()).isTrue();
		send("{\"jsonrpc\": \"2.0\", \"method\": \"get_data\", \"id\": \"still open\"}");
		assertThat(next().get("id").asString()).isEqualTo("still open");
	}

	/** Collects whole text messages (partial frames joined). */
	private static final class Collector implements WebSocket.Listener {

		private final BlockingQueue<String> frames;

		private final StringBuilder partial = new StringBuilder();

		Collector(BlockingQueue<String> frames) {
			this.frames = frames;
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				this.frames.add(this.partial.toString());
				this.partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

	}

}
