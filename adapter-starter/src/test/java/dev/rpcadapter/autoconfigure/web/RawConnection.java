package dev.rpcadapter.autoconfigure.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.1 connection written and read byte by byte: the tests send what no
 * well-behaved client would (a body on a HEAD request, a wrong Content-Length) and read
 * answers exactly as framed.
 */
final class RawConnection implements AutoCloseable {

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	/**
	 * @param port the server's port on 127.0.0.1
	 * @param readTimeout how long a read may wait before it fails with a timeout
	 */
	RawConnection(int port, Duration readTimeout) throws IOException {
		this.socket = new Socket("127.0.0.1", port);
		this.socket.setSoTimeout((int) readTimeout.toMillis());
		this.socket.setTcpNoDelay(true);
		this.in = this.socket.getInputStream();
		this.out = this.socket.getOutputStream();
	}

	/** A request with a Content-Length that matches its body. */
	static byte[] request(String method, String path, String body, String... headers) {
		byte[] content = body.getBytes(StandardCharsets.UTF_8);
		StringBuilder head = new StringBuilder(method).append(' ')
			.append(path)
			.append(" HTTP/1.1\r\n")
			.append("Host: 127.0.0.1\r\n");
		for (int i = 0; i + 1 < headers.length; i += 2) {
			head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
		}
		if (!body.isEmpty()) {
			head.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
		}
		byte[] start = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
		byte[] all = new byte[start.length + content.length];
		System.arraycopy(start, 0, all, 0, start.length);
		System.arraycopy(content, 0, all, start.length, content.length);
		return all;
	}

	void send(byte[] bytes) throws IOException {
		this.out.write(bytes);
		this.out.flush();
	}

	/**
	 * Sends a request and reads its answer; {@code head} says the answer has no body
	 * whatever its headers say.
	 */
	Response exchange(byte[] request, boolean head) throws IOException {
		send(request);
		return read(head);
	}

	Response read(boolean head) throws IOException {
		String status = line();
		if (status == null) {
			throw new IOException("connection closed before a response");
		}
		if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
			throw new IOException("not an HTTP/1.1 status line: " + status);
		}
		int code = Integer.parseInt(status.substring(9, 12));
		Map<String, String> headers = new LinkedHashMap<>();
		for (String line = line(); line != null && !line.isEmpty(); line = line()) {
			int colon = line.indexOf(':');
			headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
		}
		byte[] body = (head || code == 204 || code == 304 || code / 100 == 1) ? new byte[0] : body(headers);
		return new Response(code, headers, new String(body, StandardCharsets.UTF_8));
	}

	private byte[] body(Map<String, String> headers) throws IOException {
		String length = headers.get("content-length");
		if (length != null) {
			return this.in.readNBytes(Integer.parseInt(length));
		}
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			for (int size = chunkSize(); size > 0; size = chunkSize()) {
				body.writeBytes(this.in.readNBytes(size));
				line();
			}
			for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
				// trailers are ignored
			}
			return body.toByteArray();
		}
		return this.in.readAllBytes(); // delimited by the end of the connection
	}

	private int chunkSize() throws IOException {
		String line = line();
		if (line == null) {
			throw new IOException("connection closed inside a chunked body");
		}
		int extension = line.indexOf(';');
		return Integer.parseInt((extension >= 0) ? line.substring(0, extension) : line, 16);
	}

	private @Nullable String line() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = this.in.read(); b != '\n'; b = this.in.read()) {
			if (b < 0) {
				return (line.size() == 0) ? null : line.toString(StandardCharsets.ISO_8859_1);
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.ISO_8859_1);
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	/** One answer: its status, headers (lower-case names) and body. */
	record Response(int status, Map<String, String> headers, String body) {

		boolean keepsAlive() {
			return !"close".equalsIgnoreCase(this.headers.get("connection"));
		}
	}

}
