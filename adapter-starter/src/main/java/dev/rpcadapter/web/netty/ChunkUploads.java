package dev.rpcadapter.web.netty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.jsonrpc.ErrorCodes;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.jsonrpc.JsonRpcError.ParamError;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import dev.rpcadapter.transfer.TransferSession;
import dev.rpcadapter.transfer.Transfers;
import dev.rpcadapter.web.AdapterHttpException;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.HttpServerRequest;

/**
 * {@code PUT .../{id}/chunks/{index}}: streams the body into the store as it arrives,
 * never holding more than the buffer Netty just read; the body must be exactly the
 * chunk's length.
 */
final class ChunkUploads {

	private final Transfers transfers;

	ChunkUploads(Transfers transfers) {
		this.transfers = transfers;
	}

	Mono<byte[]> upload(HttpServerRequest req, Caller caller) {
		String id = String.valueOf(req.param("id"));
		int index = index(req.param("index"));
		long declared = req.requestHeaders().getInt(HttpHeaderNames.CONTENT_LENGTH, -1);
		// the session lookup may hit the database: off the event loop
		return Mono.fromCallable(() -> this.transfers.chunkTarget(id, index, caller))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((session) -> receive(req, session, index, declared))
			.map((size) -> ("{\"transfer_id\":\"" + id + "\",\"index\":" + index + ",\"size\":" + size + "}")
				.getBytes(StandardCharsets.UTF_8));
	}

	private Mono<Long> receive(HttpServerRequest req, TransferSession session, int index, long declared) {
		long expected = session.chunkLength(index);
		if (declared > expected) {
			return Mono.error(tooLarge(expected));
		}
		if (declared >= 0 && declared != expected) {
			return Mono.error(wrongLength(index, expected, declared));
		}
		return Mono.using(() -> this.transfers.store().writer(session.id(), session.offset(index)),
				(channel) -> req.receive()
					.reduce(0L, (count, buf) -> write(channel, buf, count, expected))
					.defaultIfEmpty(0L)
					.flatMap((count) -> (count != expected) ? Mono.error(wrongLength(index, expected, count))
							: Mono.fromRunnable(() -> this.transfers.chunkWritten(session.id(), index))
								.subscribeOn(Schedulers.boundedElastic())
								.thenReturn(count)),
				ChunkUploads::close);
	}

	/**
	 * Writes one received buffer (page-cache writes, short enough for the event loop).
	 */
	private static long write(WritableByteChannel channel, ByteBuf buf, long count, long expected) {
		int length = buf.readableBytes();
		if (count + length > expected) {
			throw tooLarge(expected);
		}
		try {
			for (ByteBuffer part : buf.nioBuffers()) {
				while (part.hasRemaining()) {
					channel.write(part);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return count + length;
	}

	private static void close(WritableByteChannel channel) {
		try {
			channel.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int index(@Nullable String text) {
		try {
			return Integer.parseInt(String.valueOf(text));
		}
		catch (NumberFormatException ex) {
			throw new JsonRpcException(
					JsonRpcError.invalidParams(List.of(new ParamError("index", "must be an integer"))));
		}
	}

	private static AdapterHttpException tooLarge(long expected) {
		return new AdapterHttpException(413, JsonRpcError.of(ErrorCodes.INVALID_REQUEST,
				"Invalid Request: body larger than the chunk (" + expected + " bytes)"));
	}

	private static JsonRpcException wrongLength(int index, long expected, long actual) {
		return new JsonRpcException(JsonRpcError.invalidParams(List
			.of(new ParamError("data", "chunk " + index + " must be exactly " + expected + " bytes, got " + actual))));
	}

}
