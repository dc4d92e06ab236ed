package dev.rpcadapter.security.token;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

class ApiTokenServerAuthenticationConverterTests {

	private final ApiTokenServerAuthenticationConverter converter = new ApiTokenServerAuthenticationConverter();

	@Test
	void apiKeyHeaderBecomesAnApiTokenRequest() {
		Authentication result = convert(MockServerHttpRequest.post("/api/jsonrpc").header("X-API-Key", "k1"));

		assertThat(result).isInstanceOfSatisfying(ApiTokenAuthentication.class,
				(token) -> assertThat(token.getCredentials()).isEqualTo("k1"));
	}

	@Test
	void bearerHeaderBecomesABearerTokenRequestWhateverTheSchemeCase() {
		Authentication result = convert(
				MockServerHttpRequest.post("/api/jsonrpc").header(HttpHeaders.AUTHORIZATION, "bearer abc.def.ghi"));

		assertThat(result).isInstanceOfSatisfying(BearerTokenAuthenticationToken.class,
				(token) -> assertThat(token.getToken()).isEqualTo("abc.def.ghi"));
	}

	@Test
	void apiKeyWinsOverBearer() {
		Authentication result = convert(MockServerHttpRequest.post("/")
			.header("X-API-Key", "k1")
			.header(HttpHeaders.AUTHORIZATION, "Bearer other"));

		assertThat(result).isInstanceOf(ApiTokenAuthentication.class);
	}

	@Test
	void requestsWithoutTokenConvertToNothing() {
		assertThat(convert(MockServerHttpRequest.get("/"))).isNull();
		assertThat(convert(MockServerHttpRequest.get("/").header(HttpHeaders.AUTHORIZATION, "Basic dXNlcjpwdw==")))
			.isNull();
		assertThat(convert(MockServerHttpRequest.get("/").header(HttpHeaders.AUTHORIZATION, "Bearer "))).isNull();
		assertThat(convert(MockServerHttpRequest.get("/").header("X-API-Key", " "))).isNull();
	}

	private Authentication convert(MockServerHttpRequest.BaseBuilder<?> request) {
		return this.converter.convert(MockServerWebExchange.from(request)).block();
	}

}
