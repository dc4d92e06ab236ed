package dev.rpcadapter.security.crl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateRevokedException;
import java.time.Clock;
import java.util.List;

import dev.rpcadapter.ca.CertificateRequest;
import dev.rpcadapter.ca.CertificateTool;
import dev.rpcadapter.ca.CrlRequest;
import dev.rpcadapter.ca.IssuedCertificate;
import dev.rpcadapter.ca.Pem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class ReloadingCrlCheckerTests {

	private static final IssuedCertificate CA = CertificateTool.createCa(CertificateRequest.forName("Test CA"));

	private static final IssuedCertificate ALICE = CertificateTool.issueClient(CA, CertificateRequest.forName("alice"));

	@TempDir
	Path directory;

	@Test
	void replacedCrlFileTakesEffectOnTheNextCheck() throws Exception {
		Path file = writeCrl(CrlRequest.revoking(List.of()));
		RevocationChecker checker = RevocationChecker.reloadingCrlFile(file, List.of(CA.certificate()),
				Clock.systemUTC());
		assertThatNoException().isThrownBy(() -> checker.check(ALICE.certificate()));

		writeCrl(CrlRequest.revoking(ALICE.serialNumber()));

		assertThatExceptionOfType(CertificateRevokedException.class)
			.isThrownBy(() -> checker.check(ALICE.certificate()));
	}

	@Test
	void brokenReplacementRejectsCertificatesUntilFixed() throws Exception {
		Path file = writeCrl(CrlRequest.revoking(List.of()));
		RevocationChecker checker = RevocationChecker.reloadingCrlFile(file, List.of(CA.certificate()),
				Clock.systemUTC());

		Files.writeString(file, "not a crl");

		assertThatExceptionOfType(CertificateException.class).isThrownBy(() -> checker.check(ALICE.certificate()))
			.withMessageContaining("Revocation status unknown")
			.withMessageContaining(file.toAbsolutePath().toString());
	}

	@Test
	void unreadableFileFailsAtCreation() {
		assertThatExceptionOfType(CrlException.class)
			.isThrownBy(() -> RevocationChecker.reloadingCrlFile(this.directory.resolve("missing.crl"),
					List.of(CA.certificate()), Clock.systemUTC()))
			.withMessageContaining("missing.crl");
	}

	private Path writeCrl(CrlRequest request) throws Exception {
		return Files.writeString(this.directory.resolve("ca.crl"), Pem.encode(CertificateTool.createCrl(CA, request)));
	}

}
