package dev.rpcadapter.autoconfigure.transfer;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.rpcadapter.test.WebSocketFrames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads, resume, verification, downloads with ranges, TransferRef params and artifacts,
 * over real HTTP and WebSocket. Runs on the memory store here and on PostgreSQL in a
 * subclass.
 */
class TransferIntegrationTests {

	private static final Map<String, TransferServer> servers = new java.util.HashMap<>();

	/** The server of this class (started once per class). */
	TransferServer server() {
		return servers.computeIfAbsent(getClass().getName(), (name) -> TransferServer.start(properties()));
	}

	Map<String, Object> properties() {
		return Map.of("adapter.transfers.max-size", "1MB", "adapter.transfers.store", "memory");
	}

	@AfterAll
	static void stop() {
		servers.values().forEach(TransferServer::close);
		servers.clear();
	}

	static byte[] random(int size, long seed) {
		byte[] data = new byte[size];
		new Random(seed).nextBytes(data);
		return data;
	}

	/**
	 * Begins an upload of {@code data} in chunks of {@code chunk} bytes; returns the
	 * transfer id.
	 */
	String begin(byte[] data, int chunk, String sha) {
		JsonNode begun = server().result("transfer_upload_begin",
				Map.of("name", "data.bin", "size", data.length, "sha256", sha, "chunk_size", chunk));
		assertThat(begun.path("chunk_size").asInt()).isEqualTo(chunk);
		assertThat(begun.path("chunks").asInt()).isEqualTo(Math.max(1, (data.length + chunk - 1) / chunk));
		return begun.path("transfer_id").asString();
	}

	HttpResponse<String> put(String id, int index, byte[] data, int chunk) {
		int from = index * chunk;
		byte[] part = java.util.Arrays.copyOfRange(data, from, Math.min(data.length, from + chunk));
		return server().put("/api/transfers/" + id + "/chunks/" + index, part);
	}

	/** Uploads all of {@code data} with PUT and completes it; returns the transfer id. */
	String upload(byte[] data, int chunk) {
		String id = begin(data, chunk, TransferServer.sha256(data));
		for (int i = 0; i * chunk < Math.max(1, data.length); i++) {
			assertThat(put(id, i, data, chunk).statusCode()).isEqualTo(200);
		}
		server().result("transfer_upload_complete", Map.of("transfer_id", id));
		return id;
	}

	@Test
	void chunksOverJsonAndPutMakeAVerifiedUploadThatDownloadsWholeAndByChunk() {
		byte[] data = random(2500, 1);
		String id = begin(data, 1000, TransferServer.sha256(data));
		String first = Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(data, 0, 1000));
		server().result("transfer_upload_chunk", Map.of("transfer_id", id, "index", 0, "data", first));
		HttpResponse<String> put = put(id, 1, data, 1000);
		assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
		assertThat(TransferServer.JSON.readTree(put.body()).path("size").asInt()).isEqualTo(1000);
		assertThat(put(id, 2, data, 1000).statusCode()).isEqualTo(200);
		JsonNode completed = server().result("transfer_upload_complete", Map.of("transfer_id", id));
		assertThat(completed.path("status").asString()).isEqualTo("completed");
		assertThat(completed.path("sha256").asString()).isEqualTo(TransferServer.sha256(data));
		JsonNode download = server().result("transfer_download_begin", Map.of("transfer_id", id));
		assertThat(download.path("size").asLong()).isEqualTo(2500);
		assertThat(download.path("chunks").asInt()).isEqualTo(3);
		JsonNode last = server().result("transfer_download_chunk", Map.of("transfer_id", id, "index", 2));
		assertThat(Base64.getDecoder().decode(last.path("data").asString()))
			.isEqualTo(java.util.Arrays.copyOfRange(data, 2000, 2500));
		HttpResponse<byte[]> whole = server().get("/api/transfers/" + id);
		assertThat(whole.statusCode()).isEqualTo(200);
		assertThat(whole.body()).isEqualTo(data);
		assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
		assertThat(whole.headers().firstValue("Content-Disposition").orElseThrow()).contains("filename=\"data.bin\"");
	}

	@Test
	void anInterruptedUploadTellsWhichChunksAreMissingAndResumes() {
		byte[] data = random(3000, 2);
		String id = begin(data, 1000, TransferServer.sha256(data));
		put(id, 0, data, 1000);
		put(id, 2, data, 1000);
		JsonNode status = server().result("transfer_upload_status", Map.of("transfer_id", id));
		assertThat(status.path("status").asString()).isEqualTo("uploading");
		assertThat(status.path("missing").toString()).isEqualTo("[1]");
		JsonNode early = server().error("transfer_upload_complete", Map.of("transfer_id", id));
		assertThat(early.path("code").asInt()).isEqualTo(-32602);
		assertThat(early.path("data").path("missing").toString()).isEqualTo("[1]");
		put(id, 1, data, 1000);
		assertThat(server().result("transfer_upload_complete", Map.of("transfer_id", id)).path("sha256").asString())
			.isEqualTo(TransferServer.sha256(data));
	}

	@Test
	void aChunkCutOffMidBodyIsNotCountedAndCanBeSentAgain() throws Exception {
		byte[] data = random(2000, 12);
		String id = begin(data, 1000, TransferServer.sha256(data));
		try (java.net.Socket socket = new java.net.Socket(server().uri("/").getHost(), server().uri("/").getPort())) {
			String head = "PUT /api/transfers/" + id
					+ "/chunks/0 HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n\r\n";
			socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			socket.getOutputStream().write(data, 0, 500);
			socket.getOutputStream().flush();
		}
		put(id, 1, data, 1000);
		assertThat(server().result("transfer_upload_status", Map.of("transfer_id", id)).path("missing").toString())
			.isEqualTo("[0]");
		assertThat(put(id, 0, data, 1000).statusCode()).isEqualTo(200);
		server().result("transfer_upload_complete", Map.of("transfer_id", id));
		assertThat(server().get("/api/transfers/" + id).body()).isEqualTo(data);
	}

	@Test
	void aChecksumMismatchIsRefusedAndTheUploadStaysOpen() {
		byte[] data = random(100, 3);
		String declared = TransferServer.sha256(random(100, 4));
		String id = begin(data, 100, declared);
		put(id, 0, data, 100);
		JsonNode error = server().error("transfer_upload_complete", Map.of("transfer_id", id));
		assertThat(error.path("code").asInt()).isEqualTo(-32000);
		assertThat(error.path("message").asString()).contains("sha256 mismatch");
		assertThat(error.path("data").path("expected").asString()).isEqualTo(declared);
		assertThat(error.path("data").path("actual").asString()).isEqualTo(TransferServer.sha256(data));
		assertThat(server().result("transfer_upload_status", Map.of("transfer_id", id)).path("status").asString())
			.isEqualTo("uploading");
		assertThat(server().get("/api/transfers/" + id).statusCode()).isEqualTo(400);
	}

	@Test
	void uploadsOverTheSizeCapAreRefusedAtBegin() {
		JsonNode error = server().error("transfer_upload_begin", Map.of("name", "big.bin", "size", 2_000_000));
		assertThat(error.path("code").asInt()).isEqualTo(-32602);
		assertThat(error.path("data").path("errors").get(0).path("param").asString()).isEqualTo("size");
	}

	@Test
	void chunkBodiesMustHaveTheChunksExactLength() {
		byte[] data = random(1500, 5);
		String id = begin(data, 1000, TransferServer.sha256(data));
		HttpResponse<String> tooLong = server().put("/api/transfers/" + id + "/chunks/0", new byte[1001]);
		assertThat(tooLong.statusCode()).isEqualTo(413);
		assertThat(TransferServer.JSON.readTree(tooLong.body()).path("error").path("code").asInt()).isEqualTo(-32600);
		HttpResponse<String> tooShort = server().put("/api/transfers/" + id + "/chunks/1", new byte[499]);
		assertThat(tooShort.statusCode()).isEqualTo(400);
		assertThat(server().put("/api/transfers/" + id + "/chunks/2", new byte[1]).statusCode()).isEqualTo(400);
		HttpResponse<String> unknown = server().put("/api/transfers/00000000-0000-0000-0000-000000000000/chunks/0",
				new byte[1]);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(server().result("transfer_upload_status", Map.of("transfer_id", id)).path("missing").toString())
			.isEqualTo("[0,1]");
	}

	@Test
	void rangesFollowRfc9110() {
		byte[] data = random(1000, 6);
		String id = upload(data, 400);
		String path = "/api/transfers/" + id;
		HttpResponse<byte[]> head = server().get(path, "Range", "bytes=0-9");
		assertThat(head.statusCode()).isEqualTo(206);
		assertThat(head.body()).isEqualTo(java.util.Arrays.copyOfRange(data, 0, 10));
		assertThat(head.headers().firstValue("Content-Range")).hasValue("bytes 0-9/1000");
		HttpResponse<byte[]> suffix = server().get(path, "Range", "bytes=-5");
		assertThat(suffix.body()).isEqualTo(java.util.Arrays.copyOfRange(data, 995, 1000));
		HttpResponse<byte[]> open = server().get(path, "Range", "bytes=990-");
		assertThat(open.headers().firstValue("Content-Range")).hasValue("bytes 990-999/1000");
		assertThat(open.body()).hasSize(10);
		HttpResponse<byte[]> beyond = server().get(path, "Range", "bytes=995-5000");
		assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes 995-999/1000");
		HttpResponse<byte[]> unsatisfiable = server().get(path, "Range", "bytes=1000-");
		assertThat(unsatisfiable.statusCode()).isEqualTo(416);
		assertThat(unsatisfiable.headers().firstValue("Content-Range")).hasValue("bytes */1000");
		HttpResponse<byte[]> several = server().get(path, "Range", "bytes=0-1,5-6");
		assertThat(several.statusCode()).isEqualTo(200);
		assertThat(several.body()).isEqualTo(data);
		assertThat(server().get(path, "Range", "bytes=9-2").statusCode()).isEqualTo(200);
	}

	@Test
	void aQueuedCommandReceivesTheUploadAsATransferRef() {
		byte[] data = random(5000, 7);
		String id = upload(data, 2048);
		String jobId = server().result("t_checksum", Map.of("file", id)).path("job_id").asString();
		JsonNode job = server().awaitFinished(jobId);
		assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("completed");
		assertThat(job.path("result").path("sha256").asString()).isEqualTo(TransferServer.sha256(data));
		assertThat(job.path("result").path("size").asLong()).isEqualTo(5000);
		assertThat(job.path("result").path("path_exists").asBoolean()).isTrue();
		assertThat(server().result("t_size", Map.of("file", id)).asLong()).isEqualTo(5000);
	}

	@Test
	void anUnknownOrUnfinishedTransferIsAnInvalidParam() {
		JsonNode error = server().error("t_size", Map.of("file", "00000000-0000-0000-0000-000000000000"));
		assertThat(error.path("code").asInt()).isEqualTo(-32602);
		assertThat(error.path("data").path("errors").get(0).path("param").asString()).isEqualTo("file");
		byte[] data = random(10, 8);
		String open = begin(data, 10, TransferServer.sha256(data));
		JsonNode unfinished = server().error("t_size", Map.of("file", open));
		assertThat(unfinished.path("data").path("errors").get(0).path("message").asString()).contains("not completed");
		assertThat(server().error("t_size", Map.of("file", 42)).path("code").asInt()).isEqualTo(-32602);
		String jobId = server().result("t_checksum", Map.of("file", open)).path("job_id").asString();
		JsonNode job = server().awaitFinished(jobId);
		assertThat(job.path("status").asString()).isEqualTo("failed");
		assertThat(job.path("error").path("code").asInt()).isEqualTo(-32602);
	}

	@Test
	void aTransferRefParamIsPublishedAsAStringWithAFormat() {
		JsonNode commands = TransferServer.JSON
			.readTree(TransferServer.send(server().request("/commands").GET()).body());
		JsonNode file = commands.path("t_checksum").path("schema").path("properties").path("file");
		assertThat(file.path("type").asString()).isEqualTo("string");
		assertThat(file.path("format").asString()).isEqualTo("transfer-id");
		assertThat(commands.has("transfer_upload_begin")).isTrue();
	}

	@Test
	void aJobsArtifactIsAnnouncedOnWebSocketAndListedInItsStatus() throws InterruptedException {
		try (WebSocketFrames ws = WebSocketFrames.open(server().uri("/ws"))) {
			ws.send(Map.of("jsonrpc", "2.0", "method", "t_report", "params", Map.of("lines", 3), "id", 1));
			List<JsonNode> frames = ws.untilJobEnds();
			JsonNode accepted = frames.stream().filter((f) -> f.has("result")).findFirst().orElseThrow();
			String jobId = accepted.path("result").path("job_id").asString();
			JsonNode ready = frames.stream()
				.filter((f) -> f.path("event").asString().equals("artifact_ready"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no artifact_ready in " + frames));
			assertThat(ready.path("job_id").asString()).isEqualTo(jobId);
			assertThat(ready.path("artifact").path("name").asString()).isEqualTo("report.txt");
			assertThat(frames.indexOf(ready)).isLessThan(frames.size() - 1);
			JsonNode status = server().result("queue_get_job_status", Map.of("job_id", jobId));
			JsonNode artifact = status.path("artifacts").get(0);
			String transferId = artifact.path("transfer_id").asString();
			assertThat(transferId).isEqualTo(status.path("result").path("transfer_id").asString());
			byte[] content = server().get("/api/transfers/" + transferId).body();
			assertThat(new String(content)).isEqualTo("line 1\nline 2\nline 3\n");
			assertThat(artifact.path("size").asLong()).isEqualTo(content.length);
			assertThat(artifact.path("sha256").asString()).isEqualTo(TransferServer.sha256(content));
		}
	}

	@Test
	void anEmptyFileUploadsAndDownloads() {
		String id = upload(new byte[0], 1000);
		HttpResponse<byte[]> whole = server().get("/api/transfers/" + id);
		assertThat(whole.statusCode()).isEqualTo(200);
		assertThat(whole.body()).isEmpty();
		assertThat(server().get("/api/transfers/" + id, "Range", "bytes=0-").statusCode()).isEqualTo(416);
	}

}
