package dev.rpcadapter.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real JDK HTTP(S) server on a random loopback port that answers with a script,
 * standing in for the rpc-adapter server in client tests. Records every request it
 * received.
 */
public final class ScriptedServer implements AutoCloseable {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final Function<Request, Reply> script;

	private ScriptedServer(HttpServer server, Function<Request, Reply> script) {
		this.server = server;
		this.script = script;
		server.createContext("/", this::handle);
		server.setExecutor(this.executor);
		server.start();
	}

	public static ScriptedServer http(Function<Request, Reply> script) throws IOException {
		return new ScriptedServer(HttpServer.create(loopback(), 0), script);
	}

	public static ScriptedServer https(SSLContext context, boolean needClientAuth, Function<Request, Reply> script)
			throws IOException {
		HttpsServer server = HttpsServer.create(loopback(), 0);
		server.setHttpsConfigurator(new HttpsConfigurator(context) {
			@Override
			public void configure(HttpsParameters params) {
				SSLParameters parameters = context.getDefaultSSLParameters();
				parameters.setNeedClientAuth(needClientAuth);
				params.setSSLParameters(parameters);
			}
		});
		return new ScriptedServer(server, script);
	}

	/**
	 * @return {@code http(s)://127.0.0.1:port}
	 */
	public URI baseUrl() {
		String scheme = (this.server instanceof HttpsServer) ? "https" : "http";
		return URI.create(scheme + "://127.0.0.1:" + this.server.getAddress().getPort());
	}

	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			Request request = new Request(exchange.getRequestURI().getPath(), exchange.getRequestHeaders(),
					text.isBlank() ? MAPPER.nullNode() : MAPPER.readTree(text));
			this.requests.add(request);
			Reply reply = this.script.apply(request);
			reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
			byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
			if (body.length > 0) {
				exchange.getResponseHeaders().add("Content-Type", "application/json");
			}
			exchange.sendResponseHeaders(reply.status(), (body.length == 0) ? -1 : body.length);
			if (body.length > 0) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			}
		}
	}

	private static InetSocketAddress loopback() {
		return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
	}

	/**
	 * A request the server received.
	 */
	public record Request(String path, Headers headers, JsonNode body) {

		public String header(String name) {
			return this.headers.getFirst(name);
		}

	}

	/**
	 * What the server answers.
	 */
	public record Reply(int status, String body, Map<String, String> headers) {

		public static Reply json(String body) {
			return new Reply(200, body, Map.of());
		}

		public static Reply noContent() {
			return new Reply(204, "", Map.of());
		}

		/** A JSON-RPC success response echoing the request's id. */
		public static Reply result(Request request, String resultJson) {
			return json("{\"jsonrpc\":\"2.0\",\"id\":" + request.body().path("id") + ",\"result\":" + resultJson + "}");
		}

		/** A JSON-RPC error response echoing the request's id. */
		public static Reply error(Request request, int code, String message) {
			return json("{\"jsonrpc\":\"2.0\",\"id\":" + request.body().path("id") + ",\"error\":{\"code\":" + code
					+ ",\"message\":\"" + message + "\"}}");
		}

	}

}
