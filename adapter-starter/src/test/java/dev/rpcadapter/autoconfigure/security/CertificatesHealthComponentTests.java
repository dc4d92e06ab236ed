package dev.rpcadapter.autoconfigure.security;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.rpcadapter.health.ComponentHealth;
import dev.rpcadapter.test.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code certificates} health component at different points in time. */
class CertificatesHealthComponentTests {

	@TempDir
	Path directory;

	@Test
	void okWhileFarFromExpiryDegradedCloseToItDownAfterIt() {
		TestCertificates certificates = new TestCertificates(this.directory);
		Path crl = certificates.writeCrl(List.of());
		CrlResource resource = new CrlResource(crl.toUri().toString(), new FileSystemResource(crl),
				java.time.Duration.ZERO);
		ServerCertificates server = new ServerCertificates(
				new ServerTls("server", certificates.server().certificate(), List.of(certificates.ca().certificate())),
				resource, Clock.systemUTC());
		Instant now = Instant.now();

		assertThat(health(server, now).status()).isEqualTo(ComponentHealth.Status.OK);
		assertThat(health(server, now.plus(Duration.ofDays(20))).status()).isEqualTo(ComponentHealth.Status.DEGRADED);
		assertThat(health(server, now.plus(Duration.ofDays(31))).status()).isEqualTo(ComponentHealth.Status.DOWN);
		assertThat(health(server, now.plus(Duration.ofDays(20))).details()).containsKeys("server_certificate", "crl");
	}

	private static ComponentHealth health(ServerCertificates server, Instant at) {
		return new CertificatesHealthComponent(server, Duration.ofDays(14), Clock.fixed(at, ZoneOffset.UTC)).check();
	}

}
