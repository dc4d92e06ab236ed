package dev.rpcadapter.autoconfigure.security;

import java.nio.file.Path;
import java.util.Arrays;

import dev.rpcadapter.autoconfigure.diagnostics.AdapterSecurityFailureAnalyzer;
import dev.rpcadapter.test.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * mTLS with an SSL bundle that has no trust store: the JDK's public CAs would vouch for
 * client certificates, so anyone with a certificate from any public CA (with a CN of
 * their choosing) could authenticate. Startup must refuse it.
 */
class MtlsTrustStoreStartupTests {

	@TempDir
	Path directory;

	@Test
	void mtlsWithABundleWithoutTrustStoreStopsStartup() {
		TestCertificates certificates = new TestCertificates(this.directory);
		String[] withoutTrustStore = Arrays.stream(certificates.serverBundle("need"))
			.filter((property) -> !property.contains(".truststore."))
			.toArray(String[]::new);
		Throwable failure = catchThrowable(() -> {
			try (TestServer server = TestServer.start("https",
					concat(withoutTrustStore, "adapter.security.enabled=true", "adapter.security.mtls.enabled=true",
							"adapter.security.roles.admin=*"))) {
				throw new AssertionError("the server started with mTLS trusting the JDK's public CAs");
			}
		});

		assertThat(failure).isNotInstanceOf(AssertionError.class);
		FailureAnalysis analysis = new AdapterSecurityFailureAnalyzer().analyze(failure);
		assertThat(analysis).as("analysis of %s", failure).isNotNull();
		assertThat(analysis.getDescription()).contains("has no trust store").contains("public CAs");
		assertThat(analysis.getAction()).contains("spring.ssl.bundle.pem.server.truststore.certificate");
	}

	private static String[] concat(String[] first, String... more) {
		String[] all = Arrays.copyOf(first, first.length + more.length);
		System.arraycopy(more, 0, all, first.length, more.length);
		return all;
	}

}
