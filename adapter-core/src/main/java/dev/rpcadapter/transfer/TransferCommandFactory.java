package dev.rpcadapter.transfer;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;

import dev.rpcadapter.command.Command;
import dev.rpcadapter.command.CommandDescriptor;
import dev.rpcadapter.command.CommandHandler;
import dev.rpcadapter.command.PreparedCall;
import dev.rpcadapter.support.StrictParams;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static dev.rpcadapter.transfer.TransferSchemas.index;
import static dev.rpcadapter.transfer.TransferSchemas.integer;
import static dev.rpcadapter.transfer.TransferSchemas.params;
import static dev.rpcadapter.transfer.TransferSchemas.string;
import static dev.rpcadapter.transfer.TransferSchemas.transferId;

/** Builds the {@code transfer_*} commands over a {@link Transfers}. */
final class TransferCommandFactory {

	private static final String[] ID = { "transfer_id" };

	private static final ObjectNode BEGIN = params(new String[] { "name", "size" },
			string("name", "The file name (directories are dropped)"), integer("size", "The size in bytes", 0),
			string("sha256", "The SHA-256 of the whole file (hex); checked by transfer_upload_complete"),
			integer("chunk_size", "Bytes per chunk (default adapter.transfers.chunk-size)", 1));

	private static final ObjectNode CHUNK = params(new String[] { "transfer_id", "index", "data" }, transferId(),
			index(), string("data", "The chunk's bytes, base64").put("contentEncoding", "base64"));

	private static final ObjectNode ID_ONLY = params(ID, transferId());

	private static final ObjectNode DOWNLOAD_CHUNK = params(new String[] { "transfer_id", "index" }, transferId(),
			index());

	private final Transfers transfers;

	public TransferCommandFactory(Transfers transfers) {
		this.transfers = transfers;
	}

	public List<Command> commands() {
		return List
			.of(command("transfer_upload_begin", "Begins a chunked upload; returns the transfer id, chunk size and "
					+ "chunk count. Send chunks with transfer_upload_chunk or PUT /api/transfers/{id}/chunks/{index}",
					BEGIN, this::begin),
					command("transfer_upload_chunk",
							"Uploads one chunk (base64); chunks may come in any order and again", CHUNK, this::chunk),
					command("transfer_upload_status",
							"Which chunks arrived and which are missing (to resume an upload)", ID_ONLY, this::status),
					command("transfer_upload_complete",
							"Checks that every chunk arrived and the SHA-256 matches, then "
									+ "completes the upload so commands can take it",
							ID_ONLY, this::complete),
					command("transfer_download_begin",
							"Size, SHA-256 and chunking of a completed transfer; fetch it with "
									+ "transfer_download_chunk or GET /api/transfers/{id} (Range supported)",
							ID_ONLY, this::downloadBegin),
					command("transfer_download_chunk", "One chunk of a completed transfer, base64", DOWNLOAD_CHUNK,
							this::downloadChunk));
	}

	private static Command command(String name, String description, ObjectNode params, CommandHandler handler) {
		CommandDescriptor descriptor = CommandDescriptor.builder(name)
			.description(description)
			.paramsSchema(params.deepCopy())
			.resultSchema(TransferSchemas.result("The transfer's state"))
			.acceptsExtraParams(false)
			.source("adapter-core transfers")
			.build();
		return new Command(descriptor, handler);
	}

	private PreparedCall begin(@Nullable JsonNode params) {
		StrictParams reader = StrictParams.forSchema(params, BEGIN);
		String name = reader.requiredString("name");
		long size = reader.requiredLong("size", 0, Long.MAX_VALUE);
		String sha = reader.optionalString("sha256");
		Long chunk = reader.optionalLong("chunk_size", 1, Integer.MAX_VALUE);
		reader.validate();
		return (caller, job) -> blocking(() -> {
			TransferSession session = this.transfers.begin(caller, name, size, sha,
					(chunk != null) ? chunk.intValue() : null);
			return TransferJson.begun(session);
		});
	}

	private PreparedCall chunk(@Nullable JsonNode params) {
		StrictParams reader = StrictParams.forSchema(params, CHUNK);
		String id = reader.requiredString("transfer_id");
		int index = (int) reader.requiredLong("index", 0, Integer.MAX_VALUE);
		byte[] data = decode(reader, reader.requiredString("data"));
		reader.validate();
		return (caller, job) -> blocking(() -> {
			this.transfers.writeChunk(id, index, ByteBuffer.wrap(data), caller);
			return JsonNodeFactory.instance.objectNode()
				.put("transfer_id", id)
				.put("index", index)
				.put("size", data.length);
		});
	}

	private static byte[] decode(StrictParams reader, String data) {
		try {
			return Base64.getDecoder().decode(data);
		}
		catch (IllegalArgumentException ex) {
			reader.reject("data", "must be base64");
			return new byte[0];
		}
	}

	private PreparedCall status(@Nullable JsonNode params) {
		String id = id(params);
		return (caller, job) -> blocking(() -> {
			TransferSession session = this.transfers.session(id, caller);
			return TransferJson.status(session, this.transfers.received(id, caller));
		});
	}

	private PreparedCall complete(@Nullable JsonNode params) {
		String id = id(params);
		return (caller, job) -> blocking(() -> TransferJson.download(this.transfers.complete(id, caller)));
	}

	private PreparedCall downloadBegin(@Nullable JsonNode params) {
		String id = id(params);
		return (caller, job) -> blocking(() -> {
			this.transfers.resolve(id, caller);
			return TransferJson.download(this.transfers.session(id, caller));
		});
	}

	private PreparedCall downloadChunk(@Nullable JsonNode params) {
		StrictParams reader = StrictParams.forSchema(params, DOWNLOAD_CHUNK);
		String id = reader.requiredString("transfer_id");
		int index = (int) reader.requiredLong("index", 0, Integer.MAX_VALUE);
		reader.validate();
		return (caller, job) -> blocking(() -> {
			ByteBuffer bytes = this.transfers.readChunk(id, index, caller);
			byte[] encoded = Base64.getEncoder().encode(bytes).array();
			return JsonNodeFactory.instance.objectNode()
				.put("transfer_id", id)
				.put("index", index)
				.put("size", bytes.limit())
				.put("data", new String(encoded, java.nio.charset.StandardCharsets.US_ASCII));
		});
	}

	private static String id(@Nullable JsonNode params) {
		StrictParams reader = StrictParams.forSchema(params, ID_ONLY);
		String id = reader.requiredString("transfer_id");
		reader.validate();
		return id;
	}

	private static Mono<Object> blocking(Callable<Object> work) {
		return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
	}

}
