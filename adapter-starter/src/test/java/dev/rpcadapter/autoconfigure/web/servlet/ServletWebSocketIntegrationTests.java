package dev.rpcadapter.autoconfigure.web.servlet;

import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.rpcadapter.jsonrpc.ErrorCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static dev.rpcadapter.autoconfigure.web.servlet.ServletHttp.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code /ws} and {@code POST /api/async} on a real Tomcat, with the JDK WebSocket
 * client.
 */
@SpringBootTest(classes = ServletTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "adapter.jsonrpc.max-body-size=1KB",
				"adapter.info.name=servlet-test" })
class ServletWebSocketIntegrationTests {

	@LocalServerPort
	int port;

	private ServletHttp http;

	private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();

	private WebSocket socket;

	@BeforeEach
	void connect() {
		this.http = new ServletHttp(this.port);
		this.socket = this.http.client()
			.newWebSocketBuilder()
			.buildAsync(this.http.webSocket(), new Collector(this.frames))
			.orTimeout(10, TimeUnit.SECONDS)
			.join();
	}

	@AfterEach
	void close() {
		this.socket.abort();
	}

	private void send(String text) {
		this.socket.sendText(text, true).orTimeout(5, TimeUnit.SECONDS).join();
	}

	private JsonNode next() throws InterruptedException {
		String frame = this.frames.poll(10, TimeUnit.SECONDS);
		assertThat(frame).as("a frame within 10 s").isNotNull();
		return JSON.readTree(frame);
	}

	@Test
	void callsGetTheAnswersAPostWould() throws InterruptedException {
		send("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":7}");
		assertThat(next().toString()).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":7}");
		send("[{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"a\"],\"id\":1},{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"n\"]}]");
		JsonNode batch = next();
		assertThat(batch.size()).isEqualTo(1);
		assertThat(batch.get(0).get("result").asString()).isEqualTo("a");
		send("{oops");
		assertThat(next().path("error").path("code").asInt()).isEqualTo(ErrorCodes.PARSE_ERROR);
	}

	@Test
	void aQueuedCommandCalledOverTheSocketPushesItsJobEvents() throws InterruptedException {
		send("{\"jsonrpc\":\"2.0\",\"method\":\"report\",\"params\":{\"title\":\"t\"},\"id\":1}");
		JsonNode accepted = next();
		String jobId = accepted.path("result").path("job_id").asString();
		assertThat(jobId).isNotEmpty();
		JsonNode event;
		do {
			event = next();
		}
		while (!event.path("event").asString().equals("job_completed"));
		assertThat(event.path("job_id").asString()).isEqualTo(jobId);
		assertThat(event.path("result").asString()).isEqualTo("report t");
	}

	@Test
	void subscribingToAnUnknownJobGetsAnErrorEvent() throws InterruptedException {
		send("{\"action\":\"subscribe\",\"job_id\":\"nope\"}");
		JsonNode error = next();
		assertThat(error.path("event").asString()).isEqualTo("error");
		assertThat(error.path("error").path("code").asInt()).isEqualTo(ErrorCodes.JOB_NOT_FOUND);
	}

	@Test
	void asyncCallsAreDeliveredToSubscribers() throws InterruptedException {
		HttpResponse<String> accepted = this.http.post("/api/async?deliver_id=d-servlet-1",
				"{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"later\"],\"id\":5}");
		assertThat(accepted.statusCode()).isEqualTo(202);
		assertThat(JSON.readTree(accepted.body()).path("deliver_id").asString()).isEqualTo("d-servlet-1");
		send("{\"action\":\"subscribe\",\"deliver_id\":\"d-servlet-1\"}");
		JsonNode event;
		do {
			event = next();
		}
		while (!event.path("event").asString().equals("delivery"));
		assertThat(event.path("response").path("result").asString()).isEqualTo("later");
	}

	@Test
	void anUpgradeFromAnotherOriginIsRefused() {
		assertThatThrownBy(() -> this.http.client()
			.newWebSocketBuilder()
			.header("Origin", "https://evil.example")
			.buildAsync(this.http.webSocket(), new Collector(this.frames))
			.join()).isInstanceOf(CompletionException.class)
			.cause()
			.isInstanceOfSatisfying(WebSocketHandshakeException.class, (ex) -> {
				assertThat(ex.getResponse().statusCode()).isEqualTo(403);
				assertThat(JSON.readTree((String) ex.getResponse().body()).path("error").path("code").asInt())
					.isEqualTo(ErrorCodes.PERMISSION_DENIED);
			});
		HttpResponse<String> plainGet = this.http.get("/ws");
		assertThat(plainGet.statusCode()).isEqualTo(400);
	}

	/** Collects text frames (whole messages). */
	record Collector(BlockingQueue<String> frames, StringBuilder partial) implements WebSocket.Listener {

		Collector(BlockingQueue<String> frames) {
			this(frames, new StringBuilder());
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
