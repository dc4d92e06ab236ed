package dev.rpcadapter.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.BiFunction;

import tools.jackson.databind.JsonNode;

/**
 * Uploads (begin, {@code PUT} of the missing chunks, complete) and downloads ({@code GET}
 * with a {@code Range} from the end of a partial file, then a SHA-256 check) through the
 * raw transfer endpoints. Holds one chunk in memory at a time.
 */
final class FileTransfers {

	static final String PATH = "/api/transfers";

	private static final int ATTEMPTS = 3;

	private final HttpClient http;

	private final HttpJsonExchange exchange;

	private final Map<String, String> headers;

	private final java.util.function.Function<String, URI> endpoint;

	private final BiFunction<String, Object, JsonNode> call;

	FileTransfers(HttpClient http, HttpJsonExchange exchange, Map<String, String> headers,
			java.util.function.Function<String, URI> endpoint, BiFunction<String, Object, JsonNode> call) {
		this.http = http;
		this.exchange = exchange;
		this.headers = headers;
		this.endpoint = endpoint;
		this.call = call;
	}

	String upload(Path file) {
		try {
			JsonNode begun = this.call.apply("transfer_upload_begin",
					Map.of("name", file.getFileName().toString(), "size", Files.size(file), "sha256", sha256(file)));
			return resume(begun.path("transfer_id").asString(), file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Uploads the chunks the server lacks, then completes the upload. */
	String resume(String id, Path file) {
		JsonNode status = this.call.apply("transfer_upload_status", Map.of("transfer_id", id));
		int chunkSize = status.path("chunk_size").asInt();
		ByteBuffer buffer = ByteBuffer.allocate(chunkSize);
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			for (JsonNode missing : status.path("missing")) {
				int index = missing.asInt();
				buffer.clear();
				channel.read(buffer, (long) index * chunkSize);
				while (buffer.hasRemaining()
						&& channel.read(buffer, (long) index * chunkSize + buffer.position()) > 0) {
					// fill up to the chunk or the end of the file
				}
				put(id, index, buffer.flip());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.call.apply("transfer_upload_complete", Map.of("transfer_id", id));
		return id;
	}

	private void put(String id, int index, ByteBuffer chunk) {
		URI target = this.endpoint.apply(PATH + "/" + id + "/chunks/" + index);
		byte[] body = new byte[chunk.remaining()];
		chunk.get(body);
		HttpRequest.Builder request = HttpRequest.newBuilder(target)
			.PUT(HttpRequest.BodyPublishers.ofByteArray(body))
			.header("Content-Type", "application/octet-stream");
		this.headers.forEach(request::header);
		for (int attempt = 1;; attempt++) {
			try {
				this.exchange.read(this.http.send(request.build(), HttpResponse.BodyHandlers.ofString()), target);
				return;
			}
			catch (IOException ex) {
				if (attempt == ATTEMPTS) {
					throw new TransferInterruptedException(id,
							"Upload of " + id + " stopped at chunk " + index + " (resume with resumeUpload): " + ex,
							ex);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new TransferInterruptedException(id, "Upload of " + id + " interrupted", ex);
			}
		}
	}

	/**
	 * Downloads into {@code file}, continuing a partial file; the SHA-256 is checked at
	 * the end.
	 */
	void download(String id, Path file) {
		JsonNode info = this.call.apply("transfer_download_begin", Map.of("transfer_id", id));
		long size = info.path("size").asLong();
		String sha = info.path("sha256").asString();
		try {
			long have = Files.exists(file) ? Files.size(file) : 0;
			if (have > size || (have == size && !sha.equals(sha256(file)))) {
				Files.delete(file);
				have = 0;
			}
			if (have < size) {
				fetch(id, file, have);
			}
			String actual = sha256(file);
			if (!actual.equals(sha)) {
				Files.delete(file);
				throw new RpcProtocolException("Download of " + id + " has SHA-256 " + actual + ", expected " + sha);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void fetch(String id, Path file, long from) throws IOException {
		URI target = this.endpoint.apply(PATH + "/" + id);
		HttpRequest.Builder request = HttpRequest.newBuilder(target).GET();
		if (from > 0) {
			request.header("Range", "bytes=" + from + "-");
		}
		this.headers.forEach(request::header);
		HttpResponse<String> response;
		try {
			response = this.http.send(request.build(),
					(info) -> (info.statusCode() == 200 || info.statusCode() == 206)
							? HttpResponse.BodySubscribers.mapping(
									HttpResponse.BodySubscribers.ofFile(file, options(info.statusCode())), (path) -> "")
							: HttpResponse.BodySubscribers.ofString(java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new TransferInterruptedException(id,
					"Download of " + id + " stopped (call download again to resume): " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TransferInterruptedException(id, "Download of " + id + " interrupted", ex);
		}
		if (response.statusCode() != 200 && response.statusCode() != 206) {
			this.exchange.read(response, target);
		}
	}

	private static StandardOpenOption[] options(int status) {
		return (status == 206)
				? new StandardOpenOption[] { StandardOpenOption.CREATE, StandardOpenOption.WRITE,
						StandardOpenOption.APPEND }
				: new StandardOpenOption[] { StandardOpenOption.CREATE, StandardOpenOption.WRITE,
						StandardOpenOption.TRUNCATE_EXISTING };
	}

	static String sha256(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[1 << 16];
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				digest.update(buffer, 0, n);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
