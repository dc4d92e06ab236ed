package dev.rpcadapter.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link RpcClient#upload}, {@link RpcClient#resumeUpload} and {@link RpcClient#download}
 * against a real server.
 */
class RpcClientTransferIntegrationTests {

	private static TestServer server;

	private static RpcClient client;

	@TempDir
	Path dir;

	@BeforeAll
	static void start() {
		server = TestServer.start(Map.of("adapter.transfers.enabled", "true", "adapter.transfers.chunk-size", "64KB"));
		client = RpcClient.builder(server.httpUrl()).build();
	}

	@AfterAll
	static void stop() {
		client.close();
		server.close();
	}

	private Path file(String name, int size, long seed) throws Exception {
		byte[] data = new byte[size];
		new Random(seed).nextBytes(data);
		return Files.write(this.dir.resolve(name), data);
	}

	@Test
	void uploadThenDownloadGivesTheSameBytes() throws Exception {
		Path source = file("source.bin", 300_000, 1);
		String id = client.upload(source);
		JsonNode info = client.call("transfer_download_begin", Map.of("transfer_id", id));
		assertThat(info.path("chunks").asInt()).isEqualTo(5);
		assertThat(info.path("name").asString()).isEqualTo("source.bin");
		Path target = this.dir.resolve("copy.bin");
		client.download(id, target);
		assertThat(Files.readAllBytes(target)).isEqualTo(Files.readAllBytes(source));
	}

	@Test
	void resumeUploadSendsTheMissingChunksAndCompletes() throws Exception {
		Path source = file("resume.bin", 200_000, 2);
		byte[] data = Files.readAllBytes(source);
		String id = client.call("transfer_upload_begin", Map.of("name", "resume.bin", "size", data.length))
			.path("transfer_id")
			.asString();
		String chunk1 = Base64.getEncoder().encodeToString(Arrays.copyOfRange(data, 65536, 131072));
		client.call("transfer_upload_chunk", Map.of("transfer_id", id, "index", 1, "data", chunk1));
		assertThat(client.call("transfer_upload_status", Map.of("transfer_id", id)).path("missing").toString())
			.isEqualTo("[0,2,3]");
		assertThat(client.resumeUpload(id, source)).isEqualTo(id);
		JsonNode status = client.call("transfer_upload_status", Map.of("transfer_id", id));
		assertThat(status.path("status").asString()).isEqualTo("completed");
		Path target = this.dir.resolve("resumed.bin");
		client.download(id, target);
		assertThat(Files.readAllBytes(target)).isEqualTo(data);
	}

	@Test
	void downloadContinuesAPartialFileWithARangeRequest() throws Exception {
		Path source = file("partial.bin", 150_000, 3);
		byte[] data = Files.readAllBytes(source);
		String id = client.upload(source);
		Path target = Files.write(this.dir.resolve("partial-copy.bin"), Arrays.copyOfRange(data, 0, 70_000));
		client.download(id, target);
		assertThat(Files.readAllBytes(target)).isEqualTo(data);
		Files.write(target, new byte[70_000]);
		assertThatExceptionOfType(RpcProtocolException.class).isThrownBy(() -> client.download(id, target))
			.withMessageContaining("SHA-256");
		assertThat(target).doesNotExist();
		client.download(id, target);
		assertThat(Files.readAllBytes(target)).isEqualTo(data);
	}

	@Test
	void anUnknownTransferIsAnInvalidParamsError() {
		assertThatExceptionOfType(InvalidParamsException.class)
			.isThrownBy(() -> client.download("00000000-0000-0000-0000-000000000000", this.dir.resolve("x")));
	}

}
