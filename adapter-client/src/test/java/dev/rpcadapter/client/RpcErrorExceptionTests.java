package dev.rpcadapter.client;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RpcErrorExceptionTests {

	@ParameterizedTest
	@CsvSource({ "-32601, MethodNotFoundException", "-32602, InvalidParamsException",
			"-32001, AuthenticationRequiredException", "-32002, PermissionDeniedException",
			"-32003, ServerTimeoutException", "-32004, JobNotFoundException", "-32005, RateLimitedException",
			"-32006, QueueFullException", "-32700, RpcErrorException", "-32600, RpcErrorException",
			"-32603, RpcErrorException", "-32000, RpcErrorException", "-1, RpcErrorException" })
	void eachCodeMapsToItsException(int code, String type) {
		RpcErrorException exception = RpcErrorException.of(new RpcError(code, "m", null), 200, null);
		assertThat(exception.getClass().getSimpleName()).isEqualTo(type);
		assertThat(exception.code()).isEqualTo(code);
	}

	@Test
	void rateLimitedCarriesRetryAfter() {
		RpcErrorException exception = RpcErrorException.of(new RpcError(-32005, "slow down", null), 429,
				Duration.ofSeconds(3));
		assertThat(((RateLimitedException) exception).retryAfter()).contains(Duration.ofSeconds(3));
		assertThat(exception.httpStatus()).isEqualTo(429);
		assertThat(exception).hasMessage("-32005 slow down");
	}

	@Test
	void invalidParamsWithoutDataHasNoErrors() {
		assertThat(new InvalidParamsException(new RpcError(-32602, "bad", null), 200).errors()).isEmpty();
	}

}
