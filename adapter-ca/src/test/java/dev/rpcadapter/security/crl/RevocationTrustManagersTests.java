package dev.rpcadapter.security.crl;

import java.io.IOException;
import java.net.InetAddress;
import java.security.cert.CertificateException;
import java.security.cert.CertificateRevokedException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import dev.rpcadapter.ca.CertificateRequest;
import dev.rpcadapter.ca.CertificateTool;
import dev.rpcadapter.ca.CrlRequest;
import dev.rpcadapter.ca.IssuedCertificate;
import dev.rpcadapter.ca.TlsMaterial;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class RevocationTrustManagersTests {

	private static final IssuedCertificate CA = CertificateTool.createCa(CertificateRequest.forName("Test CA"));

	private static final IssuedCertificate SERVER = CertificateTool.issueServer(CA,
			CertificateRequest.forName("localhost").withDnsNames("localhost").withIpAddresses("127.0.0.1"));

	private static final IssuedCertificate ALICE = CertificateTool.issueClient(CA,
			CertificateRequest.forName("alice").withRoles("admin"));

	private static final IssuedCertificate MALLORY = CertificateTool.issueClient(CA,
			CertificateRequest.forName("mallory"));

	private static final CrlSet CRLS = CrlSet
		.of(List.of(new CrlSet.SourcedCrl(CertificateTool.createCrl(CA, CrlRequest.revoking(MALLORY.serialNumber())),
				"ca.crl")), List.of(CA.certificate()), Clock.systemUTC());

	private final X509ExtendedTrustManager trustManager = RevocationTrustManagers.forCas(List.of(CA.certificate()),
			CRLS);

	@Test
	void validClientChainIsTrusted() {
		assertThatNoException().isThrownBy(() -> this.trustManager.checkClientTrusted(chain(ALICE), "ECDHE_ECDSA"));
	}

	@Test
	void revokedClientChainIsRejected() {
		assertThatExceptionOfType(CertificateRevokedException.class)
			.isThrownBy(() -> this.trustManager.checkClientTrusted(chain(MALLORY), "ECDHE_ECDSA"));
	}

	@Test
	void chainFromAnUntrustedCaIsRejectedBeforeRevocationIsConsidered() {
		IssuedCertificate otherCa = CertificateTool.createCa(CertificateRequest.forName("Test CA"));
		IssuedCertificate stranger = CertificateTool.issueClient(otherCa, CertificateRequest.forName("stranger"));

		assertThatExceptionOfType(CertificateException.class)
			.isThrownBy(() -> this.trustManager.checkClientTrusted(chain(stranger), "ECDHE_ECDSA"))
			.isNotInstanceOf(CertificateRevokedException.class);
	}

	@Test
	void wrappedTrustManagerFactoryChecksRevocation() throws Exception {
		TrustManagerFactory delegate = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		TrustManagerFactory factory = RevocationTrustManagers.wrap(delegate, CRLS);
		factory.init(TlsMaterial.trustStore(List.of(CA.certificate())));
		X509ExtendedTrustManager manager = (X509ExtendedTrustManager) factory.getTrustManagers()[0];

		assertThat(factory.getAlgorithm()).isEqualTo(delegate.getAlgorithm());
		assertThatNoException().isThrownBy(() -> manager.checkClientTrusted(chain(ALICE), "ECDHE_ECDSA"));
		assertThatExceptionOfType(CertificateRevokedException.class)
			.isThrownBy(() -> manager.checkClientTrusted(chain(MALLORY), "ECDHE_ECDSA"));
	}

	@Test
	void mtlsHandshakeSucceedsForAValidClientCertificate() throws Exception {
		assertThat(handshake(ALICE).get(10, TimeUnit.SECONDS)).isEqualTo("CN=alice");
	}

	@Test
	void mtlsHandshakeFailsForARevokedClientCertificate() {
		CompletableFuture<String> server = handshake(MALLORY);

		assertThat(server).failsWithin(10, TimeUnit.SECONDS)
			.withThrowableThat()
			.havingRootCause()
			.isInstanceOf(CertificateRevokedException.class);
	}

	private CompletableFuture<String> handshake(IssuedCertificate client) {
		SSLContext serverContext = TlsMaterial.sslContext(SERVER, this.trustManager);
		SSLContext clientContext = TlsMaterial.sslContext(client, TlsMaterial.trustManager(List.of(CA.certificate())));
		try {
			SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory()
				.createServerSocket(0, 1, InetAddress.getLoopbackAddress());
			listener.setNeedClientAuth(true);
			listener.setSoTimeout(10_000);
			CompletableFuture<String> server = CompletableFuture.supplyAsync(() -> acceptOne(listener));
			connect(clientContext, listener.getLocalPort());
			return server.whenComplete((result, failure) -> closeQuietly(listener));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String acceptOne(SSLServerSocket listener) {
		try (SSLSocket socket = (SSLSocket) listener.accept()) {
			socket.setSoTimeout(10_000);
			socket.startHandshake();
			String peer = ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSubjectX500Principal()
				.getName();
			socket.getOutputStream().write(1);
			return peer;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void connect(SSLContext context, int port) {
		try (SSLSocket socket = (SSLSocket) context.getSocketFactory()
			.createSocket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(10_000);
			socket.startHandshake();
			socket.getInputStream().read();
		}
		catch (IOException ex) {
			// the server rejected us; the test asserts on the server's side
		}
	}

	private static void closeQuietly(SSLServerSocket listener) {
		try {
			listener.close();
		}
		catch (IOException ex) {
			// nothing to do
		}
	}

	private static X509Certificate[] chain(IssuedCertificate certificate) {
		return certificate.chain().toArray(X509Certificate[]::new);
	}

}
