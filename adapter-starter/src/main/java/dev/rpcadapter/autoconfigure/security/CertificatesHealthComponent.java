package dev.rpcadapter.autoconfigure.security;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.rpcadapter.health.ComponentHealth;
import dev.rpcadapter.health.HealthComponent;
import dev.rpcadapter.security.crl.CrlException;
import org.jspecify.annotations.Nullable;

/**
 * {@code /health} component {@code certificates}: days left for the server certificate
 * and until the CRL's next update; {@code degraded} when either is closer than the
 * warning period, {@code down} when either has passed or the CRL cannot be read.
 */
final class CertificatesHealthComponent implements HealthComponent {

	private final ServerCertificates certificates;

	private final Duration warning;

	private final Clock clock;

	CertificatesHealthComponent(ServerCertificates certificates, Duration warning, Clock clock) {
		this.certificates = certificates;
		this.warning = warning;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "certificates";
	}

	@Override
	public ComponentHealth check() {
		Instant now = this.clock.instant();
		X509Certificate server = this.certificates.tls().certificate();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("server_certificate",
				expiry(server.getSubjectX500Principal().getName(), server.getNotAfter().toInstant(), now));
		Instant worst = server.getNotAfter().toInstant();
		CrlResource crl = this.certificates.crl();
		if (crl != null) {
			try {
				Instant nextUpdate = nextUpdate(crl.read());
				if (nextUpdate != null) {
					details.put("crl", expiry(crl.location(), nextUpdate, now));
					worst = nextUpdate.isBefore(worst) ? nextUpdate : worst;
				}
			}
			catch (CrlException ex) {
				details.put("crl", Map.of("source", crl.location(), "error", "unreadable"));
				return ComponentHealth.down(details);
			}
		}
		if (!worst.isAfter(now)) {
			return ComponentHealth.down(details);
		}
		return worst.isBefore(now.plus(this.warning)) ? ComponentHealth.degraded(details) : ComponentHealth.ok(details);
	}

	private static Map<String, Object> expiry(String name, Instant until, Instant now) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("name", name);
		entry.put("expires_at", until.toString());
		entry.put("days_left", Duration.between(now, until).toDays());
		return entry;
	}

	private static @Nullable Instant nextUpdate(List<X509CRL> crls) {
		return crls.stream()
			.map(X509CRL::getNextUpdate)
			.filter(Objects::nonNull)
			.map(java.util.Date::toInstant)
			.min(Comparator.naturalOrder())
			.orElse(null);
	}

}
