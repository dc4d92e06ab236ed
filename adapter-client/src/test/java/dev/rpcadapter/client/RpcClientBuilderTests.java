package dev.rpcadapter.client;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class RpcClientBuilderTests {

	private static final URI HTTPS = URI.create("https://localhost:8443");

	@Test
	void baseUrlMustBeHttpOrHttps() {
		assertThatIllegalArgumentException().isThrownBy(() -> RpcClient.builder(URI.create("ftp://host")))
			.withMessageContaining("http:// or https://");
		assertThatIllegalArgumentException().isThrownBy(() -> RpcClient.builder(URI.create("/relative")));
	}

	@Test
	void apiKeyAndBearerTokenAreMutuallyExclusive() {
		assertThatIllegalStateException()
			.isThrownBy(() -> RpcClient.builder(HTTPS).apiKey("a").bearerToken("b").build())
			.withMessageContaining("either apiKey(...) or bearerToken(...)");
	}

	@Test
	void blankCredentialsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> RpcClient.builder(HTTPS).apiKey(" "));
	}

	@Test
	void pathsMustStartWithSlash() {
		assertThatIllegalArgumentException().isThrownBy(() -> RpcClient.builder(HTTPS).jsonRpcPath("api"))
			.withMessageContaining("jsonRpcPath");
	}

	@Test
	void tlsOptionsOnPlainHttpUrlAreRejected() {
		assertThatIllegalStateException()
			.isThrownBy(() -> RpcClient.builder(URI.create("http://localhost:8080"))
				.insecureTrustAllCertificatesDangerous()
				.build())
			.withMessageContaining("not https");
	}

	@Test
	void trustAllCannotBeCombinedWithTrustedCa() {
		assertThatIllegalStateException().isThrownBy(() -> RpcClient.builder(HTTPS)
			.trustedCa(Path.of("ca.pem"))
			.insecureTrustAllCertificatesDangerous()
			.build());
	}

	@Test
	void sslContextExcludesOtherTlsOptions() throws Exception {
		SSLContext context = SSLContext.getDefault();
		assertThatIllegalStateException()
			.isThrownBy(() -> RpcClient.builder(HTTPS).sslContext(context).trustedCa(Path.of("ca.pem")).build())
			.withMessageContaining("sslContext(...)");
	}

	@Test
	void invalidTimeoutEnvironmentVariableFailsAtBuild() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RpcClient.builder(HTTPS).environment(Map.of("ADAPTER_HTTP_TIMEOUT", "soon")::get).build())
			.withMessageContaining("ADAPTER_HTTP_TIMEOUT");
	}

	@Test
	void seedTimeoutEnvironmentVariableIsReadWhenOursIsNotSet() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RpcClient.builder(HTTPS)
				.environment(Map.of("MCP_PROXY_ADAPTER_HTTP_TIMEOUT", "soon")::get)
				.build())
			.withMessageContaining("MCP_PROXY_ADAPTER_HTTP_TIMEOUT");
		assertThatNoException().isThrownBy(() -> RpcClient.builder(HTTPS)
			.environment(Map.of("ADAPTER_HTTP_TIMEOUT", "5", "MCP_PROXY_ADAPTER_HTTP_TIMEOUT", "soon")::get)
			.build()
			.close());
	}

	@Test
	void explicitTimeoutMakesInvalidEnvironmentIrrelevant() {
		assertThatNoException().isThrownBy(() -> RpcClient.builder(HTTPS)
			.environment(Map.of("ADAPTER_HTTP_TIMEOUT", "soon")::get)
			.requestTimeout(java.time.Duration.ofSeconds(3))
			.build()
			.close());
	}

	@Test
	void missingCaFileFailsAtBuildNamingTheFile() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RpcClient.builder(HTTPS).trustedCa(Path.of("does-not-exist.pem")).build())
			.withMessageContaining("does-not-exist.pem");
	}

	@Test
	void nonPositiveTimeoutsAreRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RpcClient.builder(HTTPS).requestTimeout(java.time.Duration.ZERO));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RpcClient.builder(HTTPS).connectTimeout(java.time.Duration.ofSeconds(-1)));
	}

}
