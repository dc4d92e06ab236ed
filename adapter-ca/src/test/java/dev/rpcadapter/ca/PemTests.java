package dev.rpcadapter.ca;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PemTests {

	private static final IssuedCertificate CA = CertificateTool.createCa(CertificateRequest.forName("Test CA"));

	@TempDir
	Path directory;

	@Test
	void writtenFilesReadBackToTheSameCertificateAndKey() throws Exception {
		IssuedCertificate server = CertificateTool.issueServer(CA, CertificateRequest.forName("localhost"));

		IssuedCertificate.PemFiles files = server.writeTo(this.directory, "server");

		assertThat(files.certificate()).hasFileName("server.crt");
		assertThat(Files.readString(files.privateKey())).startsWith("-----BEGIN PRIVATE KEY-----\n");
		assertThat(Pem.readCertificates(files.certificate())).containsExactly(server.certificate());
		assertThat(Pem.readPrivateKey(files.privateKey())).isEqualTo(server.privateKey());
	}

	@Test
	void privateKeyFileIsReadableByTheOwnerOnly() throws Exception {
		IssuedCertificate.PemFiles files = CA.writeTo(this.directory, "ca");

		assertThat(Files.getPosixFilePermissions(files.privateKey()))
			.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
	}

	@Test
	void allCertificatesOfABundleAreRead() {
		IssuedCertificate client = CertificateTool.issueClient(CA, CertificateRequest.forName("alice"));

		String bundle = client.certificatePem() + CA.certificatePem();

		assertThat(Pem.readCertificates(bundle)).containsExactly(client.certificate(), CA.certificate());
	}

	@Test
	void textWithoutAPrivateKeyIsRejectedWithWhatWasExpected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Pem.readPrivateKey(CA.certificatePem()))
			.withMessageContaining("No unencrypted private key found in PEM text");
	}

	@Test
	void textWithoutACertificateIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Pem.readCertificates("hello"))
			.withMessageContaining("PEM text");
	}

	@Test
	void toStringNeverShowsThePrivateKey() {
		IssuedCertificate rsa = CertificateTool
			.createCa(CertificateRequest.forName("RSA CA").withKeyAlgorithm(KeyAlgorithm.RSA_2048));

		assertThat(rsa.toString()).startsWith("IssuedCertificate[subject=CN=RSA CA")
			.doesNotContain("private")
			.doesNotContain(rsa.privateKey().toString());
	}

	@Test
	void keyStoreHoldsKeyAndChain() throws Exception {
		IssuedCertificate client = CertificateTool.issueClient(CA, CertificateRequest.forName("alice"));

		KeyStore keyStore = client.toKeyStore("alice", "secret".toCharArray());

		assertThat(keyStore.getKey("alice", "secret".toCharArray())).isEqualTo(client.privateKey());
		assertThat(keyStore.getCertificateChain("alice")).extracting(X509Certificate.class::cast)
			.containsExactly(client.certificate(), CA.certificate());
	}

}
