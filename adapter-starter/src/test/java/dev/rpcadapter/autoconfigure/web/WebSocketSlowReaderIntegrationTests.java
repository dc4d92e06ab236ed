package dev.rpcadapter.autoconfigure.web;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code /ws} client that sends but does not read: past
 * {@code adapter.websocket.max-queued-frames} waiting answers the server closes the
 * connection with 1008 instead of buffering without bound. The client is a raw socket
 * (the JDK client reads ahead on its own), so what it leaves unread stays unread until
 * the test decides to read.
 */
@SpringBootTest(classes = ConformanceTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "adapter.websocket.max-queued-frames=8")
class WebSocketSlowReaderIntegrationTests {

	private static final int MESSAGES = 3000;

	@LocalServerPort
	int port;

	@Test
	void aClientThatStopsReadingIsClosedWith1008AndItsAnswersAreDropped() throws IOException {
		try (Socket socket = new Socket()) {
			socket.setReceiveBufferSize(4096);
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			DataInputStream in = new DataInputStream(socket.getInputStream());
			upgrade(out, in);
			String padding = "x".repeat(8 * 1024);
			for (int id = 1; id <= MESSAGES; id++) {
				writeTextFrame(out, "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{\"message\":\"" + padding
						+ "\"},\"id\":" + id + "}");
			}

			int answers = 0;
			while (true) {
				int first = in.readUnsignedByte();
				byte[] payload = readPayload(in);
				int opcode = first & 0x0F;
				if (opcode == 0x8) {
					int status = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
					String reason = new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
					assertThat(status).isEqualTo(1008);
					assertThat(reason).contains("too slow").contains("8 answers and events");
					break;
				}
				assertThat(opcode).as("a text frame").isEqualTo(0x1);
				answers++;
			}
			assertThat(answers).as("answers delivered before the close").isLessThan(MESSAGES);
		}
	}

	private void upgrade(OutputStream out, DataInputStream in) throws IOException {
		out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + this.port + "\r\nUpgrade: websocket\r\n"
				+ "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		out.flush();
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
			head.write(in.readUnsignedByte());
		}
		assertThat(head.toString(StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 101");
	}

	/** A masked text frame, as a client must send. */
	private static void writeTextFrame(OutputStream out, String text) throws IOException {
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
		frame.write(0x81);
		if (payload.length < 126) {
			frame.write(0x80 | payload.length);
		}
		else {
			frame.write(0x80 | 126);
			frame.write(payload.length >>> 8);
			frame.write(payload.length & 0xFF);
		}
		byte[] mask = new byte[4];
		ThreadLocalRandom.current().nextBytes(mask);
		frame.write(mask);
		for (int i = 0; i < payload.length; i++) {
			frame.write(payload[i] ^ mask[i % 4]);
		}
		frame.writeTo(out);
	}

	/** The payload of a server frame (unmasked), after its first byte. */
	private static byte[] readPayload(DataInputStream in) throws IOException {
		int length = in.readUnsignedByte() & 0x7F;
		long size = (length == 126) ? in.readUnsignedShort() : (length == 127) ? in.readLong() : length;
		byte[] payload = new byte[Math.toIntExact(size)];
		in.readFully(payload);
		return payload;
	}

}
