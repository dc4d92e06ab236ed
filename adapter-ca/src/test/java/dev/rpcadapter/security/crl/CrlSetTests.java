package dev.rpcadapter.security.crl;

import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.security.cert.CertificateRevokedException;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.rpcadapter.ca.CertificateRequest;
import dev.rpcadapter.ca.CertificateTool;
import dev.rpcadapter.ca.CrlRequest;
import dev.rpcadapter.ca.IssuedCertificate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class CrlSetTests {

	private static final IssuedCertificate CA = CertificateTool.createCa(CertificateRequest.forName("Test CA"));

	private static final IssuedCertificate REVOKED = CertificateTool.issueClient(CA,
			CertificateRequest.forName("mallory"));

	private static final IssuedCertificate GOOD = CertificateTool.issueClient(CA, CertificateRequest.forName("alice"));

	private static final Clock CLOCK = Clock.systemUTC();

	@Test
	void revokedCertificateIsRejected() {
		CrlSet crls = crlSet(CertificateTool.createCrl(CA, CrlRequest.revoking(REVOKED.serialNumber())), CLOCK);

		assertThatExceptionOfType(CertificateRevokedException.class).isThrownBy(() -> crls.check(REVOKED.certificate()))
			.satisfies((ex) -> assertThat(ex.getAuthorityName()).isEqualTo(CA.certificate().getSubjectX500Principal()));
	}

	@Test
	void certificateNotOnTheCrlPasses() {
		CrlSet crls = crlSet(CertificateTool.createCrl(CA, CrlRequest.revoking(REVOKED.serialNumber())), CLOCK);

		assertThatNoException().isThrownBy(() -> crls.check(GOOD.certificate()));
		assertThat(crls.covers(GOOD.certificate())).isTrue();
	}

	@Test
	void crlSignedByAnotherCaWithTheSameNameIsRejected() {
		IssuedCertificate impostor = CertificateTool.createCa(CertificateRequest.forName("Test CA"));
		X509CRL forged = CertificateTool.createCrl(impostor, CrlRequest.revoking(List.of()));

		assertThatExceptionOfType(CrlException.class).isThrownBy(() -> crlSet(forged, CLOCK))
			.withMessageContaining("signature does not verify")
			.withMessageContaining("forged.crl")
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(CrlException.Reason.INVALID_SIGNATURE));
	}

	@Test
	void crlFromAnUnconfiguredCaIsRejected() {
		IssuedCertificate other = CertificateTool.createCa(CertificateRequest.forName("Other CA"));
		X509CRL crl = CertificateTool.createCrl(other, CrlRequest.revoking(List.of()));

		assertThatExceptionOfType(CrlException.class).isThrownBy(() -> crlSet(crl, CLOCK))
			.withMessageContaining("CN=Other CA")
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(CrlException.Reason.UNKNOWN_ISSUER));
	}

	@Test
	void crlFromACaThatMayNotSignCrlsIsRejected() {
		IssuedCertificate notACa = CertificateTool.issueClient(CA, CertificateRequest.forName("not a ca"));
		X509CRL crl = CertificateTool.createCrl(notACa, CrlRequest.revoking(List.of()));

		assertThatExceptionOfType(CrlException.class)
			.isThrownBy(
					() -> CrlSet.of(List.of(new CrlSet.SourcedCrl(crl, "x.crl")), List.of(notACa.certificate()), CLOCK))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(CrlException.Reason.ISSUER_NOT_ALLOWED_TO_SIGN_CRLS));
	}

	@Test
	void expiredCrlIsReportedAndRejectsEveryCertificate() {
		Instant issued = Instant.parse("2024-01-01T00:00:00Z");
		X509CRL crl = CertificateTool.createCrl(CA,
				CrlRequest.revoking(List.of()).withUpdateWindow(issued, issued.plus(Duration.ofDays(7))));
		CrlSet crls = crlSet(crl, CLOCK);

		assertThatExceptionOfType(CrlException.class).isThrownBy(crls::checkCurrent)
			.withMessageContaining("forged.crl expired at 2024-01-08T00:00:00Z")
			.withMessageContaining("publish a fresh CRL")
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(CrlException.Reason.EXPIRED));
		assertThatExceptionOfType(CertificateException.class).isThrownBy(() -> crls.check(GOOD.certificate()))
			.withMessageContaining("unknown");
	}

	@Test
	void crlExpiresWhenTheClockPassesNextUpdate() {
		X509CRL crl = CertificateTool.createCrl(CA, CrlRequest.revoking(List.of()).withValidity(Duration.ofDays(1)));
		Clock later = Clock.fixed(crl.getNextUpdate().toInstant().plusSeconds(1), ZoneOffset.UTC);

		assertThatNoException().isThrownBy(crlSet(crl, CLOCK)::checkCurrent);
		assertThatExceptionOfType(CrlException.class).isThrownBy(crlSet(crl, later)::checkCurrent);
	}

	@Test
	void aCertificateCheckedBeforeIsStillRefusedOnceTheCrlExpires() throws Exception {
		X509CRL crl = CertificateTool.createCrl(CA,
				CrlRequest.revoking(REVOKED.serialNumber()).withValidity(Duration.ofDays(1)));
		MovableClock clock = new MovableClock(Instant.now());
		CrlSet crls = crlSet(crl, clock);

		crls.check(GOOD.certificate());
		crls.check(GOOD.certificate()); // remembered as not revoked
		assertThatExceptionOfType(CertificateRevokedException.class)
			.isThrownBy(() -> crls.check(REVOKED.certificate()));
		assertThatExceptionOfType(CertificateRevokedException.class)
			.isThrownBy(() -> crls.check(REVOKED.certificate()));
		clock.now = crl.getNextUpdate().toInstant().plusSeconds(1);

		assertThatExceptionOfType(CertificateException.class).isThrownBy(() -> crls.check(GOOD.certificate()))
			.withMessageContaining("unknown");
	}

	/** A clock a test moves. */
	private static final class MovableClock extends Clock {

		Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

	@Test
	void crlIssuedInTheFutureIsNotYetValid() {
		Instant future = Instant.now().plus(Duration.ofDays(2));
		X509CRL crl = CertificateTool.createCrl(CA,
				CrlRequest.revoking(List.of()).withUpdateWindow(future, future.plus(Duration.ofDays(2))));

		assertThatExceptionOfType(CrlException.class).isThrownBy(crlSet(crl, CLOCK)::checkCurrent)
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(CrlException.Reason.NOT_YET_VALID));
	}

	@Test
	void certificateFromAnIssuerWithoutCrlIsRejected() {
		IssuedCertificate otherCa = CertificateTool.createCa(CertificateRequest.forName("Other CA"));
		IssuedCertificate stranger = CertificateTool.issueClient(otherCa, CertificateRequest.forName("stranger"));
		CrlSet crls = crlSet(CertificateTool.createCrl(CA, CrlRequest.revoking(BigInteger.TEN)), CLOCK);

		assertThat(crls.covers(stranger.certificate())).isFalse();
		assertThatExceptionOfType(CertificateException.class).isThrownBy(() -> crls.check(stranger.certificate()))
			.withMessageContaining("no CRL from its issuer 'CN=Other CA'");
	}

	private static CrlSet crlSet(X509CRL crl, Clock clock) {
		return CrlSet.of(List.of(new CrlSet.SourcedCrl(crl, "forged.crl")), List.of(CA.certificate()), clock);
	}

}
