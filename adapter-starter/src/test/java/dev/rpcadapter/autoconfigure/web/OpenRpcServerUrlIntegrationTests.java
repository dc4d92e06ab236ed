package dev.rpcadapter.autoconfigure.web;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static dev.rpcadapter.autoconfigure.web.TestHttp.mapper;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code servers[0].url} of {@code /openrpc.json} and {@code rpc.discover} is absolute:
 * the scheme and host the client used, with forwarded headers where Boot honours them
 * (native strategy).
 */
@SpringBootTest(classes = ConformanceTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.forward-headers-strategy=native", "spring.main.banner-mode=off" })
class OpenRpcServerUrlIntegrationTests {

	@LocalServerPort
	int port;

	/** One HTTP/1.1 exchange over a socket, so the Host header is the test's own. */
	private JsonNode exchange(String method, String path, String headers, String body) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			byte[] content = body.getBytes(StandardCharsets.UTF_8);
			String head = method + " " + path + " HTTP/1.1\r\n" + headers + "Connection: close\r\n"
					+ (content.length > 0
							? "Content-Type: application/json\r\nContent-Length: " + content.length + "\r\n" : "")
					+ "\r\n";
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.write(content);
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			in.transferTo(response);
			String text = response.toString(StandardCharsets.UTF_8);
			assertThat(text).startsWith("HTTP/1.1 200");
			return mapper.readTree(text.substring(text.indexOf("\r\n\r\n") + 4));
		}
	}

	private String openRpcUrl(String headers) throws Exception {
		return exchange("GET", "/openrpc.json", headers, "").at("/servers/0/url").asString();
	}

	private String discoverUrl(String headers) throws Exception {
		return exchange("POST", "/api/jsonrpc", headers, "{\"jsonrpc\":\"2.0\",\"method\":\"rpc.discover\",\"id\":1}")
			.at("/result/servers/0/url")
			.asString();
	}

	@Test
	void serverUrlIsTheHostTheClientUsed() throws Exception {
		assertThat(openRpcUrl("Host: 127.0.0.1:" + this.port + "\r\n"))
			.isEqualTo("http://127.0.0.1:" + this.port + "/api/jsonrpc");
		assertThat(openRpcUrl("Host: api.example.com:9000\r\n")).isEqualTo("http://api.example.com:9000/api/jsonrpc");
		assertThat(discoverUrl("Host: api.example.com:9000\r\n")).isEqualTo("http://api.example.com:9000/api/jsonrpc");
	}

	@Test
	void forwardedHeadersGiveTheGatewayUrl() throws Exception {
		String forwarded = "Host: 10.0.0.5:" + this.port
				+ "\r\nX-Forwarded-Proto: https\r\nX-Forwarded-Host: gw.example.com\r\n"
				+ "X-Forwarded-Prefix: /svc\r\n";
		assertThat(openRpcUrl(forwarded)).isEqualTo("https://gw.example.com/svc/api/jsonrpc");
		assertThat(discoverUrl(forwarded)).isEqualTo("https://gw.example.com/svc/api/jsonrpc");
		assertThat(openRpcUrl("Host: x\r\nForwarded: proto=https;host=rfc.example.com:8443\r\n"))
			.isEqualTo("https://rfc.example.com:8443/api/jsonrpc");
	}

	@Test
	void documentsForManyHostsStayCorrect() throws Exception {
		for (int i = 0; i < 300; i++) {
			assertThat(openRpcUrl("Host: h" + i + ".example.com\r\n"))
				.isEqualTo("http://h" + i + ".example.com/api/jsonrpc");
		}
	}

}
