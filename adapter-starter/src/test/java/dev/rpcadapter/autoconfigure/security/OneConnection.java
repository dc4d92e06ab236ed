package dev.rpcadapter.autoconfigure.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One HTTP/1.1 keep-alive connection, written and read by hand: unlike a pooling client,
 * a test knows that all its requests travel on the same connection (and, over TLS, the
 * same session).
 */
final class OneConnection implements AutoCloseable {

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	private final String host;

	private OneConnection(Socket socket, String host) throws IOException {
		this.socket = socket;
		this.socket.setSoTimeout(10_000);
		this.in = socket.getInputStream();
		this.out = socket.getOutputStream();
		this.host = host;
	}

	static OneConnection open(TestServer server, @Nullable SSLContext tls) throws IOException {
		URI uri = server.uri("/");
		if (tls == null) {
			return new OneConnection(new Socket(uri.getHost(), uri.getPort()), uri.getHost() + ":" + uri.getPort());
		}
		SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(uri.getHost(), uri.getPort());
		SSLParameters parameters = socket.getSSLParameters();
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		socket.setSSLParameters(parameters);
		socket.startHandshake();
		return new OneConnection(socket, uri.getHost() + ":" + uri.getPort());
	}

	/** POSTs JSON; {@code headers} are name, value pairs. */
	Response post(String path, String body, String... headers) throws IOException {
		return postTyped(path, "application/json", body, headers);
	}

	/** POSTs a body with the given {@code Content-Type} (none when {@code null}). */
	Response postTyped(String path, @Nullable String contentType, String body, String... headers) throws IOException {
		byte[] content = body.getBytes(StandardCharsets.UTF_8);
		StringBuilder request = head("POST", path, headers);
		if (contentType != null) {
			request.append("Content-Type: ").append(contentType).append("\r\n");
		}
		request.append("Content-Length: ").append(content.length).append("\r\n\r\n");
		this.out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
		this.out.write(content);
		this.out.flush();
		return read();
	}

	/**
	 * Asks for a WebSocket upgrade; a refusal is read like any response, an accepted
	 * upgrade gives status 101 with an empty body (the connection then speaks WebSocket).
	 */
	Response upgrade(String path, String... headers) throws IOException {
		StringBuilder request = head("GET", path, headers).append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
			.append("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
		this.out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
		this.out.flush();
		return read();
	}

	private StringBuilder head(String method, String path, String... headers) {
		StringBuilder request = new StringBuilder(method).append(' ')
			.append(path)
			.append(" HTTP/1.1\r\n")
			.append("Host: ")
			.append(this.host)
			.append("\r\n");
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
		}
		return request;
	}

	private Response read() throws IOException {
		String status = line();
		assertThat(status).as("status line").startsWith("HTTP/1.1 ");
		Map<String, String> headers = new LinkedHashMap<>();
		for (String line = line(); !line.isEmpty(); line = line()) {
			int colon = line.indexOf(':');
			headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
		}
		int code = Integer.parseInt(status.substring(9, 12));
		if (code == 101) {
			return new Response(code, "");
		}
		assertThat(headers).as("a keep-alive response with a length")
			.containsKey("content-length")
			.doesNotContainEntry("connection", "close");
		byte[] body = this.in.readNBytes(Integer.parseInt(headers.get("content-length")));
		return new Response(code, new String(body, StandardCharsets.UTF_8));
	}

	private String line() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = this.in.read(); b != '\n'; b = this.in.read()) {
			if (b < 0) {
				throw new IOException("connection closed by the server");
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.US_ASCII);
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	record Response(int status, String body) {

		JsonNode json() {
			return TestServer.JSON.readTree(this.body);
		}

		int errorCode() {
			return json().path("error").path("code").asInt();
		}
	}

}
