package dev.rpcadapter.client;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A tiny real HTTP/1.1 + WebSocket (RFC 6455, text frames only) server on one loopback
 * port, so the client's {@code /ws} support is tested over a real socket. Plain POSTs are
 * answered by {@code httpScript} (request body → response body), text frames by
 * {@code wsScript} (frame → frames to send back). Records the headers of the last
 * WebSocket upgrade.
 */
public final class MiniWebSocketServer implements AutoCloseable {

	private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

	private final ServerSocket socket;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Function<String, String> httpScript;

	private final Function<String, List<String>> wsScript;

	private final Map<String, String> upgradeHeaders = new ConcurrentHashMap<>();

	public MiniWebSocketServer(Function<String, String> httpScript, Function<String, List<String>> wsScript)
			throws IOException {
		this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.httpScript = httpScript;
		this.wsScript = wsScript;
		this.executor.execute(this::acceptLoop);
	}

	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.socket.getLocalPort());
	}

	/**
	 * @return headers (lower-case names) of the last WebSocket upgrade request
	 */
	public Map<String, String> upgradeHeaders() {
		return Map.copyOf(this.upgradeHeaders);
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
		this.executor.shutdownNow();
	}

	private void acceptLoop() {
		while (!this.socket.isClosed()) {
			try {
				Socket connection = this.socket.accept();
				this.executor.execute(() -> serve(connection));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket connection) {
		try (connection) {
			DataInputStream in = new DataInputStream(connection.getInputStream());
			OutputStream out = connection.getOutputStream();
			Map<String, String> headers = readHeaders(in);
			if ("websocket".equalsIgnoreCase(headers.getOrDefault("upgrade", ""))) {
				this.upgradeHeaders.clear();
				this.upgradeHeaders.putAll(headers);
				upgrade(headers, out);
				frames(in, out);
			}
			else {
				byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
				byte[] reply = this.httpScript.apply(new String(body, StandardCharsets.UTF_8))
					.getBytes(StandardCharsets.UTF_8);
				out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + reply.length
						+ "\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
				out.write(reply);
				out.flush();
			}
		}
		catch (Exception ex) {
			// connection ended
		}
	}

	private static Map<String, String> readHeaders(InputStream in) throws IOException {
		Map<String, String> headers = new ConcurrentHashMap<>();
		String line = readLine(in);
		while (!(line = readLine(in)).isEmpty()) {
			int colon = line.indexOf(':');
			headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
		}
		return headers;
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b < 0) {
				throw new IOException("EOF");
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.US_ASCII);
	}

	private static void upgrade(Map<String, String> headers, OutputStream out) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-1")
			.digest((headers.get("sec-websocket-key") + GUID).getBytes(StandardCharsets.US_ASCII));
		out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
				+ "Sec-WebSocket-Accept: " + Base64.getEncoder().encodeToString(digest) + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	private void frames(DataInputStream in, OutputStream out) throws IOException {
		while (true) {
			int opcode = in.readUnsignedByte() & 0x0F;
			int second = in.readUnsignedByte();
			long length = second & 0x7F;
			length = (length == 126) ? in.readUnsignedShort() : (length == 127) ? in.readLong() : length;
			byte[] mask = in.readNBytes(4);
			byte[] payload = in.readNBytes((int) length);
			for (int i = 0; i < payload.length; i++) {
				payload[i] ^= mask[i % 4];
			}
			if (opcode == 8) {
				send(out, 0x88, new byte[0]);
				return;
			}
			if (opcode == 1) {
				for (String reply : this.wsScript.apply(new String(payload, StandardCharsets.UTF_8))) {
					send(out, 0x81, reply.getBytes(StandardCharsets.UTF_8));
				}
			}
		}
	}

	private static synchronized void send(OutputStream out, int first, byte[] payload) throws IOException {
		out.write(first);
		if (payload.length < 126) {
			out.write(payload.length);
		}
		else {
			out.write(126);
			out.write(payload.length >>> 8);
			out.write(payload.length & 0xFF);
		}
		out.write(payload);
		out.flush();
	}

}
