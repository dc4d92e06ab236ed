package dev.rpcadapter.web.netty;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.jsonrpc.ErrorCodes;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.transfer.TransferRef;
import dev.rpcadapter.transfer.Transfers;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import dev.rpcadapter.web.AdapterHttpException;
import dev.rpcadapter.web.AdapterResponse;

/**
 * {@code GET .../{id}}: a completed transfer, whole (200) or one byte range (206; 416
 * when the range lies beyond the end). A local file is sent with Netty's file transfer
 * (zero-copy without TLS, chunked reads under TLS); nothing is loaded into memory whole.
 */
final class Downloads {

	private static final byte[] NO_BODY = new byte[0];

	/** The answer once the content was sent by {@link #download}. */
	static final AdapterResponse SENT = new AdapterResponse(200, "", NO_BODY, Map.of());

	private final Transfers transfers;

	Downloads(Transfers transfers) {
		this.transfers = transfers;
	}

	Mono<AdapterResponse> download(HttpServerRequest req, HttpServerResponse res, Caller caller,
			Function<AdapterResponse, Map<String, String>> headers) {
		String id = String.valueOf(req.param("id"));
		String rangeHeader = req.requestHeaders().get(HttpHeaderNames.RANGE);
		return NettyAdapterRoutes.drain(req)
			.then(Mono.fromCallable(() -> this.transfers.resolve(id, caller)).subscribeOn(Schedulers.boundedElastic()))
			.flatMap((ref) -> send(res, ref, ByteRange.parse(rangeHeader, ref.size()), headers));
	}

	private Mono<AdapterResponse> send(HttpServerResponse res, TransferRef ref, @Nullable ByteRange range,
			Function<AdapterResponse, Map<String, String>> headers) {
		if (range == ByteRange.UNSATISFIABLE) {
			throw new AdapterHttpException(416,
					JsonRpcError.of(ErrorCodes.INVALID_REQUEST,
							"Invalid Request: range not satisfiable (size " + ref.size() + ")"),
					Map.of("Content-Range", "bytes */" + ref.size()));
		}
		ByteRange part = (range != null) ? range : new ByteRange(0, ref.size());
		Map<String, String> extra = new LinkedHashMap<>();
		extra.put("Content-Length", Long.toString(part.length()));
		extra.put("Accept-Ranges", "bytes");
		extra.put("ETag", "\"" + ref.sha256() + "\"");
		extra.put("Content-Disposition", disposition(ref.name()));
		if (range != null) {
			extra.put("Content-Range", range.contentRange(ref.size()));
		}
		AdapterResponse head = new AdapterResponse((range != null) ? 206 : 200, "application/octet-stream", NO_BODY,
				extra);
		res.status(HttpResponseStatus.valueOf(head.status()));
		headers.apply(head).forEach(res::header);
		Path file = this.transfers.store().localFile(ref.id());
		Mono<Void> body = (file != null) ? Mono.from(res.sendFile(file, part.start(), part.length()))
				: Mono.from(res.send(ChannelReads.of(this.transfers.store(), ref.id(), part)));
		return body.thenReturn(SENT);
	}

	/**
	 * {@code attachment; filename="..."} plus the RFC 6266 UTF-8 form for names beyond
	 * ASCII.
	 */
	private static String disposition(String name) {
		String ascii = name.replaceAll("[^\\x20-\\x7e]", "_").replace("\\", "_");
		return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
				+ URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
