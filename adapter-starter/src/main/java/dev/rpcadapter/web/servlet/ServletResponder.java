package dev.rpcadapter.web.servlet;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.support.ErrorIds;
import dev.rpcadapter.web.AdapterEndpoints;
import dev.rpcadapter.web.AdapterHttpException;
import dev.rpcadapter.web.AdapterRequest;
import dev.rpcadapter.web.AdapterResponse;
import dev.rpcadapter.web.ResponseHeadersCustomizer;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Turns the endpoints' {@code Mono} answers into servlet responses: written at once on
 * the container thread when the answer is already there (an authenticated synchronous
 * command), otherwise in async mode when it arrives. Maps rejections and failures to
 * JSON-RPC error responses as the Netty routes do.
 */
final class ServletResponder {

	private static final Logger logger = LoggerFactory.getLogger(ServletResponder.class);

	private final AdapterEndpoints endpoints;

	private final List<ResponseHeadersCustomizer> headerCustomizers;

	private final long maxBodySize;

	ServletResponder(AdapterEndpoints endpoints, List<ResponseHeadersCustomizer> headerCustomizers, long maxBodySize) {
		this.endpoints = endpoints;
		this.headerCustomizers = List.copyOf(headerCustomizers);
		this.maxBodySize = maxBodySize;
	}

	/**
	 * Authenticates, then answers with what {@code handler} gives for the caller. The
	 * handler runs on a container thread (it may read the request body with blocking I/O)
	 * and subscribes to its answer.
	 */
	void respond(HttpServletRequest req, HttpServletResponse res, AdapterRequest request, Mono<Caller> caller,
			Function<Caller, CompletableFuture<AdapterResponse>> handler) {
		CompletableFuture<Caller> who = caller.toFuture();
		if (who.isDone()) {
			Caller known;
			try {
				known = who.join();
			}
			catch (CompletionException ex) {
				write(req, res, request, failure(unwrap(ex)));
				return;
			}
			answer(req, res, request, call(handler, known), null);
			return;
		}
		AsyncContext async = start(req, who);
		who.whenComplete((known, ex) -> {
			if (ex != null) {
				finish(async, res, request, failure(unwrap(ex)));
				return;
			}
			// back on a container thread: the handler may block reading the body
			async.start(() -> answer(req, res, request, call(handler, known), async));
		});
	}

	/** Writes the answer now if it is there, else in async mode once it is. */
	private void answer(HttpServletRequest req, HttpServletResponse res, AdapterRequest request,
			CompletableFuture<AdapterResponse> answer, @Nullable AsyncContext async) {
		if (answer.isDone()) {
			AdapterResponse ready = outcome(answer);
			if (async == null) {
				write(req, res, request, ready);
			}
			else {
				finish(async, res, request, ready);
			}
			return;
		}
		AsyncContext context = (async != null) ? async : start(req, answer);
		answer.whenComplete((ready, ex) -> finish(context, res, request, (ex != null) ? failure(unwrap(ex)) : ready));
	}

	private AdapterResponse outcome(CompletableFuture<AdapterResponse> done) {
		try {
			return done.join();
		}
		catch (CompletionException | java.util.concurrent.CancellationException ex) {
			return failure(unwrap(ex));
		}
	}

	/** Subscribes to an endpoint's answer. */
	static CompletableFuture<AdapterResponse> subscribe(Mono<AdapterResponse> answer) {
		return answer.toFuture();
	}

	private static CompletableFuture<AdapterResponse> call(Function<Caller, CompletableFuture<AdapterResponse>> handler,
			Caller caller) {
		try {
			return handler.apply(caller);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	/**
	 * Async mode without a container timeout: the dispatcher's own timeouts bound every
	 * call.
	 */
	private static AsyncContext start(HttpServletRequest req, CompletableFuture<?> pending) {
		AsyncContext async = req.startAsync();
		async.setTimeout(0);
		async.addListener(new CancellingListener(pending));
		return async;
	}

	private void finish(AsyncContext async, HttpServletResponse res, AdapterRequest request, AdapterResponse response) {
		try {
			write((HttpServletRequest) async.getRequest(), res, request, response);
		}
		finally {
			async.complete();
		}
	}

	/**
	 * Status, headers (the endpoint's and the customizers') and body; no body for
	 * {@code HEAD}.
	 */
	void write(HttpServletRequest req, HttpServletResponse res, AdapterRequest request, AdapterResponse response) {
		res.setStatus(response.status());
		response.allHeaders(request, this.headerCustomizers).forEach(res::setHeader);
		byte[] body = response.body();
		if (response.status() == 204) {
			return;
		}
		res.setContentLength(body.length);
		if (body.length == 0 || "HEAD".equals(req.getMethod())) {
			return;
		}
		try {
			res.getOutputStream().write(body);
		}
		catch (IOException ex) {
			logger.debug("Response not written: the client went away", ex);
		}
	}

	/**
	 * Maps a rejection or failure to its answer: the exception's status, 413, or 500 with
	 * an {@code error_id}.
	 */
	AdapterResponse failure(Throwable ex) {
		if (ex instanceof AdapterHttpException http) {
			return this.endpoints.error(http);
		}
		if (ex instanceof BodyTooLargeException) {
			return this.endpoints.bodyTooLarge(this.maxBodySize);
		}
		String errorId = ErrorIds.next();
		logger.error("Request failed [error_id={}]", errorId, ex);
		return this.endpoints.error(500, JsonRpcError.internal(errorId));
	}

	private static Throwable unwrap(Throwable ex) {
		Throwable cause = ex.getCause();
		return (ex instanceof CompletionException && cause != null) ? cause : ex;
	}

}
