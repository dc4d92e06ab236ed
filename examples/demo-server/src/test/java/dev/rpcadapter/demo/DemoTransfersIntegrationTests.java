package dev.rpcadapter.demo;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

import dev.rpcadapter.client.ExecuteOptions;
import dev.rpcadapter.client.RpcClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's file walkthrough: upload, checksum a TransferRef in a job, make_report's
 * artifact downloaded.
 */
class DemoTransfersIntegrationTests {

	private static final ExecuteOptions WAIT = ExecuteOptions.builder()
		.poll(Duration.ofMillis(50))
		.timeout(Duration.ofSeconds(30))
		.build();

	private ConfigurableApplicationContext server;

	private RpcClient client;

	@TempDir
	Path dir;

	@BeforeEach
	void start() {
		this.server = SpringApplication.run(DemoServerApplication.class, "--server.port=0",
				"--spring.main.banner-mode=off", "--logging.level.root=WARN",
				"--adapter.transfers.dir=" + this.dir.resolve("store"));
		int port = ((WebServerApplicationContext) this.server).getWebServer().getPort();
		this.client = RpcClient.builder(URI.create("http://127.0.0.1:" + port)).build();
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.server.close();
	}

	@Test
	void checksumHashesAnUploadedFile() throws Exception {
		byte[] data = new byte[3_000_000];
		new Random(9).nextBytes(data);
		Path file = Files.write(this.dir.resolve("input.bin"), data);
		String id = this.client.upload(file);
		JsonNode result = this.client.execute("checksum", Map.of("file", id), WAIT);
		assertThat(result.path("size").asLong()).isEqualTo(data.length);
		assertThat(result.path("sha256").asString())
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
	}

	@Test
	void makeReportPublishesADownloadableArtifact() throws Exception {
		JsonNode result = this.client.execute("make_report", Map.of("lines", 3), WAIT);
		Path report = this.dir.resolve("report.txt");
		this.client.download(result.path("transfer_id").asString(), report);
		assertThat(Files.readString(report)).isEqualTo("line 1 of 3\nline 2 of 3\nline 3 of 3\n");
	}

}
